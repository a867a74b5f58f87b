package io.authcore.support;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Drops the PostgreSQL databases a test class made once the class has finished (registered for the
 * whole run in META-INF/services). The shared embedded PostgreSQL used to keep every class's
 * database to the end of the run (70 in a full run, 750 MB in 34,000 files), and its shutdown hook
 * then deleted them file by file while the test JVM was exiting: 5 to 12 s here, growing with every
 * PostgreSQL test class and with the machine's load, against the 30 s surefire allows a finishing
 * JVM ("Surefire is going to kill self fork JVM").
 */
public final class DropTestDatabases implements TestExecutionListener {
  private volatile TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    // A top-level class (its parent is the engine): nested and parameterized invocations are
    // inside it and share its databases.
    boolean topLevelClass =
        identifier.isContainer()
            && plan != null
            && plan.getParent(identifier)
                .map(parent -> plan.getParent(parent).isEmpty())
                .orElse(false);
    if (topLevelClass) {
      TestDatabases.dropCreated();
    }
  }
}
