/**
 * The fair-share scheduler: orders the database queue and hands jobs that fit to the job lifecycle.
 */
package io.qserverless.gateway.scheduler;
