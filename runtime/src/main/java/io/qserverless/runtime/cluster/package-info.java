/**
 * The job's cluster when it has workers: Hazelcast membership, the driver's placement of tasks on
 * members ({@link io.qserverless.runtime.cluster.Scheduler}), batched messages between members, the
 * worker JVMs a plain-java run starts. Not an API: {@code io.qserverless.runtime} is its only user;
 * its public types are public for that package and for Hazelcast's reflection.
 */
package io.qserverless.runtime.cluster;
