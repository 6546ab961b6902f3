package io.qserverless.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qs files ls|upload|download|rm}: a function's stored files (.tar and .h5). */
@Command(name = "files", description = "Manage a function's stored files (.tar and .h5).",
    subcommands = {FilesCommand.List.class, FilesCommand.Upload.class, FilesCommand.Download.class, FilesCommand.Delete.class})
final class FilesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand: ls, upload, download or rm.");
  }

  /** The options every files subcommand shares: the gateway's, and the function the files belong to. */
  static final class Target extends GatewayOptions {
    @Option(names = "--function", required = true, paramLabel = "TITLE", description = "the function the files belong to")
    String function;
  }

  @Command(name = "ls", description = "List the files.")
  static final class List implements Callable<Integer> {
    @Mixin Target target;

    @Option(names = "--json", description = "print the names as a JSON array")
    boolean json;

    @Override
    public Integer call() {
      java.util.List<String> names = target.client().files(target.function);
      if (json) {
        Output.json(target.out(), names);
      } else {
        names.forEach(target.out()::println);
      }
      return 0;
    }
  }

  @Command(name = "upload", description = "Upload a .tar or .h5 file.")
  static final class Upload implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "FILE", description = "the file to upload")
    Path file;

    @Override
    public Integer call() {
      target.out().println(target.client().fileUpload(file, target.function));
      return 0;
    }
  }

  @Command(name = "download", description = "Download a file.")
  static final class Download implements Callable<Integer> {
    @Mixin Target target;

    @Parameters(paramLabel = "NAME", description = "the stored file's name")
    String name;

    @Option(names = "--to", paramLabel = "DIR", description = "directory to write it to (default: .)")
    Path dir = Path.of(".");

    @Override
    public Integer call() {
      target.out().println(target.client().fileDownload(name, target.function, dir));
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
      target.out().println(target.client().fileDelete(name, target.function));
      return 0;
    }
  }
}
