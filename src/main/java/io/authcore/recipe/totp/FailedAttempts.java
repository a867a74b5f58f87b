package io.authcore.recipe.totp;

import io.authcore.storage.TotpStore.UsedCode;
import java.util.List;

/**
 * The original's rate limit over a user's used codes (newest first): of the latest {@code max}
 * codes, the leading run of invalid ones that lie within one cooldown of the newest of them. All
 * codes are looked at, expired or not, as the original does (filtering expired ones would release a
 * user early, or lock one out because a valid code in between expired).
 */
record FailedAttempts(int count, long newestFailure) {
  static FailedAttempts of(List<UsedCode> newestFirst, int max, long cooldownMs) {
    List<UsedCode> latest = newestFirst.subList(0, Math.min(max, newestFirst.size()));
    int run = 0;
    while (run < latest.size() && !latest.get(run).valid()) {
      run++;
    }
    if (run == 0) {
      return new FailedAttempts(0, 0);
    }
    long newest = latest.get(0).createdTime();
    int count = 0;
    while (count < run && latest.get(count).createdTime() > newest - cooldownMs) {
      count++;
    }
    return new FailedAttempts(count, newest);
  }
}
