package io.qserverless.cli;

import io.qserverless.client.QiskitFunction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qs upload DIR --title T --entrypoint E}: uploads a working directory as a function. */
@Command(
    name = "upload",
    description =
        "Upload a program's working directory as a function (a new version if the title exists).")
final class UploadCommand implements Callable<Integer> {
  @Mixin GatewayOptions gateway;

  @Parameters(paramLabel = "DIR", description = "the working directory holding the entrypoint")
  Path dir;

  @Option(names = "--title", required = true, description = "the function's title")
  String title;

  @Option(
      names = "--entrypoint",
      required = true,
      description = "the entrypoint, relative to DIR (e.g. Main.java)")
  String entrypoint;

  @Option(names = "--description", description = "what the function does")
  String description = "";

  @Option(
      names = "--dependency",
      paramLabel = "G:A:V",
      description =
          "Maven coordinates of a library the program needs, e.g. org.apache.commons:commons-math3:3.6.1 (repeatable)")
  List<String> dependencies = List.of();

  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description = "an environment variable for its jobs (repeatable)")
  Map<String, String> env = Map.of();

  @Option(names = "--json", description = "print the function as JSON")
  boolean json;

  @Override
  public Integer call() {
    QiskitFunction fn =
        gateway
            .client()
            .upload(
                QiskitFunction.of(title, entrypoint, dir)
                    .withDescription(description)
                    .withDependencies(dependencies)
                    .withEnvVars(env));
    if (json) {
      Output.json(
          gateway.out(),
          Map.of(
              "id",
              String.valueOf(fn.id()),
              "title",
              fn.title(),
              "entrypoint",
              fn.entrypoint(),
              "version",
              String.valueOf(fn.version())));
    } else {
      gateway
          .out()
          .println(
              "uploaded "
                  + fn.title()
                  + (fn.version() == null ? "" : " (version " + fn.version() + ")"));
    }
    return 0;
  }
}
