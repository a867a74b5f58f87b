package io.authcore.support;

/**
 * The two storage backends. Tests that touch storage run on both, for example with
 * {@code @ParameterizedTest @EnumSource(Backend.class)} and {@link TestDatabases#fresh(Backend)}.
 */
public enum Backend {
  /** The in-memory H2 database the server uses when no PostgreSQL setting is given. */
  H2,
  /**
   * A real PostgreSQL: embedded by default, or the server named by {@code
   * AUTHCORE_TEST_POSTGRES_URI}.
   */
  POSTGRES
}
