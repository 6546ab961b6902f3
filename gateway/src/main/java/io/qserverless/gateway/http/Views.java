package io.qserverless.gateway.http;

import io.qserverless.gateway.job.Job;
import io.qserverless.gateway.job.JobEvent;
import io.qserverless.gateway.program.Program;
import io.qserverless.protocol.Json;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of API.md (Job, Function, event), built from domain records. */
final class Views {
  private Views() {}

  static Map<String, Object> job(Job j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("status", j.status().name());
    m.put("sub_status", j.subStatus() == null ? null : j.subStatus().name());
    m.put("program", Map.of("id", j.programId(), "title", j.programTitle()));
    m.put("created", time(j.created()));
    m.put("updated", time(j.updated()));
    m.put("started", time(j.started()));
    m.put("finished", time(j.finished()));
    m.put("reason", j.reason() == null || j.reason().isEmpty() ? null : j.reason());
    m.put(
        "resources", Map.of("cpu", j.cpu(), "mem", j.memory(), "timeout", j.timeout().toSeconds()));
    return m;
  }

  static Map<String, Object> program(Program p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("title", p.title());
    m.put("entrypoint", p.entrypoint());
    m.put("dependencies", p.dependencies());
    m.put(
        "resolved_dependencies",
        p.launch().dependencies().stream()
            .map(
                d -> Map.of("coordinates", d.coordinates(), "sha256", d.sha256(), "size", d.size()))
            .toList());
    m.put("env_vars", p.envVars());
    m.put("description", p.description());
    m.put("version", p.version());
    m.put("revision", p.revision());
    m.put("disabled", p.disabled());
    m.put("arguments_schema", p.argumentsSchema() == null ? "{}" : p.argumentsSchema());
    m.put("created", time(p.created()));
    m.put("updated", time(p.updated()));
    return m;
  }

  static Map<String, Object> event(JobEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event_type", e.eventType());
    m.put("origin", e.origin());
    m.put("context", e.context());
    m.put("created", time(e.created()));
    m.put("data", Json.MAPPER.readTree(e.data()));
    return m;
  }

  private static String time(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
