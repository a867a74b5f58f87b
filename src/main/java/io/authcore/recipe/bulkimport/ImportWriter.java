package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.recipe.bulkimport.ImportedUser.RoleGrantInput;
import io.authcore.recipe.bulkimport.ImportedUser.TotpDeviceInput;
import io.authcore.recipe.metadata.ShallowMerge;
import io.authcore.storage.Stores;
import io.authcore.storage.UserImportStore;
import io.authcore.storage.UserImportStore.RecipeUser;
import io.authcore.storage.UserImportStore.RoleGrant;
import io.authcore.storage.UserImportStore.TotpDevice;
import io.authcore.storage.UserImportStore.VerifiedEmail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes users that passed {@link ImportConflicts}, all of them with a few batched statements per
 * table, in the original's rows: the recipe users already in their groups (a user with several
 * login methods, or one marked primary, is a primary user), then the external id, verified emails,
 * TOTP devices, metadata and roles, the last three under the external id where there is one.
 */
final class ImportWriter {
  /** The name the original gives a TOTP device that has none (then a number). */
  private static final String DEVICE_NAME_PREFIX = "TOTP Device ";

  private final Stores tx;
  private final String appId;
  private final long now;

  ImportWriter(Stores tx, String appId, long now) {
    this.tx = tx;
    this.appId = appId;
    this.now = now;
  }

  void write(List<ImportedUser> users) {
    if (users.isEmpty()) {
      return;
    }
    UserImportStore store = tx.userImport();
    store.insertRecipeUsers(appId, recipeUsers(users));
    for (LoginMethodKind kind : LoginMethodKinds.all()) {
      List<ImportedLoginMethod> methods = new ArrayList<>();
      users.forEach(
          u ->
              u.loginMethods().stream()
                  .filter(m -> m.recipeId().equals(kind.recipeId()))
                  .forEach(methods::add));
      if (!methods.isEmpty()) {
        kind.write(store, appId, methods);
      }
    }
    Map<String, String> mappings = new LinkedHashMap<>();
    List<VerifiedEmail> verified = new ArrayList<>();
    List<TotpDevice> devices = new ArrayList<>();
    Map<String, ObjectNode> metadata = new LinkedHashMap<>();
    Set<RoleGrant> grants = new LinkedHashSet<>();
    for (ImportedUser u : users) {
      ImportedLoginMethod primary = u.primary();
      if (u.externalUserId() != null) {
        mappings.put(primary.superTokensUserId(), u.externalUserId());
      }
      for (ImportedLoginMethod m : u.loginMethods()) {
        if (m.verified() && m.email() != null) {
          // The primary method goes by the external id once mapped, as in the original.
          String id = m == primary ? u.ownerId() : m.superTokensUserId();
          verified.add(new VerifiedEmail(id, m.email()));
        }
      }
      devices.addAll(devices(u));
      if (u.userMetadata() != null) {
        metadata.put(u.ownerId(), u.userMetadata());
      }
      if (u.userRoles() != null) {
        for (RoleGrantInput r : u.userRoles()) {
          r.tenantIds().forEach(t -> grants.add(new RoleGrant(t, u.ownerId(), r.role())));
        }
      }
    }
    store.insertMappings(appId, mappings);
    store.markVerified(appId, verified);
    store.insertTotpDevices(appId, devices);
    store.writeMetadata(appId, merged(metadata));
    store.grantRoles(appId, new ArrayList<>(grants));
  }

  private static List<RecipeUser> recipeUsers(List<ImportedUser> users) {
    List<RecipeUser> rows = new ArrayList<>();
    for (ImportedUser u : users) {
      boolean grouped = u.isPrimaryUser();
      String primaryId = u.primary().superTokensUserId();
      long groupJoined =
          u.loginMethods().stream().mapToLong(ImportedLoginMethod::timeJoined).min().orElseThrow();
      for (ImportedLoginMethod m : u.loginMethods()) {
        rows.add(
            new RecipeUser(
                m.superTokensUserId(),
                m.recipeId(),
                m.tenantIds(),
                m.timeJoined(),
                grouped ? primaryId : m.superTokensUserId(),
                grouped,
                grouped ? groupJoined : m.timeJoined()));
      }
    }
    return rows;
  }

  /** The user's devices, a device named twice once (the last), unnamed ones numbered. */
  private List<TotpDevice> devices(ImportedUser u) {
    if (u.totpDevices() == null) {
      return List.of();
    }
    Map<String, TotpDevice> byName = new LinkedHashMap<>();
    int unnamed = 0;
    for (TotpDeviceInput d : u.totpDevices()) {
      String name = d.deviceName();
      if (name == null) {
        do {
          name = DEVICE_NAME_PREFIX + unnamed++;
        } while (byName.containsKey(name));
      }
      byName.remove(name);
      byName.put(name, new TotpDevice(u.ownerId(), name, d.secretKey(), d.period(), d.skew(), now));
    }
    return new ArrayList<>(byName.values());
  }

  /** Each user's metadata over what its id has already, as the original's metadata update. */
  private Map<String, String> merged(Map<String, ObjectNode> updates) {
    Map<String, String> existing =
        updates.isEmpty() ? Map.of() : tx.userImport().metadata(appId, updates.keySet());
    Map<String, String> merged = new LinkedHashMap<>();
    updates.forEach(
        (userId, update) -> {
          ObjectNode base =
              existing.containsKey(userId)
                  ? RawData.read(existing.get(userId))
                  : RawData.MAPPER.createObjectNode();
          merged.put(userId, write(ShallowMerge.apply(base, update.deepCopy())));
        });
    return merged;
  }

  private static String write(ObjectNode node) {
    try {
      return RawData.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write metadata", e);
    }
  }
}
