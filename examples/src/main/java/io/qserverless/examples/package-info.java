/**
 * The seed programs ported to Java, and {@link io.qserverless.examples.ExampleProgram} to upload
 * them. The programs themselves are in {@code io.qserverless.examples.programs}.
 */
package io.qserverless.examples;
