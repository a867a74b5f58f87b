package io.authcore.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskedTest {
  @Test
  void emailsAndPhoneNumbersAreNeverWhole() {
    assertEquals("j***@example.com", Masked.account("jane.doe@example.com"));
    assertEquals("***@example.com", Masked.account("@example.com"));
    assertEquals("+***67", Masked.account("+441234567"));
    assertEquals("j***", Masked.account("jane.doe"));
    assertEquals("", Masked.account(""));
  }
}
