import io.qserverless.protocol.value.Values;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job that makes the in-job calls of the Python client's qiskit_serverless package, shaped as it
 * sends them: runtime_service_client.associate_runtime_job_with_serverless_job (POST runtime_jobs,
 * json), update_status (PATCH sub_status, form data), send_error (POST event, json), and
 * get_arguments / save_result through ARGUMENTS_PATH and RESULTS_PATH with the envelopes.
 */
public class PythonStyleJob {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    Map<?, ?> arguments = (Map<?, ?>) Values.fromJson(Files.readString(Path.of(System.getenv("ARGUMENTS_PATH"))));
    String job = "/api/v1/jobs/" + System.getenv("ENV_JOB_ID_GATEWAY");
    if ("fail".equals(arguments.get("mode"))) {
      call("POST", job + "/event/", "application/json", "{\"type\": \"ERROR\", \"code\": \"E42\", \"message\": \"bad input\","
          + " \"exception\": \"ValueError\", \"args\": {\"field\": [\"theta\"]}}");
      System.exit(1);
    }
    call("POST", job + "/runtime_jobs/", "application/json", "{\"runtime_job\": \"d1abc\", \"runtime_session\": \"s-7\"}");
    call("POST", job + "/runtime_jobs/", "application/json", "{\"runtime_job\": \"d2def\", \"runtime_session\": null}");
    call("PATCH", job + "/sub_status/", "application/x-www-form-urlencoded", "sub_status=POST_PROCESSING");
    QuantumCircuit circuit = (QuantumCircuit) arguments.get("circuit");
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("circuit", circuit);
    result.put("num_qubits", circuit.numQubits());
    result.put("ops", circuit.countOps());
    result.put("values", arguments.get("values"));
    Files.writeString(Path.of(System.getenv("RESULTS_PATH")), Values.toJson(result));
  }

  static void call(String method, String path, String type, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(System.getenv("ENV_JOB_GATEWAY_HOST") + path))
        .header("Authorization", "Bearer " + System.getenv("ENV_JOB_GATEWAY_TOKEN")).header("Content-Type", type)
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    int status = HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200) {
      throw new IllegalStateException(method + " " + path + " answered " + status);
    }
  }
}
