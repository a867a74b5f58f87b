package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomTokensTest {
  @Test
  void uuidIsVersion4InCanonicalForm() {
    for (int i = 0; i < 200; i++) {
      String id = RandomTokens.uuid();
      assertTrue(
          id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
      UUID parsed = UUID.fromString(id);
      assertEquals(4, parsed.version());
      assertEquals(2, parsed.variant());
    }
  }

  @Test
  void valuesDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertTrue(seen.add(RandomTokens.uuid()));
      assertTrue(seen.add(RandomTokens.hex(16)));
    }
  }

  @Test
  void everyBitPositionVaries() {
    // a generator stuck on zero bytes (or a constant) would leave bits that never change
    byte[] or = new byte[32];
    byte[] and = new byte[32];
    java.util.Arrays.fill(and, (byte) 0xff);
    for (int i = 0; i < 64; i++) {
      byte[] b = RandomTokens.bytes(32);
      for (int j = 0; j < 32; j++) {
        or[j] |= b[j];
        and[j] &= b[j];
      }
    }
    for (int j = 0; j < 32; j++) {
      assertEquals((byte) 0xff, or[j]);
      assertEquals(0, and[j]);
    }
  }

  @Test
  void tokenEncodings() {
    assertTrue(RandomTokens.hex(32).matches("[0-9a-f]{64}"));
    assertTrue(RandomTokens.base64Url(32).matches("[A-Za-z0-9_-]{43}"));
    assertNotEquals(RandomTokens.base64Url(16), RandomTokens.base64Url(16));
  }

  @Test
  void tokensBelow128BitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> RandomTokens.hex(15));
    assertThrows(IllegalArgumentException.class, () -> RandomTokens.base64Url(8));
  }
}
