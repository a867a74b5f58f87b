package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.RandomTokens;
import io.authcore.recipe.bulkimport.ImportedUser.RoleGrantInput;
import io.authcore.recipe.bulkimport.ImportedUser.TotpDeviceInput;
import io.authcore.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a user to import as the original's {@code BulkImportUserUtils} does: every problem is
 * collected, in the original's order and words, and the user is refused if there is any. One reader
 * serves one request (or one run of the queue): an external id may appear once in it.
 *
 * <p>Where the original fails with a 500 (a user role without its {@code role}), the problem is
 * reported like the others.
 */
final class ImportedUserReader {
  private final ImportRules rules;
  private final Set<String> externalUserIds = new HashSet<>();

  ImportedUserReader(ImportRules rules) {
    this.rules = rules;
  }

  /** The user, or the errors that refuse it. */
  record Result(ImportedUser user, List<String> errors) {}

  Result read(JsonNode json) {
    List<String> errors = new ArrayList<>();
    if (!(json instanceof ObjectNode user)) {
      return new Result(null, List.of("user should be of type object."));
    }
    FieldReader in = new FieldReader(user, errors, ".");
    String externalUserId = in.string("externalUserId", false);
    ObjectNode metadata = in.object("userMetadata");
    List<RoleGrantInput> roles = roles(in.objects("userRoles", false), errors);
    List<TotpDeviceInput> devices = devices(in.objects("totpDevices", false), errors);
    List<ImportedLoginMethod> methods = loginMethods(in.objects("loginMethods", true), errors);
    externalUserId = externalUserId(externalUserId, errors);
    crossCheck(roles, methods, errors);
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    ImportedUser imported =
        new ImportedUser(null, externalUserId, metadata, roles, devices, methods);
    return new Result(imported.withId(imported.primary().superTokensUserId()), List.of());
  }

  private List<RoleGrantInput> roles(ArrayNode json, List<String> errors) {
    if (json == null) {
      return null;
    }
    List<RoleGrantInput> roles = new ArrayList<>();
    for (JsonNode item : json) {
      FieldReader in = new FieldReader((ObjectNode) item, errors, " for a user role.");
      String role = in.string("role", true);
      ArrayNode tenantIds = in.strings("tenantIds", true);
      if (role != null) {
        Normalise.atMost("role", role, 255, errors);
        role = role.trim();
        if (!rules.roles().contains(role)) {
          errors.add("Role " + role + " does not exist.");
        }
      }
      List<String> tenants = tenants(tenantIds, errors, " for a user role.");
      if (role != null) {
        roles.add(new RoleGrantInput(role, tenants));
      }
    }
    return roles;
  }

  private static List<TotpDeviceInput> devices(ArrayNode json, List<String> errors) {
    if (json == null) {
      return null;
    }
    List<TotpDeviceInput> devices = new ArrayList<>();
    for (JsonNode item : json) {
      FieldReader in = new FieldReader((ObjectNode) item, errors, " for a totp device.");
      String secretKey = in.string("secretKey", true);
      Integer period = in.integer("period");
      Integer skew = in.integer("skew");
      String deviceName = in.string("deviceName", false);
      Normalise.atMost("TOTP secretKey", secretKey, 256, errors);
      if (period == null) {
        period = 30;
      } else if (period < 1) {
        errors.add("period should be > 0 for a totp device.");
        period = null;
      }
      if (skew == null) {
        skew = 1;
      } else if (skew < 0) {
        errors.add("skew should be >= 0 for a totp device.");
        skew = null;
      }
      if (deviceName != null) {
        deviceName = Normalise.atMost("TOTP deviceName", deviceName, 256, errors).trim();
      }
      if (secretKey != null && period != null && skew != null) {
        devices.add(new TotpDeviceInput(secretKey, period, skew, deviceName));
      }
    }
    return devices;
  }

  private List<ImportedLoginMethod> loginMethods(ArrayNode json, List<String> errors) {
    List<ImportedLoginMethod> methods = new ArrayList<>();
    if (json == null) {
      return methods;
    }
    if (json.isEmpty()) {
      errors.add("At least one loginMethod is required.");
      return methods;
    }
    // Account linking is always on here, so several login methods are welcome.
    boolean primarySeen = false;
    for (JsonNode item : json) {
      if (FieldReader.isTrue((ObjectNode) item, "isPrimary")) {
        if (primarySeen) {
          errors.add("No two loginMethods can have isPrimary as true.");
        }
        primarySeen = true;
      }
    }
    for (JsonNode item : json) {
      loginMethod((ObjectNode) item, errors).ifPresent(methods::add);
    }
    return methods;
  }

  private Optional<ImportedLoginMethod> loginMethod(ObjectNode json, List<String> errors) {
    FieldReader in = new FieldReader(json, errors, " for a loginMethod.");
    String recipeId = in.string("recipeId", true);
    ArrayNode tenantIds = in.strings("tenantIds", false);
    Boolean verified = in.bool("isVerified");
    Boolean primary = in.bool("isPrimary");
    Long timeJoined =
        new FieldReader(json, errors, " for a loginMethod").longValue("timeJoinedInMSSinceEpoch");
    Optional<LoginMethodKind> kind = LoginMethodKinds.find(recipeId);
    if (recipeId != null && kind.isEmpty()) {
      errors.add(LoginMethodKinds.INVALID);
    }
    List<String> tenants = tenants(tenantIds, errors, " for " + recipeId + " recipe.");
    long joined = timeJoined(timeJoined, errors);
    String superTokensUserId =
        rules.storedIds()
            ? new FieldReader(json, errors, " for a loginMethod").string("superTokensUserId", true)
            : RandomTokens.uuid();
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ImportedLoginMethod(
            recipeId,
            tenants,
            verified != null && verified,
            primary != null && primary,
            joined,
            kind.get().read(json, errors, rules),
            superTokensUserId));
  }

  /** The app's tenants among these; none given is the public tenant alone. */
  private List<String> tenants(ArrayNode json, List<String> errors, String suffix) {
    if (json == null) {
      return List.of(TenantId.DEFAULT);
    }
    List<String> tenants = new ArrayList<>();
    for (JsonNode item : json) {
      String tenantId = item.textValue();
      if (tenantId.equals(TenantId.DEFAULT)) {
        tenants.add(tenantId);
        continue;
      }
      // Tenant ids are lower case, as the original reads them from a request path.
      String normalised = tenantId.trim().toLowerCase(Locale.ROOT);
      if (rules.tenantIds().contains(normalised)) {
        tenants.add(normalised);
      } else {
        errors.add("Invalid tenantId: " + tenantId + suffix);
      }
    }
    return tenants;
  }

  private long timeJoined(Long timeJoined, List<String> errors) {
    if (timeJoined == null) {
      return rules.now();
    }
    if (timeJoined > rules.now()) {
      errors.add("timeJoined cannot be in future for a loginMethod.");
    }
    if (timeJoined < 0) {
      errors.add("timeJoined cannot be < 0 for a loginMethod.");
    }
    return timeJoined;
  }

  private String externalUserId(String externalUserId, List<String> errors) {
    if (externalUserId == null) {
      return null;
    }
    Normalise.atMost("externalUserId", externalUserId, 128, errors);
    if (!externalUserIds.add(externalUserId)) {
      errors.add(
          "externalUserId "
              + externalUserId
              + " is not unique. It is already used by another user.");
    }
    // Trimmed as the original's external-user-id update does.
    return externalUserId.trim();
  }

  private static void crossCheck(
      List<RoleGrantInput> roles, List<ImportedLoginMethod> methods, List<String> errors) {
    if (roles != null) {
      for (RoleGrantInput role : roles) {
        for (String tenantId : role.tenantIds()) {
          if (!tenantId.equals(TenantId.DEFAULT)
              && methods.stream().noneMatch(m -> m.tenantIds().contains(tenantId))) {
            errors.add("TenantId " + tenantId + " for a user role does not exist in loginMethods.");
          }
        }
      }
    }
    for (ImportedLoginMethod m : methods) {
      if (m.tenantIds().isEmpty()) {
        errors.add("LoginMethod '" + RawData.loginMethod(m) + "' has no tenantId");
      }
    }
  }
}
