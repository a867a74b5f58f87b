"use strict";
// A software WebAuthn authenticator built on node:crypto alone, for the WebAuthn scenarios: it makes
// the RegistrationResponseJSON a browser hands to the app after navigator.credentials.create() and
// the AuthenticationResponseJSON after navigator.credentials.get(), from the options the core
// generated, with real keys, real signatures and real bytes (WebAuthn Level 2, §6.1 authenticator
// data, §6.5 attestation object with fmt "none", §5.8.1 client data). Knobs make it misbehave the
// way a hostile or broken client would: another origin, another relying party id, other flags, a
// chosen signature counter.
//
//   const passkey = createPasskey();                          // ES256 (P-256); { algorithm: "RS256" } too
//   const credential = passkey.register(registerOptions, { origin });   // sign-up / registerCredential
//   const assertion = passkey.authenticate(signInOptions, { origin });  // sign-in
//
// The passkey keeps its signature counter: a registration starts it (at 0 unless told otherwise) and
// every assertion counts it one up; an assertion given a counter presents that one instead.

const crypto = require("node:crypto");

/** Flags of the authenticator data (§6.1). */
const FLAGS = Object.freeze({ UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40, ED: 0x80 });

/** The COSE algorithm ids (RFC 9053, RFC 8812) of the key types this authenticator makes. */
const ALGORITHMS = Object.freeze({ ES256: -7, RS256: -257 });

const b64url = (bytes) => Buffer.from(bytes).toString("base64url");
const sha256 = (bytes) => crypto.createHash("sha256").update(bytes).digest();

// ----- a minimal CBOR encoder (RFC 8949), canonical where WebAuthn needs it (map keys sorted) -----

function head(major, value) {
    if (value < 24) {
        return Buffer.from([(major << 5) | value]);
    }
    if (value < 0x100) {
        return Buffer.from([(major << 5) | 24, value]);
    }
    if (value < 0x10000) {
        const out = Buffer.alloc(3);
        out[0] = (major << 5) | 25;
        out.writeUInt16BE(value, 1);
        return out;
    }
    if (value < 0x100000000) {
        const out = Buffer.alloc(5);
        out[0] = (major << 5) | 26;
        out.writeUInt32BE(value, 1);
        return out;
    }
    throw new RangeError(`CBOR value too large for this encoder: ${value}`);
}

/**
 * Encodes integers, byte strings (Buffer/Uint8Array), text strings, arrays and maps. A map is a
 * Map (integer or text keys) or a plain object (text keys); its entries are written in the
 * canonical order of RFC 7049 §3.9 (shorter encoded key first, then bytewise), which is the order
 * COSE keys and attestation objects use (1, 3, -1, -2, -3 and "fmt", "attStmt", "authData").
 */
function cbor(value) {
    if (Number.isInteger(value)) {
        return value >= 0 ? head(0, value) : head(1, -1 - value);
    }
    if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
        return Buffer.concat([head(2, value.length), Buffer.from(value)]);
    }
    if (typeof value === "string") {
        const text = Buffer.from(value, "utf8");
        return Buffer.concat([head(3, text.length), text]);
    }
    if (Array.isArray(value)) {
        return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
    }
    if (value instanceof Map || (value && typeof value === "object")) {
        const entries = [...(value instanceof Map ? value.entries() : Object.entries(value))]
            .map(([key, item]) => [cbor(key), cbor(item)])
            .sort(([a], [b]) => a.length - b.length || Buffer.compare(a, b));
        return Buffer.concat([head(5, entries.length), ...entries.flat()]);
    }
    throw new TypeError(`CBOR: cannot encode ${typeof value}`);
}

// ----- keys -----

/** A key pair of the algorithm, and its public key as a COSE_Key (RFC 9052 §7). */
function keyPair(algorithm) {
    if (algorithm === "ES256") {
        const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
        const jwk = publicKey.export({ format: "jwk" });
        // kty EC2, alg ES256, crv P-256, x, y
        const cose = new Map([
            [1, 2],
            [3, ALGORITHMS.ES256],
            [-1, 1],
            [-2, Buffer.from(jwk.x, "base64url")],
            [-3, Buffer.from(jwk.y, "base64url")],
        ]);
        return { privateKey, publicKey, cose };
    }
    if (algorithm === "RS256") {
        const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
        const jwk = publicKey.export({ format: "jwk" });
        // kty RSA, alg RS256, n, e
        const cose = new Map([
            [1, 3],
            [3, ALGORITHMS.RS256],
            [-1, Buffer.from(jwk.n, "base64url")],
            [-2, Buffer.from(jwk.e, "base64url")],
        ]);
        return { privateKey, publicKey, cose };
    }
    throw new Error(`unsupported algorithm ${algorithm}: ES256 or RS256`);
}

/** ES256 signatures are ASN.1 DER (node's default for EC keys), RS256 ones PKCS#1 v1.5: what WebAuthn wants. */
const sign = (privateKey, data) => crypto.sign("sha256", data, privateKey);

// ----- the passkey -----

/** The options' challenge, relying party id and what the ceremony is, whichever options these are. */
function ceremonyOf(options) {
    if (!options || typeof options.challenge !== "string") {
        throw new Error("options without a challenge: pass the core's register or sign-in options");
    }
    // Register options name the relying party in rp.id, sign-in options in relyingPartyId.
    const rpId = options.rp ? options.rp.id : options.relyingPartyId;
    return { challenge: options.challenge, rpId };
}

function clientData(type, challenge, origin, knobs) {
    const data = { type: knobs.clientDataType || type, challenge: knobs.challenge || challenge, origin };
    data.crossOrigin = false;
    return Buffer.from(JSON.stringify(data), "utf8");
}

function counterBytes(counter) {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(counter >>> 0, 0);
    return out;
}

class Passkey {
    /**
     * options.algorithm: "ES256" (default) or "RS256".
     * options.origin: the origin the "browser" reports when a call names none.
     * options.id: the credential id's bytes (default 32 random bytes).
     */
    constructor(options = {}) {
        this.algorithm = options.algorithm || "ES256";
        this.defaultOrigin = options.origin;
        this.rawId = options.id ? Buffer.from(options.id) : crypto.randomBytes(32);
        this.id = b64url(this.rawId);
        Object.assign(this, keyPair(this.algorithm));
        this.counter = 0;
        this.userHandle = undefined; // the register options' user.id, kept for assertions
    }

    get coseAlgorithm() {
        return ALGORITHMS[this.algorithm];
    }

    /**
     * The public key as COSE_Key bytes (base64url): what a server keeps of a registration besides the
     * credential id, and what bulk import takes to bring the passkey over from another system.
     */
    get coseKey() {
        return b64url(cbor(this.cose));
    }

    /**
     * The signature counter of an assertion: one more than the last, as a real authenticator counts
     * every use; or the given one, as a cloned authenticator would present it, which leaves this
     * passkey's own counter where it was.
     */
    nextCounter(knobs) {
        if (knobs.counter !== undefined) {
            return knobs.counter;
        }
        this.counter += 1;
        return this.counter;
    }

    origin(knobs) {
        const origin = knobs.origin || this.defaultOrigin;
        if (!origin) {
            throw new Error("no origin: give one to createPasskey or to the call");
        }
        return origin;
    }

    /**
     * A RegistrationResponseJSON for register options (attestation "none").
     * knobs: origin, rpId (hashed into the authenticator data), flags (default UP | UV | AT), counter
     * (default 0 for a new credential, as most authenticators start), challenge, clientDataType, and
     * attestationObject (bytes sent instead of the real one).
     */
    register(options, knobs = {}) {
        const ceremony = ceremonyOf(options);
        const rpId = knobs.rpId || ceremony.rpId;
        this.userHandle = options.user ? options.user.id : undefined;
        this.counter = knobs.counter !== undefined ? knobs.counter : 0;
        const coseKey = cbor(this.cose);
        const idLength = Buffer.alloc(2);
        idLength.writeUInt16BE(this.rawId.length, 0);
        const authData = Buffer.concat([
            sha256(Buffer.from(rpId, "utf8")),
            Buffer.from([knobs.flags !== undefined ? knobs.flags : FLAGS.UP | FLAGS.UV | FLAGS.AT]),
            counterBytes(this.counter),
            Buffer.alloc(16), // AAGUID: all zeros, as for "none" attestation
            idLength,
            this.rawId,
            coseKey,
        ]);
        const attestationObject =
            knobs.attestationObject ||
            cbor(
                new Map([
                    ["fmt", "none"],
                    ["attStmt", new Map()],
                    ["authData", authData],
                ])
            );
        const clientDataJSON = clientData("webauthn.create", ceremony.challenge, this.origin(knobs), knobs);
        return {
            id: this.id,
            rawId: this.id,
            type: "public-key",
            authenticatorAttachment: "platform",
            clientExtensionResults: {},
            response: {
                clientDataJSON: b64url(clientDataJSON),
                attestationObject: b64url(attestationObject),
                authenticatorData: b64url(authData),
                transports: ["internal"],
                publicKeyAlgorithm: this.coseAlgorithm,
                publicKey: b64url(this.publicKey.export({ type: "spki", format: "der" })),
            },
        };
    }

    /**
     * An AuthenticationResponseJSON for sign-in options: the signature over authenticatorData ||
     * SHA-256(clientDataJSON).
     * knobs: origin, rpId, flags (default UP | UV), counter (default one more than the last; a given
     * one is presented as is and not kept),
     * challenge, clientDataType, userHandle (default the register options' user.id; null for none),
     * and signWith (another passkey whose key signs: a credential presented with a foreign key).
     */
    authenticate(options, knobs = {}) {
        const ceremony = ceremonyOf(options);
        const rpId = knobs.rpId || ceremony.rpId;
        const authData = Buffer.concat([
            sha256(Buffer.from(rpId, "utf8")),
            Buffer.from([knobs.flags !== undefined ? knobs.flags : FLAGS.UP | FLAGS.UV]),
            counterBytes(this.nextCounter(knobs)),
        ]);
        const clientDataJSON = clientData("webauthn.get", ceremony.challenge, this.origin(knobs), knobs);
        const signer = knobs.signWith || this;
        const signature = sign(signer.privateKey, Buffer.concat([authData, sha256(clientDataJSON)]));
        const userHandle = knobs.userHandle !== undefined ? knobs.userHandle : this.userHandle;
        const response = {
            clientDataJSON: b64url(clientDataJSON),
            authenticatorData: b64url(authData),
            signature: b64url(signature),
        };
        if (userHandle !== null && userHandle !== undefined) {
            response.userHandle = userHandle;
        }
        return {
            id: this.id,
            rawId: this.id,
            type: "public-key",
            authenticatorAttachment: "platform",
            clientExtensionResults: {},
            response,
        };
    }
}

/** A new passkey (a fresh key pair and credential id) on this software authenticator. */
const createPasskey = (options) => new Passkey(options);

module.exports = { createPasskey, Passkey, FLAGS, ALGORITHMS, cbor };
