package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HashesTest {
  @Test
  void sha256HexIsLowercaseHexOfUtf8() {
    // FIPS 180-2 example
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Hashes.sha256Hex("abc"));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hashes.sha256Hex(""));
    // UTF-8 (c3 a9), not Latin-1; computed with Python's hashlib
    assertEquals(
        "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c",
        Hashes.sha256Hex("\u00e9"));
  }

  @Test
  void refreshTokenHash1MatchesTheOriginal() {
    assertEquals(
        OriginalTranscript.REFRESH_TOKEN_HASH_1,
        Hashes.sha256Hex(OriginalTranscript.REFRESH_TOKEN));
  }

  @Test
  void hash2IsTheHashOfTheHexText() {
    // refresh_token_hash_2 = sha256hex(sha256hex(token)); computed with Python's hashlib
    assertEquals(
        "db37d21181592000efad06f87a00afba59f9c99b11e119d118be2b929c3387ce",
        Hashes.sha256Hex(Hashes.sha256Hex("token")));
  }
}
