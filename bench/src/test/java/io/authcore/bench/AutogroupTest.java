package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutogroupTest {
  @Test
  void keepLeavesTheSwitchAloneAndRecordsIt() throws Exception {
    String before = Autogroup.state();
    List<String> log = new ArrayList<>();
    Autogroup run = Autogroup.forRun("keep", log::add);
    assertEquals(before, run.describe());
    run.restore();
    assertEquals(before, Autogroup.state());
    assertEquals(List.of(), log);
  }

  @Test
  void anythingButKeepOrOffIsRefusedBeforeTouchingTheSwitch() {
    String before = Autogroup.state();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Autogroup.forRun("0", line -> {}));
    assertEquals("--autogroup is keep or off, not 0", e.getMessage());
    assertEquals(before, Autogroup.state());
  }
}
