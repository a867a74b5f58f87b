package io.authcore.storage;

import java.util.Set;

/**
 * Account linking in {@code app_id_to_user_id} and {@code all_auth_recipe_users}: which recipe
 * users form a group under one primary user, with the original's columns, so that a database shared
 * with the original reads the same groups both ways. Run the writes in a transaction that took
 * {@link #lockApp} first.
 */
public interface AccountLinkingStore {
  /**
   * Holds the app's linking lock until the transaction ends. Every change that decides whether a
   * primary user may hold an email, phone number or third-party login takes it before reading, so
   * of two such changes racing in one app the second sees what the first wrote.
   */
  void lockApp(String appId);

  /** Groups (primary-or-recipe user ids) with a login method of this email anywhere in the app. */
  Set<String> groupsWithEmail(String appId, String email);

  Set<String> groupsWithPhoneNumber(String appId, String phoneNumber);

  Set<String> groupsWithThirdParty(String appId, String thirdPartyId, String thirdPartyUserId);

  /** Marks a stand-alone recipe user as a primary user (the head of a group of one). */
  void makePrimary(String appId, String recipeUserId);

  /**
   * Puts a stand-alone recipe user into a primary user's group; every member's group join time
   * becomes the earliest member's.
   */
  void link(String appId, String recipeUserId, String primaryUserId);

  /**
   * Makes a member stand alone again, not primary; the group it left gets its join time anew. With
   * the primary user itself (a group of one) it only stops being primary.
   */
  void unlink(String appId, String recipeUserId, String primaryUserId);
}
