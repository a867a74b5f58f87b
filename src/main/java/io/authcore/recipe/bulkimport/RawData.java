package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.recipe.bulkimport.ImportedUser.RoleGrantInput;
import io.authcore.recipe.bulkimport.ImportedUser.TotpDeviceInput;
import io.authcore.storage.BulkImportStore.Entry;
import java.util.List;

/**
 * The JSON of a queued user as the original writes it to {@code raw_data} (its {@code
 * BulkImportUser} through Gson: fields in declaration order, nulls left out), so that either core
 * drains what the other queued; and the shapes the endpoints show it in.
 */
final class RawData {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String[] METHOD_FIELDS = {
    "tenantIds",
    "isVerified",
    "isPrimary",
    "timeJoinedInMSSinceEpoch",
    "recipeId",
    "email",
    "passwordHash",
    "hashingAlgorithm",
    "plainTextPassword",
    "thirdPartyId",
    "thirdPartyUserId",
    "phoneNumber",
    "rpId",
    "credentials",
    "superTokensUserId",
    "externalUserId"
  };

  private RawData() {}

  /** What is stored for a user. */
  static String of(ImportedUser user) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("id", user.id());
    if (user.externalUserId() != null) {
      out.put("externalUserId", user.externalUserId());
    }
    if (user.userMetadata() != null) {
      out.set("userMetadata", user.userMetadata());
    }
    if (user.userRoles() != null) {
      ArrayNode roles = out.putArray("userRoles");
      for (RoleGrantInput r : user.userRoles()) {
        ObjectNode role = roles.addObject().put("role", r.role());
        r.tenantIds().forEach(role.putArray("tenantIds")::add);
      }
    }
    if (user.totpDevices() != null) {
      ArrayNode devices = out.putArray("totpDevices");
      for (TotpDeviceInput d : user.totpDevices()) {
        ObjectNode device =
            devices
                .addObject()
                .put("secretKey", d.secretKey())
                .put("period", d.period())
                .put("skew", d.skew());
        if (d.deviceName() != null) {
          device.put("deviceName", d.deviceName());
        }
      }
    }
    ArrayNode methods = out.putArray("loginMethods");
    user.loginMethods().forEach(m -> methods.add(loginMethodNode(m)));
    return write(out);
  }

  /** A login method as Gson prints the original's: for its "has no tenantId" error. */
  static String loginMethod(ImportedLoginMethod m) {
    return write(loginMethodNode(m));
  }

  private static ObjectNode loginMethodNode(ImportedLoginMethod m) {
    ObjectNode node = MAPPER.createObjectNode();
    m.tenantIds().forEach(node.putArray("tenantIds")::add);
    node.put("isVerified", m.verified());
    node.put("isPrimary", m.primary());
    node.put("timeJoinedInMSSinceEpoch", m.timeJoined());
    node.put("recipeId", m.recipeId());
    LoginMethodKinds.of(m).store(m, node);
    node.put("superTokensUserId", m.superTokensUserId());
    return node;
  }

  /** A user as {@code POST /bulk-import/users} answers it (the original's toResponseJson). */
  static ObjectNode queued(ImportedUser user) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("userId", user.externalUserId() != null ? user.externalUserId() : user.id());
    ArrayNode methods = out.putArray("loginMethods");
    for (ImportedLoginMethod m : user.loginMethods()) {
      ObjectNode method = methods.addObject();
      method.put("recipeId", m.recipeId());
      method.put("userId", m.superTokensUserId());
      m.tenantIds().forEach(method.putArray("tenants")::add);
      LoginMethodKinds.of(m).describe(m, method);
    }
    return out;
  }

  /**
   * A queued user as {@code GET /bulk-import/users} lists it: its stored JSON in the original's
   * field order (what it does not know left out), then the row's status, reason and times.
   */
  static ObjectNode listed(Entry entry) {
    JsonNode raw = read(entry.rawData());
    ObjectNode out = MAPPER.createObjectNode();
    out.put("id", entry.id());
    copy(raw, out, "externalUserId", "userMetadata");
    if (raw.get("userRoles") instanceof ArrayNode roles) {
      ArrayNode list = out.putArray("userRoles");
      roles.forEach(r -> copy(r, list.addObject(), "role", "tenantIds"));
    }
    if (raw.get("totpDevices") instanceof ArrayNode devices) {
      ArrayNode list = out.putArray("totpDevices");
      for (JsonNode d : devices) {
        ObjectNode device = list.addObject();
        copy(d, device, "secretKey");
        device.put("period", d.path("period").asInt(0));
        device.put("skew", d.path("skew").asInt(0));
        copy(d, device, "deviceName");
      }
    }
    if (raw.get("loginMethods") instanceof ArrayNode methods) {
      ArrayNode list = out.putArray("loginMethods");
      for (JsonNode m : methods) {
        ObjectNode method = list.addObject();
        copy(m, method, "tenantIds");
        // Primitive fields of the original's class: always there.
        method.put("isVerified", m.path("isVerified").asBoolean(false));
        method.put("isPrimary", m.path("isPrimary").asBoolean(false));
        method.put("timeJoinedInMSSinceEpoch", m.path("timeJoinedInMSSinceEpoch").asLong(0));
        copy(m, method, List.of(METHOD_FIELDS).subList(4, METHOD_FIELDS.length));
      }
    }
    out.put("status", entry.status().name());
    if (entry.primaryUserId() != null) {
      out.put("primaryUserId", entry.primaryUserId());
    }
    if (entry.errorMessage() != null) {
      out.put("errorMessage", entry.errorMessage());
    }
    out.put("createdAt", entry.createdAt());
    out.put("updatedAt", entry.updatedAt());
    return out;
  }

  /** The stored JSON; an object, even for a row that holds none. */
  static ObjectNode read(String rawData) {
    try {
      JsonNode node = MAPPER.readTree(rawData);
      return node instanceof ObjectNode object ? object : MAPPER.createObjectNode();
    } catch (JsonProcessingException e) {
      return MAPPER.createObjectNode();
    }
  }

  private static void copy(JsonNode from, ObjectNode to, String... fields) {
    copy(from, to, List.of(fields));
  }

  private static void copy(JsonNode from, ObjectNode to, List<String> fields) {
    for (String field : fields) {
      JsonNode value = from.get(field);
      if (value != null && !value.isNull()) {
        to.set(field, value);
      }
    }
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a user's JSON", e);
    }
  }
}
