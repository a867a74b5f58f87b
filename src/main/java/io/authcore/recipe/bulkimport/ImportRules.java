package io.authcore.recipe.bulkimport;

import io.authcore.crypto.password.HashingAlgorithm;
import java.util.Set;

/**
 * What a user to import is checked against: the app's tenants and roles, the hash formats and cost
 * bounds, the time, and whether its recipe user ids are new or were fixed when it was queued.
 *
 * @param tenantIds the app's tenants
 * @param roles the app's roles
 * @param hashes the app's check of a given password hash
 * @param storedIds true for a queued user (its ids are in its JSON), false for a new one
 */
record ImportRules(
    Set<String> tenantIds, Set<String> roles, HashCheck hashes, long now, boolean storedIds) {

  /** Checks an imported password hash as {@code /recipe/user/passwordhash/import} does. */
  @FunctionalInterface
  interface HashCheck {
    /**
     * @param algorithm the declared algorithm, or null to infer it from the hash
     * @return the error text for a hash that cannot be imported, or null
     */
    String problem(String passwordHash, HashingAlgorithm algorithm);
  }
}
