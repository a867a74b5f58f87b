package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.Authcore;
import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServerOnBothBackendsTest {

  @ParameterizedTest
  @EnumSource(Backend.class)
  void helloAnswersWhileTheDatabaseDoes(Backend backend) {
    try (Authcore core = Authcore.start(Databases.config(TestDatabases.fresh(backend), Map.of()))) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, Hello.status(core.port()));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void twoServersGetTwoDatabases(Backend backend) {
    try (Authcore a = Authcore.start(Databases.config(TestDatabases.fresh(backend), Map.of()));
        Authcore b = Authcore.start(Databases.config(TestDatabases.fresh(backend), Map.of()))) {
      assertEquals(200, Hello.status(a.port()));
      assertEquals(200, Hello.status(b.port()));
    }
  }
}
