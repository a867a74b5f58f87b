package io.authcore.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** A test class's PostgreSQL databases go when the class has finished, not when the JVM does. */
class DropTestDatabasesTest {
  private static volatile boolean launchedHere;
  private static volatile Map<String, String> made;

  @Test
  void theDatabasesOfAFinishedClassAreDropped() {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launchedHere = true;
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(MakesADatabase.class))
                  .build(),
              summary);
    } finally {
      launchedHere = false;
    }

    assertEquals(1, summary.getSummary().getTestsSucceededCount());
    IllegalStateException gone =
        assertThrows(IllegalStateException.class, () -> TestDatabases.execute(made, "SELECT 1"));
    assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
  }

  /** Run only by the launcher above, as a class of its own. */
  static class MakesADatabase {
    @Test
    void makesOne() {
      assumeTrue(launchedHere);
      made = TestDatabases.fresh(Backend.POSTGRES);
      TestDatabases.execute(made, "CREATE TABLE t (x INT)", "INSERT INTO t VALUES (1)");
    }
  }
}
