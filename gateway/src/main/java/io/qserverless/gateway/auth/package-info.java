/**
 * Users, passwords, API tokens and job-scoped tokens, and who may do what ({@link
 * io.qserverless.gateway.auth.Principal}).
 */
package io.qserverless.gateway.auth;
