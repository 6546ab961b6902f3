package io.qserverless.cli;

import io.qserverless.client.Job;
import io.qserverless.client.JobInfo;
import io.qserverless.client.RunConfig;
import io.qserverless.protocol.JobStatus;
import io.qserverless.protocol.value.ValueEncodingException;
import io.qserverless.protocol.value.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qs run TITLE [--args JSON|@file] [--wait]}: runs a function. */
@Command(
    name = "run",
    description = "Run a function; with --wait, follow its status and print its result.")
final class RunCommand implements Callable<Integer> {
  @Mixin GatewayOptions gateway;

  @Parameters(paramLabel = "TITLE", description = "the function's title")
  String title;

  @Option(
      names = "--args",
      paramLabel = "JSON|@FILE",
      description = "arguments: a JSON object, or @file holding one")
  String args = "{}";

  @Option(names = "--cpu", description = "cores for the job (default: the gateway's job default)")
  Double cpu;

  @Option(
      names = "--mem",
      paramLabel = "BYTES",
      description = "memory for the job in bytes (default: the gateway's job default)")
  Long mem;

  @Option(names = "--wait", description = "follow the job's status and print its result")
  boolean waitForResult;

  @Option(names = "--json", description = "print the job (and with --wait, the result) as JSON")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    RunConfig config = RunConfig.DEFAULT;
    config = cpu == null ? config : config.withCpu(cpu);
    config = mem == null ? config : config.withMem(mem);
    Job job = gateway.client().run(title, arguments(args), config);
    if (!waitForResult) {
      if (json) {
        Output.json(gateway.out(), job.lastInfo());
      } else {
        gateway.out().println(job.id());
      }
      return 0;
    }
    gateway.err().println("job " + job.id());
    JobInfo end =
        (json ? new JobWatcher(gateway.err(), false) : JobWatcher.onConsole(gateway.out()))
            .watch(job);
    if (end.status() != JobStatus.SUCCEEDED) {
      gateway
          .err()
          .println(
              "qs: job "
                  + job.id()
                  + " ended "
                  + end.shown()
                  + (end.status() == JobStatus.FAILED ? ": " + job.errorMessage() : ""));
      return 1;
    }
    Output.json(gateway.out(), job.result());
    return 0;
  }

  /** The arguments text {@code given} (JSON or @file) as a map. */
  static Map<String, Object> arguments(String given) throws IOException {
    String text = given.startsWith("@") ? Files.readString(Path.of(given.substring(1))) : given;
    Object value;
    try {
      value = Values.fromJson(text);
    } catch (ValueEncodingException e) {
      throw new IllegalArgumentException("--args: " + e.getMessage(), e);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "--args must be a JSON object such as {\"circuits\": []}, got " + abbreviate(text));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> byName = (Map<String, Object>) map;
    return byName;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
