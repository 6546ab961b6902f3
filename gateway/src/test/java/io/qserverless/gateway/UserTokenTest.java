package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/auth/tokens: a token for the caller, or (admins only) for another user named in the
 * body.
 */
class UserTokenTest {
  static GatewayHarness gw;
  static String alice;
  static String bob;

  @BeforeAll
  static void start() {
    gw = GatewayHarness.shared();
    alice = gw.newUser();
    bob = gw.newUser();
  }

  @Test
  void an_admin_creates_a_token_that_acts_as_the_named_user() {
    GatewayHarness.Answer a =
        gw.post("/api/v1/auth/tokens/", gw.token(), Map.of("username", nameOf(bob)));
    assertThat(a.status()).isEqualTo(200);
    String token = a.json().get("token").asString();
    assertThat(token).isNotEqualTo(bob);
    assertThat(nameOf(token)).isEqualTo(nameOf(bob));
    assertThat(gw.get("/api/v1/auth/me/", token).json().get("admin").asBoolean()).isFalse();
  }

  @Test
  void a_user_who_is_not_an_admin_naming_another_user_answers_403() {
    GatewayHarness.Answer a =
        gw.post("/api/v1/auth/tokens/", alice, Map.of("username", nameOf(bob)));
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.message()).contains("Only an admin").contains("'" + nameOf(bob) + "'");
  }

  @Test
  void without_a_username_or_with_ones_own_the_token_is_the_callers() {
    String plain = gw.post("/api/v1/auth/tokens/", alice, null).json().get("token").asString();
    String named =
        gw.post("/api/v1/auth/tokens/", alice, Map.of("username", nameOf(alice)))
            .json()
            .get("token")
            .asString();
    assertThat(nameOf(plain)).isEqualTo(nameOf(alice));
    assertThat(nameOf(named)).isEqualTo(nameOf(alice));
  }

  @Test
  void an_admin_naming_a_missing_user_answers_404_with_how_to_create_it() {
    GatewayHarness.Answer a =
        gw.post("/api/v1/auth/tokens/", gw.token(), Map.of("username", "nobody-here"));
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.message()).contains("No user 'nobody-here'").contains("POST /api/v1/users/");
  }

  private static String nameOf(String token) {
    return gw.get("/api/v1/auth/me/", token).json().get("username").asString();
  }
}
