package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The whole gateway on a real PostgreSQL server, and readiness following the database. */
class PostgresGatewayTest {

  @Test
  void a_job_runs_on_postgresql_and_readiness_answers_503_once_the_database_is_gone()
      throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.start();
    try (GatewayHarness gw =
        GatewayHarness.start(
            b -> b.database(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"))) {
      String user = gw.token();
      assertThat(gw.uploadProbe(user, "probe").status()).isEqualTo(200);
      String id = gw.run(user, "probe", "{\"on\": \"pg\"}");
      gw.awaitStatus(user, id, "SUCCEEDED");
      assertThat(gw.get("/api/v1/jobs/" + id + "/result/", user).json().get("result").asString())
          .contains("\"pg\"");
      assertThat(gw.get("/readiness/", null).status()).isEqualTo(200);

      pg.close();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> gw.get("/readiness/", null).status() == 503);
      assertThat(gw.get("/liveness/", null).status()).isEqualTo(200);
    }
  }
}
