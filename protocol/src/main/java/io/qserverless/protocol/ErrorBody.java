package io.qserverless.protocol;

/** The body of every error answer: {@code {"message": "<what went wrong and what to do>"}}. */
public record ErrorBody(String message) {}
