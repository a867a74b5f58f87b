package io.authcore.recipe;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** Runs an attempt and reports how it ended, for {@link io.authcore.events.AuthEvents}. */
public final class Outcomes {
  /** The outcome of an attempt that failed with neither OK nor a business status. */
  public static final String ERROR = "ERROR";

  private Outcomes() {}

  /**
   * The attempt's result (or exception, passed on); {@code report} hears the result (null on
   * failure) and {@code OK}, the business status answered, or {@link #ERROR}.
   */
  public static <T> T reported(Supplier<T> attempt, BiConsumer<T, String> report) {
    T result;
    try {
      result = attempt.get();
    } catch (StatusException e) {
      report.accept(null, e.status().name());
      throw e;
    } catch (RuntimeException | Error e) {
      report.accept(null, ERROR);
      throw e;
    }
    report.accept(result, "OK");
    return result;
  }
}
