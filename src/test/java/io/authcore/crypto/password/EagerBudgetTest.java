package io.authcore.crypto.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EagerBudgetTest {
  static final long SECOND = 1_000_000_000L;

  @Test
  void aQuarterOfTheMachineWithASecondsWorthInHand() {
    AtomicLong now = new AtomicLong();
    EagerBudget budget = new EagerBudget(2, now::get); // fills half a second each second
    assertTrue(budget.available());
    budget.spend(SECOND / 4);
    assertTrue(budget.available(), "a sign-in now and then leaves it positive");

    budget.spend(2 * SECOND); // a client that keeps the hashing threads busy
    assertFalse(budget.available());
    now.addAndGet(SECOND);
    assertFalse(budget.available(), "1.75 s spent beyond the bucket, 0.5 s back");
    now.addAndGet(4 * SECOND);
    assertTrue(budget.available());

    now.addAndGet(3600 * SECOND);
    budget.spend(SECOND / 2 + 1);
    assertFalse(budget.available(), "never more than a second's worth in hand");
  }
}
