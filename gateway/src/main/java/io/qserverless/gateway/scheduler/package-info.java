/** The fair-share, capacity-aware scheduler that starts queued jobs from the database queue. */
package io.qserverless.gateway.scheduler;
