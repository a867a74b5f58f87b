package io.authcore.storage.jdbc;

import io.authcore.storage.UserStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds user groups with one query per table for any number of groups, so that listing a page of
 * users costs the same few round trips as reading one.
 */
final class JdbcUserStore implements UserStore {
  private static final List<String> RECIPE_ORDER =
      List.of("emailpassword", "thirdparty", "passwordless", "webauthn");

  private final Sql sql;
  private final Tables tables;

  JdbcUserStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.tables = tables;
  }

  @Override
  public Optional<AuthUser> find(String appId, String superTokensUserId) {
    return sql.one(
            "SELECT primary_or_recipe_user_id FROM "
                + tables.name("app_id_to_user_id")
                + " WHERE app_id = ? AND user_id = ?",
            rs -> rs.getString(1).trim(),
            appId,
            superTokensUserId)
        .flatMap(primary -> groups(appId, List.of(primary)).stream().findFirst());
  }

  /** A recipe user while its group is being assembled. */
  private static final class Member {
    final String userId;
    final String recipeId;
    final boolean linked;
    // The original keeps a login method's tenants in a HashSet: its iteration order is the wire
    // order.
    final Set<String> tenants = new HashSet<>();
    long timeJoined;
    String email;
    String phone;
    String thirdPartyId;
    String thirdPartyUserId;
    final List<String> credentials = new ArrayList<>();

    Member(String userId, String recipeId, boolean linked, long timeJoined) {
      this.userId = userId;
      this.recipeId = recipeId;
      this.linked = linked;
      this.timeJoined = timeJoined;
    }
  }

  @Override
  public List<AuthUser> groups(String appId, Collection<String> primaryUserIds) {
    if (primaryUserIds.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Member>> byPrimary = new LinkedHashMap<>();
    primaryUserIds.forEach(id -> byPrimary.put(id, new LinkedHashMap<>()));
    Map<String, Member> members = new HashMap<>();
    sql.list(
        "SELECT user_id, primary_or_recipe_user_id, recipe_id, tenant_id, time_joined,"
            + " is_linked_or_is_a_primary_user FROM "
            + tables.name("all_auth_recipe_users")
            + " WHERE app_id = ? AND primary_or_recipe_user_id IN "
            + in(primaryUserIds.size()),
        rs -> {
          String userId = rs.getString(1).trim();
          String primary = rs.getString(2).trim();
          String recipe = rs.getString(3);
          String tenant = rs.getString(4);
          long joined = rs.getLong(5);
          boolean linked = rs.getBoolean(6);
          Member member =
              byPrimary
                  .get(primary)
                  .computeIfAbsent(userId, id -> new Member(id, recipe, linked, joined));
          member.tenants.add(tenant);
          members.put(userId, member);
          return member;
        },
        params(appId, primaryUserIds));
    if (members.isEmpty()) {
      return List.of();
    }
    fillRecipeDetails(appId, members);
    Set<String> allIds = new HashSet<>(members.keySet());
    allIds.addAll(byPrimary.keySet());
    Map<String, String> external = externalIds(appId, allIds);
    Set<String> verified = verifiedPairs(appId, members, external);

    List<AuthUser> users = new ArrayList<>();
    byPrimary.forEach(
        (primary, group) -> {
          if (group.isEmpty()) {
            return;
          }
          List<LoginMethod> methods = new ArrayList<>();
          boolean isPrimary = false;
          for (Member m : group.values()) {
            isPrimary |= m.linked;
            String shownId = external.getOrDefault(m.userId, m.userId);
            boolean isVerified =
                m.email == null
                    ? m.phone != null
                    : verified.contains(pair(shownId, m.email))
                        || verified.contains(pair(m.userId, m.email));
            methods.add(
                new LoginMethod(
                    m.recipeId,
                    m.userId,
                    external.get(m.userId),
                    Collections.unmodifiableSet(m.tenants),
                    m.timeJoined,
                    isVerified,
                    m.email,
                    m.phone,
                    m.thirdPartyId,
                    m.thirdPartyUserId,
                    m.recipeId.equals("webauthn") ? credentialIds(m.credentials) : null));
          }
          // Joined in the same millisecond: the order in which the original reads the recipes.
          methods.sort(
              Comparator.comparingLong(LoginMethod::timeJoined)
                  .thenComparingInt(m -> RECIPE_ORDER.indexOf(m.recipeId()))
                  .thenComparing(LoginMethod::recipeUserId));
          users.add(new AuthUser(primary, external.get(primary), isPrimary, List.copyOf(methods)));
        });
    return users;
  }

  /**
   * A WebAuthn user's credential ids. The original reads them with a left join, so a user without
   * credentials has one null id, which its user object shows as {@code [null]}.
   */
  private static List<String> credentialIds(List<String> credentials) {
    return credentials.isEmpty()
        ? Collections.singletonList(null)
        : Collections.unmodifiableList(new ArrayList<>(credentials));
  }

  private void fillRecipeDetails(String appId, Map<String, Member> members) {
    Map<String, List<String>> byRecipe = new HashMap<>();
    members
        .values()
        .forEach(m -> byRecipe.computeIfAbsent(m.recipeId, r -> new ArrayList<>()).add(m.userId));
    List<String> ids = byRecipe.get("emailpassword");
    if (ids != null) {
      sql.list(
          "SELECT user_id, email FROM "
              + tables.name("emailpassword_users")
              + " WHERE app_id = ? AND user_id IN "
              + in(ids.size()),
          rs -> members.get(rs.getString(1).trim()).email = rs.getString(2),
          params(appId, ids));
    }
    ids = byRecipe.get("thirdparty");
    if (ids != null) {
      sql.list(
          "SELECT user_id, email, third_party_id, third_party_user_id FROM "
              + tables.name("thirdparty_users")
              + " WHERE app_id = ? AND user_id IN "
              + in(ids.size()),
          rs -> {
            Member m = members.get(rs.getString(1).trim());
            m.email = rs.getString(2);
            m.thirdPartyId = rs.getString(3);
            m.thirdPartyUserId = rs.getString(4);
            return m;
          },
          params(appId, ids));
    }
    ids = byRecipe.get("passwordless");
    if (ids != null) {
      sql.list(
          "SELECT user_id, email, phone_number FROM "
              + tables.name("passwordless_users")
              + " WHERE app_id = ? AND user_id IN "
              + in(ids.size()),
          rs -> {
            Member m = members.get(rs.getString(1).trim());
            m.email = rs.getString(2);
            m.phone = rs.getString(3);
            return m;
          },
          params(appId, ids));
    }
    ids = byRecipe.get("webauthn");
    if (ids != null) {
      sql.list(
          "SELECT user_id, email FROM "
              + tables.name("webauthn_users")
              + " WHERE app_id = ? AND user_id IN "
              + in(ids.size()),
          rs -> members.get(rs.getString(1).trim()).email = rs.getString(2),
          params(appId, ids));
      sql.list(
          "SELECT user_id, id FROM "
              + tables.name("webauthn_credentials")
              + " WHERE app_id = ? AND user_id IN "
              + in(ids.size())
              + " ORDER BY created_at, id",
          rs -> members.get(rs.getString(1).trim()).credentials.add(rs.getString(2)),
          params(appId, ids));
    }
  }

  private Map<String, String> externalIds(String appId, Collection<String> superTokensIds) {
    Map<String, String> external = new HashMap<>();
    sql.list(
        "SELECT supertokens_user_id, external_user_id FROM "
            + tables.name("userid_mapping")
            + " WHERE app_id = ? AND supertokens_user_id IN "
            + in(superTokensIds.size()),
        rs -> external.put(rs.getString(1).trim(), rs.getString(2)),
        params(appId, superTokensIds));
    return external;
  }

  /** Verification is keyed on the id the SDK used: the external one when a mapping exists. */
  private Set<String> verifiedPairs(
      String appId, Map<String, Member> members, Map<String, String> external) {
    Set<String> ids = new HashSet<>();
    for (Member m : members.values()) {
      if (m.email != null) {
        ids.add(m.userId);
        ids.add(external.getOrDefault(m.userId, m.userId));
      }
    }
    Set<String> pairs = new HashSet<>();
    if (ids.isEmpty()) {
      return pairs;
    }
    sql.list(
        "SELECT user_id, email FROM "
            + tables.name("emailverification_verified_emails")
            + " WHERE app_id = ? AND user_id IN "
            + in(ids.size()),
        rs -> pairs.add(pair(rs.getString(1), rs.getString(2))),
        params(appId, ids));
    return pairs;
  }

  private static String pair(String userId, String email) {
    return userId + "\u0000" + email;
  }

  static String in(int count) {
    return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
  }

  static Object[] params(String appId, Collection<String> ids) {
    Object[] params = new Object[ids.size() + 1];
    params[0] = appId;
    int i = 1;
    for (String id : ids) {
      params[i++] = id;
    }
    return params;
  }
}
