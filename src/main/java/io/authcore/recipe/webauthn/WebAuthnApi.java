package io.authcore.recipe.webauthn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.users.Emails;
import io.authcore.recipe.users.UserView;
import io.authcore.recipe.webauthn.OptionRules.Algorithms;
import io.authcore.recipe.webauthn.WebAuthnCeremonyService.Added;
import io.authcore.recipe.webauthn.WebAuthnCeremonyService.SignedIn;
import io.authcore.recipe.webauthn.WebAuthnCeremonyService.SignedUp;
import io.authcore.recipe.webauthn.WebAuthnOptionsService.Party;
import io.authcore.recipe.webauthn.WebAuthnOptionsService.RegisterOptions;
import io.authcore.recipe.webauthn.WebAuthnOptionsService.RegisterRequest;
import io.authcore.storage.WebAuthnStore.Options;
import io.authcore.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;

/**
 * The WebAuthn options and ceremonies ({@code /recipe/webauthn/options*}, {@code signup}, {@code
 * signin}, {@code user/credential/register}), served at every CDI version as the original serves
 * them, with its field order (several answers put {@code status} last). Tenant-specific; where the
 * original reads the body before it looks the tenant up, so does the endpoint.
 */
public final class WebAuthnApi implements Api {
  static final String BASE = "/recipe/webauthn";
  private static final long DEFAULT_TIMEOUT = 6000L;
  private static final List<Long> DEFAULT_ALGORITHMS = List.of(-8L, -7L, -257L);

  private final WebAuthnOptionsService options;
  private final WebAuthnCeremonyService ceremonies;
  private final Tenants tenants;

  public WebAuthnApi(
      WebAuthnOptionsService options, WebAuthnCeremonyService ceremonies, Tenants tenants) {
    this.options = options;
    this.ceremonies = ceremonies;
    this.tenants = tenants;
  }

  @Override
  public void routes(Routes r) {
    r.post(BASE + "/options/register", this::registerOptions).scope(Scope.NONE);
    r.post(BASE + "/options/signin", this::signInOptions).scope(Scope.NONE);
    r.get(BASE + "/options", this::getOptions);
    r.delete(BASE + "/options/remove", this::removeOptions);
    r.post(BASE + "/signup", this::signUp);
    r.post(BASE + "/signin", this::signIn).scope(Scope.NONE);
    r.post(BASE + "/user/credential/register", this::register);
  }

  private Object registerOptions(Call call) {
    JsonBody in = call.body();
    requireTenant(call, tenants);
    String email = Emails.normalise(in.string("email"));
    String displayName = in.optionalString("displayName").filter(s -> !s.isEmpty()).orElse(email);
    Party party = party(in, "relyingPartyName", "relyingPartyId");
    String attestation = orDefault(in, "attestation", "none");
    String residentKey = orDefault(in, "residentKey", "required");
    String userVerification = orDefault(in, "userVerification", "preferred");
    boolean userPresence = in.optionalGsonBool("userPresence").orElse(false);
    Algorithms algorithms = algorithms(in);
    MaxLength.EMAIL.check("email", email);
    checkLengths(party);
    RegisterOptions o =
        options.register(
            call.tenant(),
            new RegisterRequest(
                email,
                displayName,
                party,
                attestation,
                residentKey,
                userVerification,
                userPresence,
                algorithms));
    Options stored = o.stored();
    ObjectNode out = Json.object();
    out.put("webauthnGeneratedOptionsId", stored.id());
    out.putObject("rp").put("id", stored.rpId()).put("name", stored.rpName());
    out.putObject("user")
        .put("id", o.userHandle())
        .put("name", email)
        .put("displayName", o.displayName());
    out.put("email", email);
    out.put("timeout", party.timeout());
    out.put("challenge", stored.challenge());
    out.put("attestation", o.attestation());
    out.put("createdAt", stored.createdAt());
    out.put("expiresAt", stored.expiresAt());
    ArrayNode params = out.putArray("pubKeyCredParams");
    o.algorithms().forEach(alg -> params.addObject().put("alg", alg).put("type", "public-key"));
    out.putArray("excludeCredentials");
    out.putObject("authenticatorSelection")
        .put("requireResidentKey", o.residentKey().equalsIgnoreCase("required"))
        .put("residentKey", o.residentKey())
        .put("userVerification", o.userVerification());
    out.put("status", "OK");
    return out;
  }

  private Object signInOptions(Call call) {
    JsonBody in = call.body();
    requireTenant(call, tenants);
    Party party = party(in, "relyingPartyId", "relyingPartyName");
    String userVerification = orDefault(in, "userVerification", "preferred");
    boolean userPresence = in.optionalGsonBool("userPresence").orElse(false);
    checkLengths(party);
    Options o = options.signIn(call.tenant(), party, userVerification, userPresence);
    ObjectNode out = Json.object();
    out.put("webauthnGeneratedOptionsId", o.id());
    out.put("relyingPartyId", o.rpId());
    out.put("challenge", o.challenge());
    out.put("timeout", party.timeout());
    out.put("userVerification", o.userVerification());
    out.put("userPresence", o.userPresenceRequired());
    out.put("createdAt", o.createdAt());
    out.put("expiresAt", o.expiresAt());
    out.put("status", "OK");
    return out;
  }

  /** The relying party fields, read in the order the endpoint's original reads them. */
  private static Party party(JsonBody in, String first, String second) {
    String a = in.string(first);
    String b = in.string(second);
    String origin = in.string("origin");
    long timeout = in.optionalGsonLong("timeout").orElse(DEFAULT_TIMEOUT);
    boolean idFirst = first.equals("relyingPartyId");
    return new Party(idFirst ? a : b, idFirst ? b : a, origin, timeout);
  }

  private static void checkLengths(Party party) {
    MaxLength.RELYING_PARTY_FIELD.check("relyingPartyId", party.rpId());
    MaxLength.RELYING_PARTY_FIELD.check("relyingPartyName", party.rpName());
    MaxLength.RELYING_PARTY_FIELD.check("origin", party.origin());
  }

  /** An optional string that falls back to its default when absent or empty. */
  private static String orDefault(JsonBody in, String field, String fallback) {
    return in.optionalString(field).filter(s -> !s.isEmpty()).orElse(fallback);
  }

  /**
   * {@code supportedAlgorithmIDs} (with this spelling: the SDK's {@code supportedAlgorithmIds} is
   * not read, as in the original). An element Gson cannot read as a long is a reason for {@code
   * INVALID_OPTIONS_ERROR} with Gson's message; an object or null element, a 500 in the original,
   * is a 400 here.
   */
  private static Algorithms algorithms(JsonBody in) {
    if (!in.has("supportedAlgorithmIDs")) {
      return Algorithms.of(DEFAULT_ALGORITHMS);
    }
    JsonNode array = in.node().get("supportedAlgorithmIDs");
    if (!array.isArray()) {
      throw HttpError.badRequest("Field name 'supportedAlgorithmIDs' is invalid in JSON input");
    }
    List<Long> ids = new ArrayList<>();
    for (JsonNode element : array) {
      try {
        ids.add(JsonBody.gsonLong(element));
      } catch (NumberFormatException | IllegalStateException e) {
        return Algorithms.unreadable(e.getMessage());
      } catch (UnsupportedOperationException e) {
        throw HttpError.badRequest("Field name 'supportedAlgorithmIDs' is invalid in JSON input");
      }
    }
    return Algorithms.of(ids);
  }

  private Object getOptions(Call call) {
    Options o = options.get(call.tenant(), call.query().string("webauthnGeneratedOptionsId"));
    ObjectNode out = Json.ok();
    out.put("webauthnGeneratedOptionsId", o.id());
    out.put("relyingPartyId", o.rpId());
    out.put("relyingPartyName", o.rpName());
    out.put("challenge", o.challenge());
    out.put("timeout", o.timeout());
    out.put("origin", o.origin());
    out.put("email", o.email());
    out.put("createdAt", o.createdAt());
    out.put("expiresAt", o.expiresAt());
    out.put("userVerification", o.userVerification());
    out.put("userPresence", o.userPresenceRequired());
    return out;
  }

  private Object removeOptions(Call call) {
    options.remove(call.tenant(), call.query().string("webauthnGeneratedOptionsId"));
    return Json.ok();
  }

  private Object signUp(Call call) {
    JsonBody in = call.body();
    String optionsId = in.string("webauthnGeneratedOptionsId");
    SubmittedCredential credential = credential(in);
    SignedUp done = ceremonies.signUp(call.tenant(), optionsId, credential);
    ObjectNode out = Json.ok();
    out.set("user", UserView.linkedAt(call.cdi()).of(done.user()));
    out.put("webauthnCredentialId", done.credentialId());
    out.put("relyingPartyId", done.options().rpId());
    out.put("relyingPartyName", done.options().rpName());
    out.put("recipeUserId", done.recipeUserId());
    return out;
  }

  private Object signIn(Call call) {
    JsonBody in = call.body();
    requireTenant(call, tenants);
    String optionsId = in.string("webauthnGeneratedOptionsId");
    SubmittedCredential credential = credential(in);
    SignedIn done = ceremonies.signIn(call.tenant(), optionsId, credential);
    ObjectNode out = Json.ok();
    out.set("user", UserView.linkedAt(call.cdi()).of(done.user()));
    out.put("recipeUserId", done.recipeUserId());
    return out;
  }

  private Object register(Call call) {
    JsonBody in = call.body();
    String recipeUserId = in.string("recipeUserId");
    String optionsId = in.string("webauthnGeneratedOptionsId");
    SubmittedCredential credential = credential(in);
    Added done = ceremonies.register(call.tenant(), recipeUserId, optionsId, credential);
    ObjectNode out = Json.ok();
    out.put("webauthnCredentialId", done.credentialId());
    out.put("recipeUserId", recipeUserId);
    out.put("email", done.options().email());
    out.put("relyingPartyId", done.options().rpId());
    out.put("relyingPartyName", done.options().rpName());
    return out;
  }

  /** The {@code credential} object, its id and type read as Gson's {@code getAsString} would. */
  private static SubmittedCredential credential(JsonBody in) {
    ObjectNode credential = in.object("credential");
    return new SubmittedCredential(
        gsonText(credential.get("id")), gsonText(credential.get("type")), credential.toString());
  }

  /**
   * A value's text: null when absent or JSON null, a scalar's text, a one-element array's element;
   * for anything else (which Gson refuses with a 500) its JSON, which no check accepts.
   */
  private static String gsonText(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    if (value.isArray() && value.size() == 1 && value.get(0).isValueNode()) {
      return value.get(0).isNull() ? value.toString() : value.get(0).asText();
    }
    return value.toString();
  }

  static void requireTenant(Call call, Tenants tenants) {
    if (!tenants.tenantExists(call.tenant())) {
      throw HttpError.tenantNotFound(call.tenant());
    }
  }
}
