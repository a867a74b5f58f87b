package io.authcore.recipe.jwt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.Jwt;
import io.authcore.crypto.RsaKeys;
import io.authcore.recipe.session.SigningKeys;
import io.authcore.recipe.session.SigningKeys.Key;
import java.time.Clock;
import java.util.List;

/** JWTs signed for the application (the JWT and OpenId recipes) and the keys that verify them. */
public final class JwtService {
  private final SigningKeys keys;
  private final Clock clock;

  public JwtService(SigningKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Signs {@code payload} with {@code iat}, {@code exp} and, unless the payload has one, {@code
   * iss}, in the original's claim order.
   */
  public String create(
      String appId,
      ObjectNode payload,
      String jwksDomain,
      long validitySeconds,
      boolean staticKey) {
    long issuedAt = clock.millis() / 1000;
    ObjectNode claims = JsonNodeFactory.instance.objectNode();
    claims.put("iat", issuedAt);
    claims.put("exp", issuedAt + validitySeconds);
    if (!payload.has("iss")) {
      claims.put("iss", jwksDomain);
    }
    claims.setAll(payload);
    Key key = keys.signingKey(appId, !staticKey);
    return Jwt.sign(Jwt.plainHeader(key.kid()), claims, key.pair().getPrivate());
  }

  /** The JWKS keys of the app: verifiable dynamic keys newest first, then the static ones. */
  public List<ObjectNode> jwks(String appId) {
    return keys.published(appId).stream().map(k -> RsaKeys.jwk(k.kid(), k.publicKey())).toList();
  }

  /** How long a client may cache the JWKS: until the next key is published. */
  public long jwksMaxAgeSeconds(String appId) {
    return keys.secondsUntilNextKey(appId);
  }
}
