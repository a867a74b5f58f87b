package io.authcore.recipe.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.recipe.session.SigningKeys.Key;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rotation rules on their own, on lists of key creation times. */
class RotationScheduleTest {
  static final long HOUR = 3_600_000;
  static final long T = 1_000_000_000_000L;

  static List<Key> keys(long... createdNewestFirst) {
    List<Key> keys = new ArrayList<>();
    for (long at : createdNewestFirst) {
      keys.add(new Key("d-" + at, null, at));
    }
    return keys;
  }

  @Test
  void theOverlapIsAMinuteOrAFifthOfAShorterInterval() {
    assertEquals(60_000, new RotationSchedule(HOUR, HOUR).overlapMs());
    assertEquals(60_000, new RotationSchedule(300_000, HOUR).overlapMs());
    assertEquals(24_000, new RotationSchedule(120_000, HOUR).overlapMs());
    assertEquals(720, new RotationSchedule(3_600, HOUR).overlapMs(), "0.001 h, as the original");
  }

  @Test
  void aKeyWhoseSuccessorCameLateVerifiesAsLongAsTheTokensItSignedMeanwhile() {
    // No core ran for ten days: the old key signed until the new one took over, a minute later.
    RotationSchedule schedule = new RotationSchedule(HOUR, HOUR);
    List<Key> keys = keys(T, T - 240 * HOUR);
    assertEquals(keys, schedule.verifiable(keys, T + 60_000 + HOUR));
    assertEquals(keys.subList(0, 1), schedule.verifiable(keys, T + 60_001 + HOUR));
  }

  @Test
  void atTheCapTheCurrentKeySignsOnUntilTheOldestHasNoLiveToken() {
    RotationSchedule schedule = new RotationSchedule(3_600, HOUR);
    long[] created = new long[RotationSchedule.MAX_KEYS];
    for (int i = 0; i < created.length; i++) {
      created[i] = T - 2_881L * i;
    }
    List<Key> keys = keys(created);
    long now = T + 2_881;
    assertTrue(schedule.heldBack(keys, now));
    assertFalse(schedule.due(keys, now));
    assertEquals(keys, schedule.verifiable(keys, now));
    assertEquals(keys.get(0), schedule.signer(keys, now));
    // The oldest key signed until its successor's overlap ended; its last token expires an hour on.
    long retires = created[RotationSchedule.MAX_KEYS - 2] + 720 + HOUR;
    assertEquals(retires, schedule.nextKeyAt(keys));
    assertTrue(schedule.heldBack(keys, retires - 1));
    assertTrue(schedule.due(keys, retires));

    List<Key> after = new ArrayList<>(keys(retires));
    after.addAll(keys);
    List<Key> verifiable = schedule.verifiable(after, retires);
    assertEquals(after.subList(0, RotationSchedule.MAX_KEYS), verifiable, "the oldest retires");
    assertEquals(keys.get(0), schedule.signer(verifiable, retires), "published before it signs");
    assertEquals(after.get(0), schedule.signer(verifiable, retires + 720));
  }

  @Test
  void belowTheCapANewKeyAfterAGapSignsAtOnceAsInTheOriginal() {
    RotationSchedule schedule = new RotationSchedule(HOUR, HOUR);
    List<Key> keys = keys(T, T - 5 * HOUR);
    assertEquals(keys.get(0), schedule.signer(schedule.verifiable(keys, T), T));
    List<Key> onTime = keys(T, T - HOUR + 60_000);
    assertEquals(onTime.get(1), schedule.signer(onTime, T));
  }
}
