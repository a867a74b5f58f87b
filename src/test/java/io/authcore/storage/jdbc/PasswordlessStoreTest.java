package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.storage.PasswordlessStore;
import io.authcore.storage.PasswordlessStore.Code;
import io.authcore.storage.PasswordlessStore.Device;
import io.authcore.storage.StorageException;
import io.authcore.storage.Violation.Kind;
import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The passwordless tables on both engines: hashes read back unpadded, expiry, uniqueness. */
@ParameterizedClass
@EnumSource(Backend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordlessStoreTest {
  static final String SALT = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @Parameter Backend backend;

  JdbcStorage storage;

  @BeforeEach
  void open() {
    storage = JdbcStorage.open(Databases.config(TestDatabases.fresh(backend), Map.of()));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  static String hash(char c) {
    return String.valueOf(c).repeat(43); // the 43-character device id hash
  }

  static String linkHash(char c) {
    return String.valueOf(c).repeat(43) + "=";
  }

  void device(char id, String email, long... codeTimes) {
    storage.runInTransaction(
        tx -> {
          tx.passwordless()
              .insertDevice("public", "public", new Device(hash(id), email, null, SALT, 0));
          for (int i = 0; i < codeTimes.length; i++) {
            tx.passwordless()
                .insertCode(
                    "public",
                    "public",
                    new Code(
                        "00000000-0000-4000-8000-0000000000" + i + id,
                        hash(id),
                        linkHash((char) (id + i + 1)),
                        codeTimes[i]));
          }
        });
  }

  @Test
  void listsAnEmailsDevicesInTheOrderTheyWereCreated() {
    // The original reads them without an ORDER BY: in the order its storage keeps them.
    device('z', "o@x.com", 100);
    device('a', "o@x.com", 100);
    device('m', "o@x.com", 100);
    assertEquals(
        List.of(hash('z'), hash('a'), hash('m')),
        storage.passwordless().devicesByEmail("public", "public", "o@x.com").stream()
            .map(Device::deviceIdHash)
            .toList());
  }

  @Test
  void readsHashesBackAsWrittenAndDeletesOnlyWhollyExpiredDevices() {
    PasswordlessStore store = storage.passwordless();
    device('a', "a@x.com", 100);
    device('m', "a@x.com", 100, 200);
    device('s', "s@x.com", 300);
    Device a = store.device("public", "public", hash('a')).orElseThrow();
    assertEquals(new Device(hash('a'), "a@x.com", null, SALT, 0), a);
    assertEquals(2, store.devicesByEmail("public", "public", "a@x.com").size());
    assertEquals(
        hash('m'),
        store.codeByLinkCodeHash("public", "public", linkHash('o')).orElseThrow().deviceIdHash());
    store.incrementFailedAttempts("public", "public", hash('a'));
    assertEquals(1, store.lockDevice("public", "public", hash('a')).orElseThrow().failedAttempts());
    // Cutoff 150: 'a' has only an expired code, 'm' a live one too, 's' none expired.
    assertEquals(1, store.deleteExpiredDevices("public", "public", 150));
    assertEquals(
        List.of(hash('m')),
        store.devicesByEmail("public", "public", "a@x.com").stream()
            .map(Device::deviceIdHash)
            .toList());
    assertEquals(2, store.codesOf("public", "public", hash('m')).size());
    assertTrue(store.device("public", "public", hash('s')).isPresent());
  }

  @Test
  void aLinkCodeHashIsUniquePerTenant() {
    device('b', "b@x.com", 100);
    StorageException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            StorageException.class,
            () ->
                storage
                    .passwordless()
                    .insertCode(
                        "public",
                        "public",
                        new Code(
                            "11111111-0000-4000-8000-000000000000", hash('b'), linkHash('c'), 1)));
    assertTrue(e.violation().orElseThrow().is(Kind.UNIQUE, PasswordlessStore.LINK_CODE_HASH_KEY));
  }
}
