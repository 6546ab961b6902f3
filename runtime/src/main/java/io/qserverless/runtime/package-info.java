/**
 * The API a program uses inside a job. {@link io.qserverless.runtime.Serverless} is the front door
 * (arguments, result, status, distributed tasks, files); {@link io.qserverless.runtime.Resources},
 * {@link io.qserverless.runtime.TaskRef}, {@link io.qserverless.runtime.Arguments} and {@link
 * io.qserverless.runtime.DataFiles} are what it hands out. The task executor and the job
 * environment reader are package-private. {@link io.qserverless.runtime.Launcher}, {@link
 * io.qserverless.runtime.Worker} and {@link io.qserverless.runtime.JobTraining} are the platform's
 * main classes of job JVMs, not API.
 */
package io.qserverless.runtime;
