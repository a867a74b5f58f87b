package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.storage.AccountIdStore.Identity;
import io.authcore.storage.SessionStore.Identified;
import io.authcore.storage.SessionStore.SessionRow;
import io.authcore.storage.StorageException;
import io.authcore.storage.UserIdMappingStore.Mapping;
import io.authcore.storage.UserListStore;
import io.authcore.storage.UserListStore.Entry;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The user listing, lookup and deletion stores on both engines, over rows of every login recipe
 * written as the original writes them: an email-password primary user with a linked third-party
 * user, a phone-only passwordless user and a WebAuthn user.
 */
@ParameterizedClass
@EnumSource(Backend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserStoresTest {
  static final String EP = "11111111-1111-1111-1111-111111111111";
  static final String TP = "22222222-2222-2222-2222-222222222222";
  static final String PL = "33333333-3333-3333-3333-333333333333";
  static final String WA = "44444444-4444-4444-4444-444444444444";

  @Parameter Backend backend;

  JdbcStorage storage;

  @BeforeEach
  void open() {
    storage = JdbcStorage.open(Databases.config(TestDatabases.fresh(backend), Map.of()));
    Databases.run(
        storage.dataSource(),
        List.of(
            id(EP, "emailpassword", EP, true),
            id(TP, "thirdparty", EP, true),
            id(PL, "passwordless", PL, false),
            id(WA, "webauthn", WA, false),
            all(EP, EP, true, "emailpassword", 100, 100),
            all(TP, EP, true, "thirdparty", 400, 100),
            all(PL, PL, false, "passwordless", 200, 200),
            all(WA, WA, false, "webauthn", 300, 300),
            "INSERT INTO emailpassword_users VALUES ('public', '" + EP + "', 'a@x.com', 'h', 100)",
            "INSERT INTO emailpassword_user_to_tenant VALUES ('public', 'public', '"
                + EP
                + "', 'a@x.com')",
            "INSERT INTO thirdparty_users VALUES ('public', 'google', 'G-1', '"
                + TP
                + "', 'a@x.com', 400)",
            "INSERT INTO thirdparty_user_to_tenant VALUES ('public', 'public', '"
                + TP
                + "', 'google', 'G-1')",
            "INSERT INTO passwordless_users VALUES ('public', '"
                + PL
                + "', null, '+15550100', 200)",
            "INSERT INTO passwordless_user_to_tenant VALUES ('public', 'public', '"
                + PL
                + "', null, '+15550100')",
            "INSERT INTO webauthn_users VALUES ('public', '" + WA + "', 'w_x@y.com', 'rp', 300)",
            "INSERT INTO webauthn_user_to_tenant VALUES ('public', 'public', '"
                + WA
                + "', 'w_x@y.com')",
            "INSERT INTO webauthn_credentials VALUES ('cred-1', 'public', 'rp', '"
                + WA
                + "', 0, CAST('00' AS BYTEA), '[]', 1, 1)"));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  static String id(String user, String recipe, String primary, boolean linked) {
    return "INSERT INTO app_id_to_user_id VALUES ('public', '%s', '%s', '%s', %s)"
        .formatted(user, recipe, primary, linked);
  }

  static String all(
      String user, String primary, boolean linked, String recipe, long joined, long groupJoined) {
    return ("INSERT INTO all_auth_recipe_users VALUES ('public', 'public', '%s', '%s', %s, '%s',"
            + " %d, %d)")
        .formatted(user, primary, linked, recipe, joined, groupJoined);
  }

  UserListStore lists() {
    return storage.userLists();
  }

  @Test
  void accountInfoLookupsFindGroupsOfTheTenant() {
    assertEquals(Set.of(EP), lists().primaryIdsWithEmail("public", "public", "a@x.com"));
    assertEquals(Set.of(WA), lists().primaryIdsWithEmail("public", "public", "w_x@y.com"));
    assertEquals(Set.of(), lists().primaryIdsWithEmail("public", "other", "a@x.com"));
    assertEquals(Set.of(PL), lists().primaryIdsWithPhoneNumber("public", "public", "+15550100"));
    assertEquals(Set.of(EP), lists().primaryIdsWithThirdParty("public", "public", "google", "G-1"));
    assertEquals(Set.of(), lists().primaryIdsWithThirdParty("public", "public", "google", "g-1"));
    assertEquals(Set.of(WA), lists().primaryIdsWithWebauthnCredential("public", "cred-1"));
  }

  @Test
  void pagesAreGroupsOrderedByTheirJoinTime() {
    List<Entry> all = lists().page("public", "public", 10, true, List.of(), null);
    assertEquals(List.of(new Entry(EP, 100), new Entry(PL, 200), new Entry(WA, 300)), all);
    assertEquals(
        List.of(new Entry(WA, 300), new Entry(PL, 200)),
        lists().page("public", "public", 2, false, List.of(), null));
    assertEquals(
        List.of(new Entry(PL, 200), new Entry(WA, 300)),
        lists().page("public", "public", 5, true, List.of(), new Entry(PL, 200)));
    assertEquals(
        List.of(new Entry(EP, 100)),
        lists().page("public", "public", 5, true, List.of("thirdparty"), null));
    assertEquals(3, lists().count("public", "public", List.of()));
    assertEquals(3, lists().count("public", null, List.of()));
    assertEquals(1, lists().count("public", "public", List.of("thirdparty", "emailpassword")));
    assertEquals(0, lists().count("public", "other", List.of()));
  }

  @Test
  void searchMatchesPrefixesPerTagAndAllTags() {
    assertEquals(List.of(EP), search(List.of("a"), null, null));
    assertEquals(List.of(EP, WA), search(List.of("x.com", "w"), null, null));
    assertEquals(List.of(WA), search(List.of("w_"), null, null));
    assertEquals(List.of(), search(List.of("w%"), null, null));
    assertEquals(List.of(EP), search(null, null, List.of("goo")));
    assertEquals(List.of(EP), search(List.of("a@"), null, List.of("google")));
    assertEquals(List.of(), search(List.of("zz"), null, List.of("google")));
    assertEquals(List.of(PL), search(null, List.of("+1555"), null));
    // Email and phone together only match passwordless users with both.
    assertEquals(List.of(), search(List.of("a"), List.of("+1555"), null));
  }

  List<String> search(List<String> emails, List<String> phones, List<String> providers) {
    return lists().search("public", "public", emails, phones, providers, true);
  }

  @Test
  void deletingThePrimaryLoginMethodKeepsTheGroup() {
    storage.runInTransaction(
        tx -> {
          assertTrue(tx.userData().lock("public", EP));
          tx.userData().deleteRecipeUser("public", EP, false);
        });
    AuthUser group = storage.users().find("public", TP).orElseThrow();
    assertEquals(EP, group.id());
    assertEquals(
        List.of(TP), group.loginMethods().stream().map(LoginMethod::recipeUserId).toList());
    assertEquals(Set.of(), lists().primaryIdsWithEmail("public", "public", "nobody"));
    storage.userData().deleteRecipeUser("public", TP, true);
    storage.userData().deleteRecipeUser("public", EP, true);
    assertTrue(storage.users().find("public", EP).isEmpty());
    assertEquals(2, lists().count("public", null, List.of()));
  }

  @Test
  void nonLoginDataIsFoundAndDeletedById() {
    String id = "ext-1";
    long now = 1_000;
    assertEquals(List.of(), storage.userData().recipesUsing("public", id, now));
    Databases.run(
        storage.dataSource(),
        List.of(
            "INSERT INTO session_info (app_id, tenant_id, session_handle, user_id,"
                + " refresh_token_hash_2, session_data, expires_at, created_at_time,"
                + " jwt_user_payload, use_static_key)"
                + " VALUES ('public', 'public', 'h1', 'ext-1', 'r', '{}', 2000, 1, '{}', false)",
            "INSERT INTO user_metadata VALUES ('public', 'ext-1', '{}')",
            "INSERT INTO roles VALUES ('public', 'admin')",
            "INSERT INTO user_roles VALUES ('public', 'public', 'ext-1', 'admin')",
            "INSERT INTO emailverification_verified_emails VALUES ('public', 'ext-1', 'a@x.com')",
            "INSERT INTO totp_users VALUES ('public', 'ext-1')",
            "INSERT INTO totp_user_devices VALUES ('public', 'ext-1', 'd', 's', 30, 1, true, 1)",
            "INSERT INTO user_last_active VALUES ('public', 'ext-1', 1)"));
    assertEquals(
        List.of("Session", "UserMetadata", "UserRoles", "EmailVerification", "TOTP"),
        storage.userData().recipesUsing("public", id, now));
    assertEquals(
        List.of("UserMetadata", "UserRoles", "EmailVerification", "TOTP"),
        storage.userData().recipesUsing("public", id, 3000),
        "an expired session does not count");
    storage.runInTransaction(tx -> tx.userData().deleteNonLoginData("public", id));
    assertEquals(List.of(), storage.userData().recipesUsing("public", id, now));
    for (String table :
        List.of(
            "session_info",
            "user_metadata",
            "user_roles",
            "totp_user_devices",
            "user_last_active")) {
      assertEquals(0, Databases.count(storage.dataSource(), "SELECT COUNT(*) FROM " + table));
    }
    assertEquals(1, Databases.count(storage.dataSource(), "SELECT COUNT(*) FROM roles"));
  }

  @Test
  void oneReadIdentifiesAUserByEitherIdWithItsPrimaryUser() {
    var ids = storage.accountIds();
    assertEquals(new Identity(EP, null, EP), ids.identify("public", EP));
    assertEquals(new Identity(TP, null, EP), ids.identify("public", TP), "linked");
    assertEquals(new Identity("nobody", null, null), ids.identify("public", "nobody"));
    assertEquals(new Identity(TP, null, null), ids.identify("other-app", TP), "per app");

    storage.userIdMappings().insert(new Mapping("public", TP, "ext-tp", null));
    assertEquals(new Identity(TP, "ext-tp", EP), ids.identify("public", "ext-tp"));
    assertEquals(new Identity(TP, "ext-tp", EP), ids.identify("public", TP));
    assertEquals(new Identity(EP, null, EP), ids.identify("public", EP));
  }

  @Test
  void aSessionRowIsWrittenWithItsUsersIdentityOnlyUnderTheIdSessionsUse() {
    var sessions = storage.sessions();
    assertEquals(
        new Identified(new Identity("nobody", null, null), true),
        sessions.insertIdentified(session("h1", "nobody")));
    assertEquals(
        new Identified(new Identity(TP, null, EP), true),
        sessions.insertIdentified(session("h2", TP)),
        "linked");

    storage.userIdMappings().insert(new Mapping("public", TP, "ext-tp", null));
    assertEquals(
        new Identified(new Identity(TP, "ext-tp", EP), false),
        sessions.insertIdentified(session("h3", TP)),
        "a mapped user's SuperTokens id is not the id its sessions use");
    assertTrue(sessions.find("public", "public", "h3").isEmpty());
    assertEquals(
        new Identified(new Identity(TP, "ext-tp", EP), true),
        sessions.insertIdentified(session("h4", "ext-tp")));

    assertEquals("nobody", sessions.find("public", "public", "h1").orElseThrow().userId());
    assertEquals(session("h4", "ext-tp"), sessions.find("public", "public", "h4").orElseThrow());
    StorageException duplicate =
        assertThrows(
            StorageException.class, () -> sessions.insertIdentified(session("h1", "nobody")));
    assertEquals(
        Optional.of(new Violation(Kind.UNIQUE, "session_info_pkey")), duplicate.violation());
  }

  static SessionRow session(String handle, String userId) {
    return new SessionRow(
        "public", "public", handle, userId, "hash", "{}", 2000, 1000, "{\"k\":1}", false);
  }

  @Test
  void mappingsAreUniqueInBothDirections() {
    var mappings = storage.userIdMappings();
    mappings.insert(new Mapping("public", PL, "ext-pl", null));
    StorageException sameUser =
        assertThrows(
            StorageException.class,
            () -> mappings.insert(new Mapping("public", PL, "ext-other", null)));
    assertTrue(
        sameUser
            .violation()
            .orElseThrow()
            .is(Kind.UNIQUE, "userid_mapping_supertokens_user_id_key"),
        sameUser.violation().toString());
    StorageException sameExternal =
        assertThrows(
            StorageException.class,
            () -> mappings.insert(new Mapping("public", WA, "ext-pl", null)));
    assertTrue(
        sameExternal
            .violation()
            .orElseThrow()
            .is(Kind.UNIQUE, "userid_mapping_external_user_id_key"),
        sameExternal.violation().toString());
    StorageException noUser =
        assertThrows(
            StorageException.class,
            () -> mappings.insert(new Mapping("public", "nobody", "ext-x", null)));
    assertEquals(Kind.FOREIGN_KEY, noUser.violation().orElseThrow().kind());
    assertTrue(mappings.updateInfoByExternalId("public", "ext-pl", "info"));
    assertEquals(
        List.of(new Mapping("public", PL, "ext-pl", "info")), mappings.byEitherId("public", PL));
    assertTrue(mappings.deleteBySuperTokensId("public", PL));
    assertFalse(mappings.deleteByExternalId("public", "ext-pl"));
  }
}
