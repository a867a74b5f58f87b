package io.authcore.recipe.passwordless;

import static io.authcore.recipe.passwordless.PasswordlessCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.recipe.passwordless.PasswordlessCalls.Issued;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET}/{@code PUT /recipe/user} with the {@code passwordless} rid, and passwordless users in
 * the shared user endpoints, as the original 11.4.7 answers them.
 */
class PasswordlessUserTest extends ServerOnEachBackend {
  PasswordlessCalls pl;

  @BeforeEach
  void calls() {
    pl = new PasswordlessCalls(http);
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A phone number no other test uses. */
  static String phone() {
    return "+1415555" + String.format("%04d", (int) (Math.random() * 10000));
  }

  String phoneUser(String phone) {
    return pl.signIn("{\"phoneNumber\":\"" + phone + "\"}");
  }

  String emailUser(String email) {
    return pl.signIn("{\"email\":\"" + email + "\"}");
  }

  @Test
  void findsUsersByIdEmailOrNormalisedPhone() {
    String phone = "+1415" + (1000000 + (int) (Math.random() * 8999999));
    String id = phoneUser(phone);
    String phoneUser54 =
        "200 {\"status\":\"OK\",\"user\":{\"id\":\"ID\",\"isPrimaryUser\":false,"
            + "\"tenantIds\":[\"public\"],\"timeJoined\":0,\"emails\":[],\"phoneNumbers\":[\""
            + phone
            + "\"],\"thirdParty\":[],\"webauthn\":{\"credentialIds\":[]},\"loginMethods\":[{"
            + "\"tenantIds\":[\"public\"],\"recipeUserId\":\"ID\",\"verified\":true,"
            + "\"timeJoined\":0,\"recipeId\":\"passwordless\",\"phoneNumber\":\""
            + phone
            + "\"}]}}";
    String spaced =
        phone.substring(0, 2) + "%20" + phone.substring(2, 5) + "%20" + phone.substring(5);
    assertEquals(
        phoneUser54, shape(pl.user("5.4", "phoneNumber=" + spaced.replace("+", "%2B")), id));
    assertEquals(phoneUser54, shape(pl.user("5.4", "userId=" + id), id));
    assertEquals(
        "200 {\"status\":\"OK\",\"user\":{\"id\":\"ID\",\"timeJoined\":0,\"phoneNumber\":\""
            + phone
            + "\"}}",
        shape(pl.user("2.21", "phoneNumber=" + phone.replace("+", "%2B")), id));
    String email = "u-" + unique() + "@x.com";
    String emailId = emailUser(email);
    assertEquals(
        emailId,
        pl.user("5.4", "email=" + email.toUpperCase()).json().get("user").get("id").asText());
    assertEquals(
        "400 Please provide exactly one of userId, email or phoneNumber",
        shape(pl.user("5.4", "userId=" + id + "&email=x")));
    assertEquals(
        "400 Please provide exactly one of userId, email or phoneNumber",
        shape(pl.user("5.4", "")));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_EMAIL_ERROR\"}", shape(pl.user("5.4", "email=nobody@x.com")));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_PHONE_NUMBER_ERROR\"}",
        shape(pl.user("5.4", "phoneNumber=123")));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}", shape(pl.user("5.4", "userId=nope")));
    // By id, only the passwordless rid finds a passwordless user's login method.
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}",
        shape(http.get("/recipe/user?userId=" + id, "cdi-version", "5.4", "rid", "thirdparty")));
    // The shared endpoints see it too.
    Reply byInfo =
        http.get(
            "/users/by-accountinfo?phoneNumber="
                + spaced.replace("+", "%2B")
                + "&doUnionOfAccountInfo=false",
            PasswordlessCalls.cdi("5.4"));
    assertEquals(id, byInfo.json().get("users").get(0).get("id").asText(), byInfo.body());
    Reply search =
        http.get("/users?phone=" + phone.replace("+", "%2B"), PasswordlessCalls.cdi("5.4"));
    assertEquals(id, search.json().get("users").get(0).get("id").asText(), search.body());
  }

  @Test
  void updatesTellAbsentFromNullAndKeepAContact() {
    String phone = phone();
    String id = phoneUser(phone);
    assertEquals(
        "400 You cannot clear both email and phone number of a user",
        shape(pl.update("5.4", "{\"recipeUserId\":\"" + id + "\",\"phoneNumber\":null}")));
    String taken = "t-" + unique() + "@x.com";
    emailUser(taken);
    assertEquals(
        "200 {\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}",
        shape(
            pl.update(
                "5.4",
                "{\"recipeUserId\":\"" + id + "\",\"email\":\" " + taken.toUpperCase() + "\"}")));
    String mine = "m-" + unique() + "@x.com";
    // A device for the new email goes with the change.
    pl.forEmail(mine);
    assertEquals(
        "200 {\"status\":\"OK\"}",
        shape(
            pl.update(
                "5.4",
                "{\"recipeUserId\":\""
                    + id
                    + "\",\"email\":\""
                    + mine
                    + "\",\"phoneNumber\":null}")));
    assertEquals(0, pl.codes("5.4", "email=" + mine).json().get("devices").size());
    assertEquals(
        "200 {\"status\":\"OK\",\"user\":{\"id\":\"ID\",\"isPrimaryUser\":false,"
            + "\"tenantIds\":[\"public\"],\"timeJoined\":0,\"emails\":[\""
            + mine
            + "\"],\"phoneNumbers\":[],\"thirdParty\":[],\"webauthn\":{\"credentialIds\":[]},"
            + "\"loginMethods\":[{\"tenantIds\":[\"public\"],\"recipeUserId\":\"ID\","
            + "\"verified\":false,\"timeJoined\":0,\"recipeId\":\"passwordless\",\"email\":\""
            + mine
            + "\"}]}}",
        shape(pl.user("5.4", "userId=" + id), id));
    // Absent keeps the email; below 4.0 the field is userId.
    String other = phone();
    assertEquals(
        "200 {\"status\":\"OK\"}",
        shape(pl.update("3.0", "{\"userId\":\"" + id + "\",\"phoneNumber\":\"" + other + "\"}")));
    assertEquals(
        "200 {\"status\":\"OK\",\"user\":{\"id\":\"ID\",\"timeJoined\":0,\"tenantIds\":[\"public\"],"
            + "\"email\":\""
            + mine
            + "\",\"phoneNumber\":\""
            + other
            + "\"}}",
        shape(pl.user("3.0", "userId=" + id), id));
    String phoneTaken = phone();
    phoneUser(phoneTaken);
    assertEquals(
        "200 {\"status\":\"PHONE_NUMBER_ALREADY_EXISTS_ERROR\"}",
        shape(
            pl.update(
                "5.4",
                "{\"recipeUserId\":\"" + id + "\",\"phoneNumber\":\"" + phoneTaken + "\"}")));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}",
        shape(pl.update("5.4", "{\"recipeUserId\":\"nope\",\"email\":\"q@x.com\"}")));
    assertEquals(
        "400 Field name 'email' is invalid in JSON input",
        shape(pl.update("5.4", "{\"recipeUserId\":\"" + id + "\",\"email\":5}")));
    assertEquals(
        "200 {\"status\":\"OK\"}", shape(pl.update("5.4", "{\"recipeUserId\":\"" + id + "\"}")));
  }

  Reply makePrimary(String id) {
    return http.post(
        "/recipe/accountlinking/user/primary",
        "{\"recipeUserId\":\"" + id + "\"}",
        PasswordlessCalls.cdi("5.4"));
  }

  @Test
  void aPrimaryUserCannotTakeWhatAnotherPrimaryUserHolds() {
    String a = emailUser("la-" + unique() + "@x.com");
    String heldEmail = "lb-" + unique() + "@x.com";
    String b =
        http.post(
                "/recipe/signup",
                "{\"email\":\"" + heldEmail + "\",\"password\":\"pass1234\"}",
                PasswordlessCalls.cdi("5.4"))
            .json()
            .get("user")
            .get("id")
            .asText();
    assertEquals("OK", makePrimary(b).json().get("status").asText());
    assertEquals("OK", makePrimary(a).json().get("status").asText());
    assertEquals(
        "200 {\"status\":\"EMAIL_CHANGE_NOT_ALLOWED_ERROR\",\"reason\":\"New email is associated"
            + " with another primary user ID\"}",
        shape(
            pl.update("5.4", "{\"recipeUserId\":\"" + a + "\",\"email\":\"" + heldEmail + "\"}")));
    // A non-primary holder is a plain duplicate, as the original answers.
    String plainEmail = "lc-" + unique() + "@x.com";
    emailUser(plainEmail);
    assertEquals(
        "200 {\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}",
        shape(
            pl.update("5.4", "{\"recipeUserId\":\"" + a + "\",\"email\":\"" + plainEmail + "\"}")));
    String phone = phone();
    String d = phoneUser(phone);
    String setPhone = "{\"recipeUserId\":\"" + a + "\",\"phoneNumber\":\"" + phone + "\"}";
    assertEquals(
        "200 {\"status\":\"PHONE_NUMBER_ALREADY_EXISTS_ERROR\"}",
        shape(pl.update("5.4", setPhone)));
    assertEquals("OK", makePrimary(d).json().get("status").asText());
    assertEquals(
        "200 {\"status\":\"PHONE_NUMBER_CHANGE_NOT_ALLOWED_ERROR\",\"reason\":\"New phone number is"
            + " associated with another primary user ID\"}",
        shape(pl.update("5.4", setPhone)));
    // The email-password route does not know a passwordless user.
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}",
        shape(
            http.put(
                "/recipe/user",
                "{\"recipeUserId\":\"" + a + "\",\"email\":\"z-" + unique() + "@x.com\"}",
                PasswordlessCalls.cdi("5.4"))));
  }

  @Test
  void joinsATenantUnlessItsPhoneNumberIsTakenThere() {
    String tenant = "plt" + unique();
    assertEquals(
        200,
        http.put(
                "/recipe/multitenancy/tenant/v2",
                "{\"tenantId\":\"" + tenant + "\"}",
                PasswordlessCalls.cdi("5.4"))
            .status());
    String phone = phone();
    String here = phoneUser(phone);
    // The same number signs up a user of its own in the other tenant.
    Issued there =
        Issued.of(
            http.post(
                "/" + tenant + "/recipe/signinup/code",
                "{\"phoneNumber\":\"" + phone + "\"}",
                PasswordlessCalls.cdi("5.4")));
    Reply signedUp =
        http.post(
            "/" + tenant + "/recipe/signinup/code/consume",
            there.byCode(),
            PasswordlessCalls.cdi("5.4"));
    assertEquals(true, signedUp.json().get("createdNewUser").asBoolean(), signedUp.body());
    String associate = "/" + tenant + "/recipe/multitenancy/tenant/user";
    assertEquals(
        "200 {\"status\":\"PHONE_NUMBER_ALREADY_EXISTS_ERROR\"}",
        shape(
            http.post(
                associate, "{\"recipeUserId\":\"" + here + "\"}", PasswordlessCalls.cdi("5.4"))));
    String other = phoneUser(phone());
    assertEquals(
        "200 {\"status\":\"OK\",\"wasAlreadyAssociated\":false}",
        shape(
            http.post(
                associate, "{\"recipeUserId\":\"" + other + "\"}", PasswordlessCalls.cdi("5.4"))));
    Set<String> tenants = new HashSet<>();
    pl.user("5.4", "userId=" + other)
        .json()
        .get("user")
        .get("tenantIds")
        .forEach(id -> tenants.add(id.asText()));
    assertEquals(Set.of("public", tenant), tenants);
  }

  @Test
  void deletedUsersSignUpAfresh() {
    String email = "d-" + unique() + "@x.com";
    String id = emailUser(email);
    Reply removed =
        http.post("/user/remove", "{\"userId\":\"" + id + "\"}", PasswordlessCalls.cdi("5.4"));
    assertEquals(200, removed.status(), removed.body());
    assertEquals(
        "200 {\"status\":\"UNKNOWN_EMAIL_ERROR\"}", shape(pl.user("5.4", "email=" + email)));
    PasswordlessCalls.Issued issued = pl.forEmail(email);
    Reply again = pl.consume("5.4", issued.byCode());
    assertEquals(true, again.json().get("createdNewUser").asBoolean(), again.body());
  }
}
