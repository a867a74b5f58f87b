package io.authcore.crypto.password;

/**
 * Known hashes with their passwords, most made by an implementation other than ours: the original's
 * test suite and the running original, Firebase's published sample, the reference argon2 CLI, pyca
 * bcrypt and Apache htpasswd.
 */
public final class Vectors {
  private Vectors() {}

  /** {@code "pässwörd ☃ 🔑"}: one- to four-byte UTF-8 characters. */
  static final String UNICODE_PASSWORD = "p\u00e4ssw\u00f6rd \u2603 \uD83D\uDD11";

  /** From the original's ImportUserWithPasswordHashAPITest (jBCrypt, $2a$, cost 10). */
  static final String ORIGINAL_BCRYPT_1 =
      "$2a$10$S6bOFset3wCUcgNGSBgFxOHBIopaiPEK53YFNalvmiPcOodCK2Ehq"; // testPass123

  static final String ORIGINAL_BCRYPT_2 =
      "$2a$10$X2oX3mWh8JfgPTKtkKmc9OQwUVQAulwkGgIjcsK8h3rojHVQTebV6"; // newTestPass123

  /** From the original's ImportUserWithPasswordHashAPITest (argon2id, m=16, 16-byte output). */
  static final String ORIGINAL_ARGON2 =
      "$argon2id$v=19$m=16,t=2,p=1$V2hkNUdjQnAxTXZScGRjOQ$UxJn6d+dRB0hOe7FX/Qv+Q"; // newTestPass123

  /** pyca bcrypt 3.2 ($2b$). */
  static final String PYCA_BCRYPT =
      "$2b$05$Rn7N3Sz89SGRloPjJrzqwOHpujkta.c745alwpzjFHuJcpUFsYdti"; // correct horse battery

  // staple

  static final String PYCA_BCRYPT_UNICODE =
      "$2b$04$a4op9pZaos7B7aXy2iA7leEcXt0LlJWZLFHCX86/Dd6EiG8.wmw3G"; // UNICODE_PASSWORD

  /** Apache htpasswd -B ($2y$). */
  static final String HTPASSWD_BCRYPT =
      "$2y$05$SAsI6WCUyJRF/0.IZVnKX.qrDfv8v.Z3QBdaRj8FaJ.OcYYJD8Fxq"; // Tr0ub4dor&3

  /** The reference argon2 CLI; the i and id ones are also in the reference test suite. */
  static final String REF_ARGON2I =
      "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8";

  static final String REF_ARGON2D =
      "$argon2d$v=19$m=256,t=2,p=1$c29tZXNhbHQ$JcTui6RIBUtJ78gE5Hi52CO+H5vS6Z9R1uxAB6OhUB8";
  static final String REF_ARGON2ID =
      "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";

  /** Version 1.0 (v=16), two lanes. */
  static final String REF_ARGON2D_V16 =
      "$argon2d$v=16$m=256,t=2,p=2$c29tZXNhbHQ$apHQK5+IVLoIQfBKpuU8HTN0wKDGRrjkMbA96AW5HsM";

  static final String REF_ARGON2ID_UNICODE =
      "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$G21KG/kTlQiepUgNTjXNRrtqbX6WC1yVFWQ5/RQNnTM";

  /** Firebase's published sample (github.com/firebase/scrypt README): password user1password. */
  static final String FIREBASE_README_KEY =
      "jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==";

  static final String FIREBASE_README_HASH =
      "$f_scrypt$lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ=="
          + "$42xEC+ixf3L2lw==$m=14$r=8$s=Bw==";

  /** Same project parameters, UNICODE_PASSWORD as UTF-8 (Python hashlib.scrypt + openssl). */
  static final String FIREBASE_README_UNICODE_HASH =
      "$f_scrypt$WfvFJSmx3OcsWqqwi0BzYlbcgtIi+L9C/rqNS+1hSV4jhosHiTlQVK7wfAqfeTBhJNejLqLv+0v668QHn5QthA=="
          + "$42xEC+ixf3L2lw==$m=14$r=8$s=Bw==";

  /** From the original's PasswordHashingTest: password testPass123. */
  static final String FIREBASE_ORIGINAL_KEY =
      "gRhC3eDeQOdyEn4bMd9c6kxguWVmcIVq/SKa0JDPFeM6TcEevkaW56sIWfx88OHbJKnCXdWscZx0l2WbCJ1wbg==";

  static final String FIREBASE_ORIGINAL_HASH =
      "$f_scrypt$qZM035es5AXYqavsKD6/rhtxg7t5PhcyRgv5blc3doYbChX8keMfQLq1ra96O2Pf2TP/eZrR5xtPCYN6mX3ESA=="
          + "$/cj0jC1br5o4+w==$m=14$r=8$s=Bw==";

  /** 100 ASCII bytes, over bcrypt's 72. */
  public static final String LONG_ASCII_PASSWORD = "long ascii password ".repeat(5);

  /** 99 UTF-8 bytes; byte 72 falls inside the snowman, the fourth character of the third. */
  public static final String LONG_MULTIBYTE_PASSWORD =
      "p\u00e4ssw\u00f6rd \u2603 \uD83D\uDD11 ".repeat(5).strip();

  /**
   * Made by the original core (11.4.7, jBCrypt 0.4, cost 11) at {@code POST /recipe/signup} with
   * the long passwords above, read from its emailpassword_users on PostgreSQL. The original also
   * signed in to the ASCII one with its first 72 bytes followed by anything: bcrypt reads no
   * further.
   */
  public static final String ORIGINAL_LONG_ASCII =
      "$2a$11$HtY4y5GDcBVa7jbKFltj1O3AuPGsOzUdsnp14BDlkkWi.sj9We7Gy";

  public static final String ORIGINAL_LONG_MULTIBYTE =
      "$2a$11$/CfXzRey09AelwPPjjb62ezMYB8SIGF3hof.99kC7hpst19PzldcK";

  /**
   * Made by Authcore before it verified bcrypt as the original does: bcrypt over a condensed key
   * ({@link BcryptHashes#legacyKeyFor}). The original answered WRONG_CREDENTIALS_ERROR to both once
   * they were imported into it.
   */
  public static final String LEGACY_LONG_ASCII =
      "$2a$10$eGuf1Vx5jWyptVehJdXiGulRJYy8uVixZCYUd4K0M4S/HRASaHPZa";

  public static final String LEGACY_LONG_MULTIBYTE =
      "$2a$10$pLAW5bsv3hjBtp3z452/VONpE3A222BnKTg1QpXc.XRxA2XlV2az6";

  /**
   * What Authcore now makes for the long passwords with bcrypt configured (argon2 at the default
   * costs). Imported into the original through its {@code /recipe/user/passwordhash/import}, each
   * signed in there with its password (and not with the last character changed).
   */
  public static final String AUTHCORE_LONG_ASCII =
      "$argon2id$v=19$m=87795,t=1,p=2$hQ/usCsz0tNQdSuZu4Hpeg$G6pFfiTAWHCTzJW0TnA3huIKVRvtuupJbtqkppr5rjs";

  public static final String AUTHCORE_LONG_MULTIBYTE =
      "$argon2id$v=19$m=87795,t=1,p=2$1w3GdfGZ9IVoDtKQCTdgmQ$0P2htoEz5mHjiVL+pu9MqWCHa6BbZIraEUTCmCP8fd8";

  static final java.time.Duration MAX_WAIT = java.time.Duration.ofSeconds(5);

  static HashingConfig bcrypt(int cost, int threads) {
    return new HashingConfig(
        HashingAlgorithm.BCRYPT, cost, threads, 1, 256, 1, 1, null, 1, MAX_WAIT);
  }

  static HashingConfig argon2(int iterations, int memoryKb, int parallelism, int threads) {
    return new HashingConfig(
        HashingAlgorithm.ARGON2,
        4,
        1,
        iterations,
        memoryKb,
        parallelism,
        threads,
        null,
        1,
        MAX_WAIT);
  }

  static HashingConfig withSignerKey(String signerKey) {
    return new HashingConfig(HashingAlgorithm.BCRYPT, 4, 1, 1, 256, 1, 1, signerKey, 1, MAX_WAIT);
  }
}
