package io.qserverless.gateway.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.qserverless.gateway.auth.Principal;

/**
 * One row of the API's route table: what it answers, whether it needs a token, and its handler. The
 * same rows register the handlers and describe the API in {@code /openapi.json}.
 */
record Route(
    HandlerType method, String path, boolean authenticated, String summary, Action action) {

  /** A handler that receives the authenticated caller (null on open routes). */
  @FunctionalInterface
  interface Action {
    void handle(Context ctx, Principal who) throws Exception;
  }

  static Route open(HandlerType method, String path, String summary, Action action) {
    return new Route(method, path, false, summary, action);
  }

  static Route authed(HandlerType method, String path, String summary, Action action) {
    return new Route(method, path, true, summary, action);
  }
}
