/**
 * Device descriptions: the shipped fake backends ({@code fake_manila}, {@code fake_lima}, {@code
 * fake_nairobi}, {@code fake_kolkata}, {@code fake_sherbrooke}) and the loader for backend JSON
 * files. Start at {@link io.qserverless.quantum.backends.Backends}.
 */
package io.qserverless.quantum.backends;
