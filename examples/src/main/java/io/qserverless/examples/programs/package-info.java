/**
 * The seed programs: each class is one uploadable program (a single source file with a main method)
 * that uses the runtime API ({@code io.qserverless.runtime.Serverless}).
 */
package io.qserverless.examples.programs;
