package io.authcore.storage;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Finding and counting users of a tenant, as primary-user ids: pages ordered by the group's join
 * time, dashboard search, and lookups by account info. Read the groups with {@link
 * UserStore#groups}.
 */
public interface UserListStore {
  /**
   * Up to {@code limit} groups with a recipe user in the tenant (of one of {@code recipeIds} unless
   * empty), ordered by join time ({@code ascending} or not) then id descending, starting at {@code
   * from} (inclusive) when given.
   */
  List<Entry> page(
      String appId,
      String tenantId,
      int limit,
      boolean ascending,
      Collection<String> recipeIds,
      Entry from);

  /**
   * Groups with a recipe user in the tenant matching every given kind of tag (lists are null when
   * absent), ordered as {@link #page}; at most 1000 per recipe table, as the original.
   */
  List<String> search(
      String appId,
      String tenantId,
      List<String> emailPrefixes,
      List<String> phonePrefixes,
      List<String> providerPrefixes,
      boolean ascending);

  /** Distinct groups in the tenant, or in the whole app when {@code tenantId} is null. */
  long count(String appId, String tenantId, Collection<String> recipeIds);

  /** Distinct groups in the tenant whose join time (their earliest member's) is after {@code t}. */
  long countJoinedAfter(String appId, String tenantId, long t);

  /** Groups with a login method of this email in the tenant (any recipe). */
  Set<String> primaryIdsWithEmail(String appId, String tenantId, String email);

  Set<String> primaryIdsWithPhoneNumber(String appId, String tenantId, String phoneNumber);

  Set<String> primaryIdsWithThirdParty(
      String appId, String tenantId, String thirdPartyId, String thirdPartyUserId);

  /**
   * The group of the WebAuthn user with a credential of this id, in any tenant of the app (the
   * original looks credentials up by app, whatever tenant the request names).
   */
  Set<String> primaryIdsWithWebauthnCredential(String appId, String credentialId);

  /** A group in a page: its primary user id and its join time (the earliest of its members). */
  record Entry(String primaryUserId, long timeJoined) {}
}
