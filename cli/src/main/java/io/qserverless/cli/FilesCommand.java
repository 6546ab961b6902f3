package io.qserverless.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qs files ls|upload|download|rm}: the user's stored files, shared by all of the user's
 * functions.
 */
@Command(
    name = "files",
    description =
        "Manage your stored files (shared by all your functions; tar, gzip, h5, json, zip, txt, csv, bin).",
    subcommands = {
      FilesCommand.List.class,
      FilesCommand.Upload.class,
      FilesCommand.Download.class,
      FilesCommand.Delete.class
    })
final class FilesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing a subcommand: ls, upload, download or rm.");
  }

  /** The options every files subcommand shares: the gateway's. */
  static final class Target extends GatewayOptions {}

  @Command(name = "ls", description = "List the files.")
  static final class List implements Callable<Integer> {
    @Mixin Target target;

    @Option(names = "--json", description = "print the names as a JSON array")
    boolean json;

    @Override
    public Integer call() {
      java.util.List<String> names = target.client().files();
      if (json) {
        Output.json(target.out(), names);
      } else {
        names.forEach(target.out()::println);
      }
      return 0;
    }
  }

  @Command(
      name = "upload",
      description = "Upload a file (tar, gzip, h5, json, zip, txt, csv or bin).")
  static final class Upload implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "FILE", description = "the file to upload")
    Path file;

    @Override
    public Integer call() {
      target.out().println(target.client().fileUpload(file));
      return 0;
    }
  }

  @Command(name = "download", description = "Download a file.")
  static final class Download implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "NAME", description = "the stored file's name")
    String name;

    @Option(
        names = "--to",
        paramLabel = "DIR",
        description = "directory to write it to (default: .)")
    Path dir = Path.of(".");

    @Override
    public Integer call() {
      target.out().println(target.client().fileDownload(name, dir));
      return 0;
    }
  }

  @Command(name = "rm", description = "Delete a file.")
  static final class Delete implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "NAME", description = "the stored file's name")
    String name;

    @Override
    public Integer call() {
      target.out().println(target.client().fileDelete(name));
      return 0;
    }
  }
}
