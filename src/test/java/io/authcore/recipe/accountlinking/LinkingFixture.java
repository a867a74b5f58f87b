package io.authcore.recipe.accountlinking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import java.util.UUID;

/** Users and linking calls for the account-linking tests, at CDI 5.4 unless told. */
final class LinkingFixture {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String PATH = "/recipe/accountlinking/user";

  private final Http http;

  LinkingFixture(Http http) {
    this.http = http;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  String emailPassword(String tenantPath, String email) {
    Reply r =
        http.post(
            tenantPath + "/recipe/signup",
            "{\"email\":\"" + email + "\",\"password\":\"pass-word-1\"}",
            CDI);
    assertEquals("OK", r.json().get("status").asText(), r.body());
    return r.json().get("user").get("id").asText();
  }

  String emailPassword(String email) {
    return emailPassword("", email);
  }

  Reply signInUp(String tenantPath, String thirdPartyUserId, String email) {
    return http.post(
        tenantPath + "/recipe/signinup",
        "{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\""
            + thirdPartyUserId
            + "\",\"email\":{\"id\":\""
            + email
            + "\",\"isVerified\":true}}",
        CDI);
  }

  String thirdParty(String tenantPath, String thirdPartyUserId, String email) {
    Reply r = signInUp(tenantPath, thirdPartyUserId, email);
    assertEquals("OK", r.json().get("status").asText(), r.body());
    return r.json().get("recipeUserId").asText();
  }

  String thirdParty(String thirdPartyUserId, String email) {
    return thirdParty("", thirdPartyUserId, email);
  }

  Reply createPrimary(String recipeUserId) {
    return http.post(PATH + "/primary", "{\"recipeUserId\":\"" + recipeUserId + "\"}", CDI);
  }

  Reply link(String recipeUserId, String primaryUserId) {
    return http.post(
        PATH + "/link",
        "{\"recipeUserId\":\"" + recipeUserId + "\",\"primaryUserId\":\"" + primaryUserId + "\"}",
        CDI);
  }

  Reply unlink(String recipeUserId) {
    return http.post(PATH + "/unlink", "{\"recipeUserId\":\"" + recipeUserId + "\"}", CDI);
  }

  Reply user(String userId) {
    return http.get("/user/id?userId=" + userId, CDI);
  }

  static String status(Reply r) {
    return r.json().get("status").asText();
  }

  /** Makes {@code primary} primary and links {@code member} to it. */
  void group(String primary, String member) {
    assertEquals("OK", status(createPrimary(primary)));
    assertEquals("OK", status(link(member, primary)));
  }
}
