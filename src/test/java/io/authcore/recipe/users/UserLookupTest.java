package io.authcore.recipe.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.OriginalRows;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET /user/id} and the user object, on rows written as the original writes them. */
class UserLookupTest {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String EP = "11111111-1111-1111-1111-111111111111";
  static final String TP = "22222222-2222-2222-2222-222222222222";

  @ParameterizedTest
  @EnumSource(Backend.class)
  void unknownUser(Backend backend) {
    try (TestServer server = TestServer.start(backend, Map.of(), Clock.systemUTC())) {
      Reply reply = server.http().get("/user/id?userId=nobody", CDI);
      assertEquals(200, reply.status());
      assertEquals("{\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n", reply.body());
      assertEquals(
          "Field name 'userId' is missing in GET request\n",
          server.http().get("/user/id", CDI).body());
    }
  }

  @Test
  void aLinkedGroupWithAMappingAndAVerifiedEmail() {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC())) {
      OriginalRows.linkedEmailPasswordAndThirdParty(db, EP, TP);
      TestDatabases.execute(
          db,
          "INSERT INTO userid_mapping VALUES ('public', '" + EP + "', 'ext-1', null)",
          "INSERT INTO emailverification_verified_emails VALUES ('public', 'ext-1', 'a@b.c')");
      String expected =
          "{\"status\":\"OK\",\"user\":{\"id\":\"ext-1\",\"isPrimaryUser\":true,"
              + "\"tenantIds\":[\"public\"],\"timeJoined\":100,\"emails\":[\"x@y.z\",\"a@b.c\"],"
              + "\"phoneNumbers\":[],\"thirdParty\":[{\"id\":\"google\",\"userId\":\"g-1\"}],"
              + "\"webauthn\":{\"credentialIds\":[]},\"loginMethods\":["
              + "{\"tenantIds\":[\"public\"],\"recipeUserId\":\"ext-1\",\"verified\":true,"
              + "\"timeJoined\":100,\"recipeId\":\"emailpassword\",\"email\":\"a@b.c\"},"
              + "{\"tenantIds\":[\"public\"],\"recipeUserId\":\""
              + TP
              + "\",\"verified\":false,"
              + "\"timeJoined\":200,\"recipeId\":\"thirdparty\",\"email\":\"x@y.z\","
              + "\"thirdParty\":{\"id\":\"google\",\"userId\":\"g-1\"}}]}}\n";
      for (String id : new String[] {EP, TP, "ext-1"}) {
        assertEquals(expected, server.http().get("/user/id?userId=" + id, CDI).body(), id);
      }
    }
  }
}
