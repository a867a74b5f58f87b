package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineTest {
  @Test
  void cpuOfChosenProcessesIsTheSumOfTheirOwn() {
    long self = ProcessHandle.current().pid();
    long busyUntil = System.nanoTime() + 200_000_000L;
    while (System.nanoTime() < busyUntil) {
      Thread.onSpinWait(); // some CPU time of our own to count
    }
    long own = Machine.cpuTicks(self);
    long chosen = Machine.cpuTicksOf(pid -> pid == self);
    assertTrue(own > 0, "this JVM has used CPU");
    assertTrue(chosen >= own, chosen + " against " + own);
    assertEquals(0, Machine.cpuTicksOf(pid -> false));
  }
}
