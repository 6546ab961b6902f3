/**
 * The gateway: {@link io.qserverless.gateway.Gateway} and its {@link io.qserverless.gateway.GatewayConfig},
 * and the failures users can cause ({@link io.qserverless.gateway.RequestRefusedException} and its kinds).
 * Features live in sub-packages: auth, program, job, scheduler, runner, file, store, metrics, http.
 */
package io.qserverless.gateway;
