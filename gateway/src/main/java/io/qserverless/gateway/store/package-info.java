/** Persistence: the pooled, migrated database shared by the feature repositories. */
package io.qserverless.gateway.store;
