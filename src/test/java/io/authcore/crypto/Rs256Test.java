package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Rs256Test {
  private static final List<String> LIBRARY_DIRS =
      List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu");

  private static KeyPair pair;
  private static Rs256 openssl;

  @BeforeAll
  static void setUp() {
    pair = RsaKeys.generate();
    openssl = Rs256.create(true);
  }

  private static boolean systemHasOpenSsl3() {
    return LIBRARY_DIRS.stream().anyMatch(d -> Files.exists(Path.of(d, "libcrypto.so.3")));
  }

  @Test
  void opensslSignsWhereTheSystemHasIt() {
    assumeTrue(systemHasOpenSsl3(), "no libcrypto.so.3 here");
    assertTrue(openssl.usesOpenSsl());
    assertTrue(openssl.signsWithOpenSsl(pair.getPrivate()));
  }

  @Test
  void opensslMakesTheJdksSignatureForEveryKeySizeAndInput() throws Exception {
    Random random = new Random(7);
    for (int bits : new int[] {2048, 3072, 4096}) {
      KeyPair keys = bits == 2048 ? pair : generate(bits);
      for (int length : new int[] {0, 1, 578, 65_537}) {
        byte[] input = new byte[length];
        random.nextBytes(input);
        byte[] signature = openssl.sign(keys.getPrivate(), input);
        assertArrayEquals(Rs256.jdkSign(keys.getPrivate(), input), signature, bits + "/" + length);
        assertTrue(jdkVerifies(keys, input, signature));
      }
    }
  }

  // OpenSSL reads the JDK's encoding of such a key (CRT parts of zero) and signs wrongly with it:
  // the check before first use must catch that and leave the key to the JDK.
  @Test
  void aKeyOpenSslSignsWronglyWithStaysWithTheJdk() throws Exception {
    RSAPrivateKey crt = (RSAPrivateKey) pair.getPrivate();
    PrivateKey bare =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));
    assertFalse(openssl.signsWithOpenSsl(bare));
    byte[] input = "header.payload".getBytes();
    assertArrayEquals(Rs256.jdkSign(crt, input), openssl.sign(bare, input));
  }

  @Test
  void opensslMakesDistinctRsaPairsOfTheAskedSizeThatTheJdkSignsAndChecksWith() throws Exception {
    assumeTrue(systemHasOpenSsl3(), "no libcrypto.so.3 here");
    KeyPair first = openssl.generate(2048).orElseThrow();
    KeyPair second = openssl.generate(2048).orElseThrow();
    for (KeyPair made : List.of(first, second)) {
      RSAPublicKey publicKey = (RSAPublicKey) made.getPublic();
      assertEquals(2048, publicKey.getModulus().bitLength());
      assertEquals(BigInteger.valueOf(65_537), publicKey.getPublicExponent());
      assertEquals("PKCS#8", made.getPrivate().getFormat());
      byte[] input = "header.payload".getBytes();
      assertTrue(jdkVerifies(made, input, Rs256.jdkSign(made.getPrivate(), input)));
      assertTrue(openssl.signsWithOpenSsl(made.getPrivate()));
    }
    assertNotEquals(
        ((RSAPublicKey) first.getPublic()).getModulus(),
        ((RSAPublicKey) second.getPublic()).getModulus());
    assertEquals(
        3072,
        ((RSAPublicKey) openssl.generate(3072).orElseThrow().getPublic()).getModulus().bitLength());
  }

  @Test
  void withoutOpensslNoPairIsMadeThereAndTheJdkMakesIt() {
    assertTrue(Rs256.create(false).generate(2048).isEmpty());
  }

  @Test
  void turnedOffTheJdkSignsAlone() throws Exception {
    Rs256 jdk = Rs256.create(false);
    assertFalse(jdk.usesOpenSsl());
    assertFalse(jdk.signsWithOpenSsl(pair.getPrivate()));
    byte[] input = "header.payload".getBytes();
    assertArrayEquals(Rs256.jdkSign(pair.getPrivate(), input), jdk.sign(pair.getPrivate(), input));
  }

  @Test
  void aKeyThatIsNotRsaIsRefusedAsTheJdkRefusesIt() throws Exception {
    PrivateKey ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate();
    assertFalse(openssl.signsWithOpenSsl(ec));
    assertThrows(GeneralSecurityException.class, () -> openssl.sign(ec, new byte[] {1}));
  }

  @Test
  void threadsSigningAtOnceEachGetTheirOwnRightSignature() throws Exception {
    List<byte[]> inputs = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      byte[] input = ("token-" + i).getBytes();
      inputs.add(input);
      expected.add(Rs256.jdkSign(pair.getPrivate(), input));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> signed = new ArrayList<>();
      for (int round = 0; round < 25; round++) {
        for (byte[] input : inputs) {
          signed.add(pool.submit(() -> openssl.sign(pair.getPrivate(), input)));
        }
      }
      for (int i = 0; i < signed.size(); i++) {
        assertArrayEquals(expected.get(i % inputs.size()), signed.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void opensslAcceptsExactlyWhatTheJdkAccepts() throws Exception {
    for (int bits : new int[] {2048, 4096}) {
      KeyPair keys = bits == 2048 ? pair : generate(bits);
      KeyPair other = generate(bits);
      PublicKey key = keys.getPublic();
      byte[] input = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0".getBytes();
      byte[] good = Rs256.jdkSign(keys.getPrivate(), input);
      assertTrue(openssl.verify(key, input, good));
      assertEquals(systemHasOpenSsl3(), openssl.verifiesWithOpenSsl(key), "agreed after one");

      List<byte[]> bad = new ArrayList<>();
      for (int bit : new int[] {0, 7, 1000, good.length * 8 - 1}) {
        byte[] flipped = good.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        bad.add(flipped);
      }
      bad.add(Arrays.copyOf(good, good.length - 1));
      bad.add(Arrays.copyOf(good, good.length + 1));
      bad.add(new byte[0]);
      bad.add(new byte[good.length]);
      bad.add(((RSAPublicKey) key).getModulus().toByteArray());
      bad.add(Rs256.jdkSign(other.getPrivate(), input));
      bad.add(Rs256.jdkSign(keys.getPrivate(), "another input".getBytes()));
      Signature sha1 = Signature.getInstance("SHA1withRSA");
      sha1.initSign(keys.getPrivate());
      sha1.update(input);
      bad.add(sha1.sign());
      for (byte[] signature : bad) {
        assertFalse(Rs256.jdkVerifies(key, input, signature));
        assertFalse(openssl.verify(key, input, signature), bits + ": " + signature.length);
      }
      assertTrue(openssl.verify(key, input, good), "still accepts the good one");
    }
  }

  @Test
  void untilBothAcceptedOneSignatureTheJdkAnswersForAKey() throws Exception {
    assumeTrue(systemHasOpenSsl3(), "no libcrypto.so.3 here");
    KeyPair keys = generate(2048);
    byte[] input = "header.payload".getBytes();
    assertFalse(openssl.verify(keys.getPublic(), input, new byte[256]));
    assertFalse(openssl.verifiesWithOpenSsl(keys.getPublic()));
    assertTrue(openssl.verify(keys.getPublic(), input, Rs256.jdkSign(keys.getPrivate(), input)));
    assertTrue(openssl.verifiesWithOpenSsl(keys.getPublic()));
  }

  @Test
  void turnedOffTheJdkChecksAlone() throws Exception {
    Rs256 jdk = Rs256.create(false);
    byte[] input = "header.payload".getBytes();
    byte[] good = Rs256.jdkSign(pair.getPrivate(), input);
    assertTrue(jdk.verify(pair.getPublic(), input, good));
    assertFalse(jdk.verify(pair.getPublic(), input, new byte[256]));
    assertFalse(jdk.verifiesWithOpenSsl(pair.getPublic()));
  }

  private static KeyPair generate(int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    return generator.generateKeyPair();
  }

  private static boolean jdkVerifies(KeyPair keys, byte[] input, byte[] signature)
      throws Exception {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(keys.getPublic());
    rsa.update(input);
    return rsa.verify(signature);
  }
}
