package io.authcore.recipe.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.storage.Storage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * User metadata: one JSON object per app and user id. The id is used exactly as given (an external
 * id when the SDK maps users), and no user needs to exist for it.
 */
public final class MetadataService {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Storage storage;

  public MetadataService(Storage storage) {
    this.storage = storage;
  }

  /** The user's metadata; an empty object when there is none. */
  public ObjectNode get(String appId, String userId) {
    return storage
        .metadata()
        .find(appId, userId)
        .map(MetadataService::parse)
        .orElseGet(MAPPER::createObjectNode);
  }

  /**
   * Merges the update into the stored metadata (see {@link ShallowMerge}) and returns the result.
   * The row stays locked from read to write, so concurrent updates of other keys all survive.
   */
  public ObjectNode update(String appId, String userId, ObjectNode update) {
    return storage.inTransaction(
        tx -> {
          ObjectNode merged = ShallowMerge.apply(parse(tx.metadata().lock(appId, userId)), update);
          tx.metadata().replace(appId, userId, write(merged));
          return merged;
        });
  }

  public void remove(String appId, String userId) {
    storage.metadata().delete(appId, userId);
  }

  /** The metadata of each user id that has any; the others are absent from the map. */
  public Map<String, ObjectNode> getAll(String appId, List<String> userIds) {
    Map<String, ObjectNode> found = new HashMap<>();
    storage.metadata().findAll(appId, userIds).forEach((id, json) -> found.put(id, parse(json)));
    return found;
  }

  private static ObjectNode parse(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new IllegalStateException("stored user metadata is not a JSON object");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored user metadata is not JSON", e);
    }
  }

  private static String write(ObjectNode metadata) {
    try {
      return MAPPER.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise user metadata", e);
    }
  }
}
