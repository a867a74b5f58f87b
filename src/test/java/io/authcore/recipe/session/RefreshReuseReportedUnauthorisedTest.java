package io.authcore.recipe.session;

import java.util.Map;

/**
 * {@link RefreshRotationTest} with {@code recent_token_reuse_behaviour: UNAUTHORISED}: recent reuse
 * (the replaced token after its grace period, or what a grace rotation displaced) is reported as
 * UNAUTHORISED with its kind, stale lineage still as theft; the session is revoked either way.
 */
class RefreshReuseReportedUnauthorisedTest extends RefreshRotationTest {
  @Override
  protected Map<String, String> overrides() {
    return Map.of("recent_token_reuse_behaviour", "UNAUTHORISED");
  }

  @Override
  String reuseAnswer(String kind, String handle, String userId) {
    return "{\"status\":\"UNAUTHORISED\",\"message\":\"refresh token reuse detected\","
        + "\"recentTokenReuseSubtype\":\""
        + kind
        + "\"}\n";
  }
}
