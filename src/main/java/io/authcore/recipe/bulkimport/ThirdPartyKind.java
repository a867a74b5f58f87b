package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.storage.ThirdPartyStore;
import io.authcore.storage.UserImportStore;
import io.authcore.storage.UserImportStore.ThirdPartyUser;
import io.authcore.storage.UserStore.LoginMethod;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A provider's account: thirdPartyId, thirdPartyUserId and the email the provider gave. */
final class ThirdPartyKind implements LoginMethodKind {
  private static final String SUFFIX = " for a thirdparty recipe.";

  @Override
  public String recipeId() {
    return "thirdparty";
  }

  @Override
  public Map<String, String> read(ObjectNode json, List<String> errors, ImportRules rules) {
    FieldReader in = new FieldReader(json, errors, SUFFIX);
    String email = in.string("email", true);
    String thirdPartyId = in.string("thirdPartyId", true);
    String thirdPartyUserId = in.string("thirdPartyUserId", true);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", Normalise.email(email, errors));
    // Neither is normalised, as in the original's sign-in-up.
    fields.put("thirdPartyId", Normalise.atMost("thirdPartyId", thirdPartyId, 28, errors));
    fields.put(
        "thirdPartyUserId", Normalise.atMost("thirdPartyUserId", thirdPartyUserId, 256, errors));
    fields.values().removeIf(java.util.Objects::isNull);
    return fields;
  }

  @Override
  public void describe(ImportedLoginMethod m, ObjectNode out) {
    out.put("email", m.email());
    out.put("thirdpartyId", m.field("thirdPartyId"));
    out.put("thirdpartyUserId", m.field("thirdPartyUserId"));
  }

  @Override
  public LoginMethod accountInfo(ImportedLoginMethod m) {
    return LoginMethodKind.info(m, null, m.field("thirdPartyId"), m.field("thirdPartyUserId"));
  }

  @Override
  public List<Claim> claims(ImportedLoginMethod m) {
    String id = m.field("thirdPartyId");
    String userId = m.field("thirdPartyUserId");
    return List.of(
        new Claim(
            "identity",
            UserImportStore.thirdPartyKey(id, userId),
            ThirdPartyStore.IDENTITY_KEY,
            "E005: A user with thirdPartyId "
                + id
                + " and thirdPartyUserId "
                + userId
                + " already exists in thirdparty loginMethod.",
            tenant ->
                "E016: We tried to add the userId "
                    + m.superTokensUserId()
                    + " to the tenantId "
                    + tenant
                    + " but another user with thirdPartyId "
                    + id
                    + " and thirdPartyUserId "
                    + userId
                    + " already exists."));
  }

  @Override
  public Set<String> held(
      UserImportStore store,
      String appId,
      String tenantId,
      String type,
      Collection<String> values) {
    return store.thirdPartyIdentities(appId, tenantId, values);
  }

  @Override
  public void write(UserImportStore store, String appId, List<ImportedLoginMethod> methods) {
    store.insertThirdPartyUsers(
        appId,
        methods.stream()
            .map(
                m ->
                    new ThirdPartyUser(
                        m.superTokensUserId(),
                        m.tenantIds(),
                        m.field("thirdPartyId"),
                        m.field("thirdPartyUserId"),
                        m.email(),
                        m.timeJoined()))
            .toList());
  }
}
