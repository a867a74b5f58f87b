package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void equalStringsMatch() {
    assertTrue(Secrets.equal("anti-csrf-1", new String("anti-csrf-1")));
    assertTrue(Secrets.equal("Zoë", "Zo\u00eb"));
  }

  @Test
  void differentStringsDoNotMatch() {
    assertFalse(Secrets.equal("anti-csrf-1", "anti-csrf-2"));
    assertFalse(Secrets.equal("abc", "abcd"));
    assertFalse(Secrets.equal("", "a"));
  }

  @Test
  void nullOnlyEqualsNull() {
    assertTrue(Secrets.equal((String) null, null));
    assertFalse(Secrets.equal(null, ""));
    assertFalse(Secrets.equal("", null));
    assertTrue(Secrets.equal((byte[]) null, null));
    assertFalse(Secrets.equal(new byte[0], null));
  }

  @Test
  void bytesCompareByContent() {
    assertTrue(Secrets.equal(new byte[] {1, 2, 3}, new byte[] {1, 2, 3}));
    assertFalse(Secrets.equal(new byte[] {1, 2, 3}, new byte[] {1, 2, 4}));
    assertFalse(Secrets.equal(new byte[] {1, 2}, new byte[] {1, 2, 3}));
  }
}
