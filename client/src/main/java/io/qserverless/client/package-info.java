/**
 * The Java SDK for a qserverless gateway: {@link io.qserverless.client.ServerlessClient} is the
 * front door; {@link io.qserverless.client.QiskitFunction} describes a program to upload and {@link
 * io.qserverless.client.Job} follows one run of it.
 */
package io.qserverless.client;
