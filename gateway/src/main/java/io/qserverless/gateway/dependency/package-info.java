/**
 * Program dependencies: Maven coordinates declared at upload, checked against the operator's
 * policy, resolved once with Maven Resolver into a shared cache, and recorded with the function
 * version (coordinates and SHA-256 of each jar). {@link
 * io.qserverless.gateway.dependency.DependencyResolver} is the front door; jobs only read the
 * cached jars.
 */
package io.qserverless.gateway.dependency;
