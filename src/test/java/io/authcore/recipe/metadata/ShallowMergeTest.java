package io.authcore.recipe.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ShallowMergeTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static String merge(String target, String update) throws Exception {
    return MAPPER.writeValueAsString(
        ShallowMerge.apply(
            (ObjectNode) MAPPER.readTree(target), (ObjectNode) MAPPER.readTree(update)));
  }

  @Test
  void topLevelKeysAreReplacedWholeAndNullDeletes() throws Exception {
    assertEquals(
        "{\"keep\":1,\"prefs\":{\"tz\":\"UTC\"}}",
        merge(
            "{\"theme\":\"dark\",\"keep\":1,\"prefs\":{\"lang\":\"en\"}}",
            "{\"theme\":null,\"prefs\":{\"tz\":\"UTC\"}}"));
  }

  @Test
  void aReplacedKeyMovesToTheEndAsInTheOriginal() throws Exception {
    assertEquals("{\"b\":2,\"a\":3,\"c\":[1]}", merge("{\"a\":1,\"b\":2}", "{\"a\":3,\"c\":[1]}"));
  }

  @Test
  void deletingAnAbsentKeyAndAnEmptyUpdateChangeNothing() throws Exception {
    assertEquals("{\"a\":1}", merge("{\"a\":1}", "{\"zz\":null}"));
    assertEquals("{\"a\":1}", merge("{\"a\":1}", "{}"));
  }

  @Test
  void valuesOfEveryJsonTypeAreKept() throws Exception {
    String all =
        "{\"s\":\"x\",\"n\":-1.5,\"i\":12345678901234,\"t\":true,\"f\":false,\"a\":[null,{}]}";
    assertEquals(all, merge("{}", all));
  }
}
