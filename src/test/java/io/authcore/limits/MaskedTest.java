package io.authcore.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskedTest {
  @Test
  void emailsAndPhoneNumbersAreNeverWhole() {
    assertEquals("j***@example.com", Masked.of("jane.doe@example.com"));
    assertEquals("***@example.com", Masked.of("@example.com"));
    assertEquals("+***67", Masked.of("+441234567"));
    assertEquals("203.0.113.9", Masked.of("203.0.113.9"));
  }
}
