/** Prometheus metrics of the gateway. */
package io.qserverless.gateway.metrics;
