package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class OutageGuardTest {
  @Test
  void onlyALostConnectionIsAnOutage() {
    assertTrue(OutageGuard.lostConnection(new SQLException("refused", "08001")));
    assertTrue(OutageGuard.lostConnection(new SQLException("i/o error", "08006")));
    assertTrue(OutageGuard.lostConnection(new SQLException("shutting down", "57P01")));
    assertTrue(OutageGuard.lostConnection(new SQLException("starting up", "57P03")));
    assertFalse(OutageGuard.lostConnection(new SQLException("too many", "53300")));
    assertFalse(OutageGuard.lostConnection(new SQLException("password", "28P01")));
    assertFalse(OutageGuard.lostConnection(new SQLException("unique", "23505")));
    assertFalse(OutageGuard.lostConnection(new SQLException("no state")));
  }
}
