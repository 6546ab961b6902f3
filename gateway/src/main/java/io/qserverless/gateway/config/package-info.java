/**
 * The gateway's start settings: {@link io.qserverless.gateway.config.GatewayConfig} with its limits
 * and node capacity, validated when built. Depends on no other gateway package.
 */
package io.qserverless.gateway.config;
