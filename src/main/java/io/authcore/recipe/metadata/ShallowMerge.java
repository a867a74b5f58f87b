package io.authcore.recipe.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The original's metadata update: each top-level key of the update replaces the stored one whole
 * (objects are not merged), and a JSON null deletes it. A replaced key moves to the end, as it does
 * in the original, so the stored key order matches too.
 */
public final class ShallowMerge {
  private ShallowMerge() {}

  public static ObjectNode apply(ObjectNode target, ObjectNode update) {
    update
        .properties()
        .forEach(
            entry -> {
              target.remove(entry.getKey());
              if (!entry.getValue().isNull()) {
                target.set(entry.getKey(), entry.getValue());
              }
            });
    return target;
  }
}
