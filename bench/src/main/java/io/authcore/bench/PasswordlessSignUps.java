package io.authcore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Passwordless sign-ups, a new email each time: a code is created, then consumed with the typed
 * code, as an app's OTP flow does. The original's issue #1045 was this flow at 100 requests a
 * second ending in deadlocks and minute-long latencies.
 */
final class PasswordlessSignUps implements Conversation {
  static final String CODE = "/public/recipe/signinup/code";
  static final String CONSUME = "/public/recipe/signinup/code/consume";
  private static final String TYPED = "424242";

  private final String host;
  private final String prefix;
  private long n;
  private JsonNode device; // the code to consume next, null when a code is due

  PasswordlessSignUps(String host, String prefix) {
    this.host = host;
    this.prefix = prefix;
  }

  @Override
  public Request next(long now) {
    ObjectNode body = Conversations.JSON.createObjectNode();
    if (device == null) {
      body.put("email", prefix + "-" + n++ + "@bench.example");
      body.put("userInputCode", TYPED);
      return Request.post("pwless-code", host, CODE, body.toString());
    }
    body.put("preAuthSessionId", device.path("preAuthSessionId").asText());
    body.put("deviceId", device.path("deviceId").asText());
    body.put("userInputCode", TYPED);
    return Request.post("pwless-consume", host, CONSUME, body.toString());
  }

  @Override
  public String accept(Request request, ResponseParser.Response response) {
    String problem = Conversations.okStatus(response);
    if (request.op().equals("pwless-code")) {
      device = problem == null ? Conversations.parse(response.text()) : null;
    } else {
      device = null;
    }
    return problem;
  }
}
