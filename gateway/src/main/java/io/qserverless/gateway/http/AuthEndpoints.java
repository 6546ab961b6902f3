package io.qserverless.gateway.http;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import io.qserverless.gateway.auth.Accounts;
import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.error.NotAllowedException;
import java.util.List;
import java.util.Map;

/**
 * The auth and user routes of API.md, and the addition of an admin creating another user's token.
 */
final class AuthEndpoints {
  private static final long SMALL_BODY = 64 * 1024;
  private final Accounts accounts;

  AuthEndpoints(Accounts accounts) {
    this.accounts = accounts;
  }

  List<Route> routes() {
    return List.of(
        Route.open(
            POST,
            "/api/v1/auth/login",
            "Exchange user name and password (JSON or form) for an API token",
            this::login),
        Route.open(
            POST,
            "/dj-rest-auth/keycloak/login",
            "Log in as clients up to 0.7 do: form username, password; answers {\"access\": token}",
            this::keycloakLogin),
        Route.authed(
            GET,
            "/api/v1/auth/me",
            "Who the token belongs to",
            (ctx, who) -> ctx.json(Map.of("username", who.username(), "admin", who.admin()))),
        Route.authed(
            POST,
            "/api/v1/auth/tokens",
            "A new API token for the caller, or (admin only) for the user named by optional body field 'username'",
            this::newToken),
        Route.authed(POST, "/api/v1/users", "Create a user (admin only)", this::createUser));
  }

  private void login(Context ctx, Principal nobody) {
    ctx.json(Map.of("token", loginToken(ctx)));
  }

  /**
   * The first seed's {@code ServerlessProvider(username, password, host)} reads the token from
   * "access".
   */
  private void keycloakLogin(Context ctx, Principal nobody) {
    ctx.json(Map.of("access", loginToken(ctx)));
  }

  private String loginToken(Context ctx) {
    Map<String, Object> body = Requests.jsonOrForm(ctx, SMALL_BODY);
    return accounts.login(Requests.string(body, "username"), Requests.string(body, "password"));
  }

  /**
   * A new API token. An admin may name another user, so that accounts can be handed out through the
   * API alone, without the CLI on the gateway's database.
   */
  private void newToken(Context ctx, Principal who) {
    who.requireUserToken();
    String username = Requests.string(Requests.json(ctx, SMALL_BODY), "username");
    if (username == null || username.equals(who.username())) {
      ctx.json(Map.of("token", accounts.newToken(who.userId(), null)));
      return;
    }
    if (!who.admin()) {
      throw new NotAllowedException(
          "Only an admin may create a token for another user ('"
              + username
              + "'); leave out 'username' for a token of your own.");
    }
    ctx.json(Map.of("token", accounts.newTokenFor(username)));
  }

  private void createUser(Context ctx, Principal who) {
    who.requireAdmin();
    Map<String, Object> body = Requests.json(ctx, SMALL_BODY);
    String username = Requests.string(body, "username");
    accounts.createUser(
        username, Requests.string(body, "password"), Boolean.TRUE.equals(body.get("admin")));
    ctx.json(Map.of("username", username));
  }
}
