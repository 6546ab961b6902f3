package io.qserverless.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.client.ServerlessClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class FileRoundTripTest {
  @TempDir Path dir;

  @Test
  void a_program_extracts_an_uploaded_tar_and_stores_a_new_one_the_client_downloads_and_deletes()
      throws Exception {
    ServerlessClient client = LocalGateway.client();
    String function = ExampleProgram.FILE_ROUND_TRIP.upload(client).title();
    Path input =
        tar(dir.resolve("input.tar"), Map.of("alpha.txt", "first file", "beta.txt", "second file"));

    client.fileUpload(input);
    assertThat(client.files()).containsExactly("input.tar");

    Object result =
        client.run(function, Map.of("input", "input.tar")).result(Duration.ofSeconds(60));
    assertThat(result)
        .isEqualTo(
            Map.of(
                "stored_before", List.of("input.tar"),
                "extracted", List.of("alpha.txt: first file", "beta.txt: second file"),
                "uploaded", "summary.tar"));

    assertThat(client.files()).containsExactlyInAnyOrder("input.tar", "summary.tar");
    Path summary = client.fileDownload("summary.tar", dir.resolve("down"));
    assertThat(untar(summary))
        .isEqualTo(Map.of("summary.txt", "alpha.txt: first file\nbeta.txt: second file\n"));

    client.fileDelete("input.tar");
    client.fileDelete("summary.tar");
    assertThat(client.files()).isEmpty();
  }

  private static Path tar(Path file, Map<String, String> entries) throws Exception {
    try (OutputStream os = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(os)) {
      for (String name : new java.util.TreeMap<>(entries).keySet()) {
        byte[] bytes = entries.get(name).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  private static Map<String, String> untar(Path file) throws Exception {
    Map<String, String> out = new java.util.TreeMap<>();
    try (InputStream is = Files.newInputStream(file);
        TarArchiveInputStream tar = new TarArchiveInputStream(is)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        out.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
