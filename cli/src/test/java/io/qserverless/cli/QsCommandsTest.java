package io.qserverless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.examples.ExampleProgram;
import io.qserverless.gateway.Gateway;
import io.qserverless.gateway.config.GatewayConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands against a real in-process gateway, as a user types them. */
@Timeout(120)
class QsCommandsTest {
  private static Gateway gateway;
  @TempDir static Path dir;

  @BeforeAll
  static void startGateway() throws Exception {
    gateway =
        Gateway.start(
            GatewayConfig.builder(Files.createDirectories(dir.resolve("gateway")))
                .jvmCaches(false)
                .port(0)
                .build());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  /** What one command printed and returned. */
  record Run(int exit, String out, String err) {}

  private static Run qs(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--host", gateway.url(), "--token", gateway.initialToken()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Qs.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void upload_run_wait_status_logs_result_and_jobs_work_as_a_user_types_them() {
    Path program = ExampleProgram.DETAILED_STATUSES.workingDir(dir);
    Run upload =
        qs(
            "upload",
            program.toString(),
            "--title",
            "statuses",
            "--entrypoint",
            ExampleProgram.DETAILED_STATUSES.entrypoint());
    assertThat(upload.exit()).as(upload.err()).isZero();
    assertThat(upload.out()).startsWith("uploaded statuses");

    Run run = qs("run", "statuses", "--args", "{\"stage_millis\": 400}", "--wait");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("RUNNING: MAPPING", "RUNNING: POST_PROCESSING", "DONE", "\"stages\"");
    String id =
        run.err().lines().filter(l -> l.startsWith("job ")).findFirst().orElseThrow().substring(4);

    assertThat(qs("status", id).out().strip()).isEqualTo("DONE");
    assertThat(qs("result", id).out()).contains("\"RUNNING: WAITING_FOR_QPU\"");
    assertThat(qs("jobs", "--json").out()).contains(id, "\"SUCCEEDED\"");
    // The table: a header, then this job's row with its shown status and function title.
    List<String> table = qs("jobs").out().lines().toList();
    assertThat(table.getFirst().split("\\s+"))
        .containsExactly("ID", "STATUS", "FUNCTION", "CREATED");
    assertThat(table)
        .filteredOn(row -> row.startsWith(id))
        .singleElement()
        .satisfies(
            row -> assertThat(row.split("\\s+")).containsSubsequence(id, "DONE", "statuses"));

    Run logs = qs("logs", id);
    assertThat(logs.exit()).as(logs.err()).isZero();
    assertThat(logs.out())
        .contains("stage MAPPING", "stage OPTIMIZING_FOR_HARDWARE", "stage POST_PROCESSING");
    Run stop = qs("stop", id);
    assertThat(stop.exit()).as(stop.err()).isZero();
    assertThat(stop.out()).contains("had already finished as SUCCEEDED; nothing to stop");
    assertThat(qs("status", id).out().strip())
        .as("stopping a finished job leaves it as it was")
        .isEqualTo("DONE");
  }

  @Test
  void run_reads_its_arguments_from_an_at_file() throws Exception {
    Path program = ExampleProgram.DETAILED_STATUSES.workingDir(dir);
    assertThat(
            qs(
                    "upload",
                    program.toString(),
                    "--title",
                    "statuses-file",
                    "--entrypoint",
                    ExampleProgram.DETAILED_STATUSES.entrypoint())
                .exit())
        .isZero();
    Path arguments = Files.writeString(dir.resolve("arguments.json"), "{\"stage_millis\": 10}");

    Run run = qs("run", "statuses-file", "--args", "@" + arguments, "--wait");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("DONE");
  }

  @Test
  void logs_follow_prints_the_programs_log_until_the_job_ends() {
    Path program = ExampleProgram.DETAILED_STATUSES.workingDir(dir);
    assertThat(
            qs(
                    "upload",
                    program.toString(),
                    "--title",
                    "statuses-logs",
                    "--entrypoint",
                    ExampleProgram.DETAILED_STATUSES.entrypoint())
                .exit())
        .isZero();
    String id = qs("run", "statuses-logs", "--args", "{\"stage_millis\": 200}").out().strip();

    Run logs = qs("logs", id, "-f");

    assertThat(logs.exit()).isZero();
    assertThat(logs.out()).contains("stage MAPPING", "stage POST_PROCESSING");
    assertThat(qs("status", id).out().strip()).isEqualTo("DONE");
  }

  @Test
  void a_job_that_fails_makes_run_wait_exit_1_with_the_programs_error() {
    Path program = ExampleProgram.FILE_ROUND_TRIP.workingDir(dir);
    assertThat(
            qs(
                    "upload",
                    program.toString(),
                    "--title",
                    "fails",
                    "--entrypoint",
                    ExampleProgram.FILE_ROUND_TRIP.entrypoint())
                .exit())
        .isZero();

    Run run = qs("run", "fails", "--wait");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("ERROR");
    assertThat(run.err()).contains("ended ERROR", "the job has no argument 'input'");
  }

  @Test
  void a_job_that_does_not_exist_exits_1_with_the_gateway_message() {
    Run status = qs("status", "no-such-job");
    assertThat(status.exit()).isEqualTo(1);
    assertThat(status.err().strip())
        .isEqualTo("qs status: No job 'no-such-job'; GET /api/v1/jobs/ lists yours.");
  }

  @Test
  void a_bad_token_exits_1_with_the_gateway_message() {
    StringWriter err = new StringWriter();
    CommandLine cmd = Qs.commandLine();
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute("jobs", "--host", gateway.url(), "--token", "not-a-token");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "qs jobs: The token is not valid (unknown or revoked); log in again for a new one.");
  }

  @Test
  void files_upload_ls_download_and_rm_round_trip_a_tar() throws Exception {
    Path program = ExampleProgram.FILE_ROUND_TRIP.workingDir(dir);
    assertThat(
            qs(
                    "upload",
                    program.toString(),
                    "--title",
                    "files-cli",
                    "--entrypoint",
                    ExampleProgram.FILE_ROUND_TRIP.entrypoint())
                .exit())
        .isZero();
    Path tar = dir.resolve("data.tar");
    Files.write(tar, io.qserverless.client.internal.TarArchive.of(program));

    assertThat(qs("files", "upload", tar.toString()).exit()).isZero();
    assertThat(qs("files", "ls").out().lines()).containsExactly("data.tar");
    Path down = dir.resolve("down");
    assertThat(qs("files", "download", "data.tar", "--to", down.toString()).exit()).isZero();
    assertThat(Files.readAllBytes(down.resolve("data.tar"))).isEqualTo(Files.readAllBytes(tar));
    assertThat(qs("files", "rm", "data.tar").exit()).isZero();
    assertThat(qs("files", "ls", "--json").out().strip()).isEqualTo("[ ]");
  }
}
