"use strict";
// The Totp and MultiFactorAuth recipes of supertokens-node 24.0.3 against the core, through their server-side
// functions: devices created, verified with a code the test computes (RFC 6238), listed, renamed and removed;
// codes checked, refused when replayed, and rate limited; a tenant that requires TOTP as a second factor gating
// a session until the factor is completed; and a deleted user's devices and used codes gone. Users are email-password ones
// (the SDK's createDevice looks the user up for the QR code's label). The core's default TOTP configuration
// (5 attempts, 900 s cooldown) is assumed, so no core configuration is needed.
// What the original core 11.4.7 answers was pinned from it (AUTHCORE_COMPAT_CORE_URL, see the README).

const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const Multitenancy = require("supertokens-node/recipe/multitenancy");
const UserMetadata = require("supertokens-node/recipe/usermetadata");
const Totp = require("supertokens-node/recipe/totp");
const MultiFactorAuth = require("supertokens-node/recipe/multifactorauth");
const { describeOnEveryStorage } = require("../lib/harness");
const { email, unique } = require("../lib/contacts");

const tenantId = "public";
const PASSWORD = "Passw0rd-totp";
const ISSUER = "authcore-compat"; // the app name: the SDK's default issuer
const sdk = {
    recipeList: () => [
        Session.init(),
        EmailPassword.init(),
        Multitenancy.init(),
        UserMetadata.init(),
        Totp.init(),
        MultiFactorAuth.init(),
    ],
};

/** Decodes RFC 4648 Base32 (A-Z, 2-7, no padding). */
function base32(text) {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let bits = "";
    for (const char of text) {
        bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
    }
    const bytes = bits.match(/.{8}/g).map((byte) => parseInt(byte, 2));
    return Buffer.from(bytes);
}

/** The RFC 6238 code (HmacSHA1, six digits) of a Base32 secret, `steps` periods away from `now`. */
function totp(secret, steps = 0, { period = 30, now = Date.now() } = {}) {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / period) + steps));
    const mac = crypto.createHmac("sha1", base32(secret)).update(counter).digest();
    const offset = mac[mac.length - 1] & 0x0f;
    return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, "0");
}

/** A six-digit code that no period near now yields for the secret. */
function wrongCode(secret) {
    const near = new Set([-3, -2, -1, 0, 1, 2, 3].map((steps) => totp(secret, steps)));
    for (let n = 0; ; n++) {
        const code = String(n).padStart(6, "0");
        if (!near.has(code)) {
            return code;
        }
    }
}

const invalid = (failed) => ({ status: "INVALID_TOTP_ERROR", currentNumberOfFailedAttempts: failed, maxNumberOfFailedAttempts: 5 });
const OK = { status: "OK" };
const NEWLY_VERIFIED = { status: "OK", wasAlreadyVerified: false };
const ALREADY_VERIFIED = { status: "OK", wasAlreadyVerified: true };

async function signUp(tenant = tenantId) {
    const address = email("totp");
    const result = await EmailPassword.signUp(tenant, address, PASSWORD);
    assert.equal(result.status, "OK");
    return { userId: result.user.id, recipeUserId: result.recipeUserId, address };
}

function assertCreated(device, { name, address, period = 30 }) {
    assert.equal(device.status, "OK");
    assert.equal(device.deviceName, name);
    assert.match(device.secret, /^[A-Z2-7]{32}$/, "160 bits in Base32");
    assert.equal(
        device.qrCodeString,
        `otpauth://totp/${ISSUER}:${address}?secret=${device.secret}&issuer=${ISSUER}&digits=6&period=${period}`
    );
}

/** A user with one device verified by its current code; that code is then used up. */
async function userWithVerifiedDevice(tenant = tenantId) {
    const user = await signUp(tenant);
    const device = await Totp.createDevice(user.userId, undefined, "phone");
    assertCreated(device, { name: "phone", address: user.address });
    const used = totp(device.secret);
    assert.deepEqual(await Totp.verifyDevice(tenant, user.userId, "phone", used), NEWLY_VERIFIED);
    return { ...user, secret: device.secret, used };
}

/** The default totp_max_attempts of wrong codes, each counted. */
async function fiveWrongCodes(userId, secret) {
    for (let failed = 1; failed <= 5; failed++) {
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, wrongCode(secret)), invalid(failed));
    }
}

const listed = (name, verified, { period = 30, skew = 1 } = {}) => ({ name, period, skew, verified });
const devicesOf = async (userId) => {
    const result = await Totp.listDevices(userId);
    assert.equal(result.status, "OK");
    return [...result.devices].sort((a, b) => (a.name < b.name ? -1 : 1)); // by code point
};

describeOnEveryStorage("TOTP and MFA", {}, (suite) => {
    suite.scenario("a device is created, then verified by a computed code once; again it was already verified", { sdk }, async () => {
        // RFC 6238's first SHA1 test vector (the ASCII secret 12345678901234567890 at 59 s), six digits.
        assert.equal(totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 0, { now: 59000 }), "287082");

        const { userId, address } = await signUp();
        const device = await Totp.createDevice(userId, undefined, "phone");
        assertCreated(device, { name: "phone", address });
        assert.deepEqual(await devicesOf(userId), [listed("phone", false)]);
        // With no verified device every code is wrong, and counts against the user's attempts.
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, totp(device.secret)), invalid(1));
        assert.deepEqual(await Totp.verifyDevice(tenantId, userId, "phone", wrongCode(device.secret)), invalid(2));
        const code = totp(device.secret);
        assert.deepEqual(await Totp.verifyDevice(tenantId, userId, "phone", code), NEWLY_VERIFIED);
        assert.deepEqual(await devicesOf(userId), [listed("phone", true)]);
        // A verified device answers so whatever the code: it is not checked again.
        assert.deepEqual(await Totp.verifyDevice(tenantId, userId, "phone", code), ALREADY_VERIFIED);
        assert.deepEqual(await Totp.verifyDevice(tenantId, userId, "phone", wrongCode(device.secret)), ALREADY_VERIFIED);
        assert.deepEqual(await Totp.verifyDevice(tenantId, userId, "tablet", code), { status: "UNKNOWN_DEVICE_ERROR" });
    });

    suite.scenario("verifyTOTP refuses a wrong code, accepts the next period's, and refuses any used code again", { sdk }, async () => {
        const { userId, secret, used } = await userWithVerifiedDevice();
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, wrongCode(secret)), invalid(1));
        // The next period's code is within the default skew of 1, and still is if the period turns meanwhile.
        const next = totp(secret, 1);
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, next), OK);
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, next), invalid(1), "a replayed code; a success reset the count");
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, used), invalid(2), "the code verifyDevice used");
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, wrongCode(secret)), invalid(3));
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, totp(secret, -5)), invalid(4), "a code of long ago");
        assert.deepEqual(await Totp.verifyTOTP(tenantId, crypto.randomUUID(), next), { status: "UNKNOWN_USER_ID_ERROR" });
    });

    suite.scenario("five wrong codes in a row lock the user out, even from a right code", { sdk }, async () => {
        const { userId, secret } = await userWithVerifiedDevice();
        await fiveWrongCodes(userId, secret);
        const limited = async (attempt) => {
            const result = await attempt();
            const { retryAfterMs, ...rest } = result;
            assert.deepEqual(rest, { status: "LIMIT_REACHED_ERROR", currentNumberOfFailedAttempts: 5, maxNumberOfFailedAttempts: 5 });
            assert.ok(retryAfterMs > 890000 && retryAfterMs <= 900000, `retryAfterMs ${retryAfterMs} is about 15 min`);
        };
        await limited(() => Totp.verifyTOTP(tenantId, userId, wrongCode(secret)));
        await limited(() => Totp.verifyTOTP(tenantId, userId, totp(secret, 1)));
        // A new device of the same user is locked out too: the attempts are the user's.
        const other = await Totp.createDevice(userId, undefined, "spare");
        await limited(() => Totp.verifyDevice(tenantId, userId, "spare", totp(other.secret)));
        assert.deepEqual(await devicesOf(userId), [listed("phone", true), listed("spare", false)]);
    });

    suite.scenario("devices listed, auto-named, replaced while unverified, renamed and removed", { sdk }, async () => {
        const { userId, address } = await signUp();
        const custom = await Totp.createDevice(userId, "someone@example.com", "laptop", 2, 60);
        assertCreated(custom, { name: "laptop", address: "someone@example.com", period: 60 });
        // An unnamed device is "TOTP Device <number of verified devices>", replacing an unverified one so named.
        const first = await Totp.createDevice(userId);
        assertCreated(first, { name: "TOTP Device 0", address });
        const again = await Totp.createDevice(userId);
        assertCreated(again, { name: "TOTP Device 0", address });
        assert.notEqual(again.secret, first.secret);
        assert.deepEqual(await devicesOf(userId), [listed("TOTP Device 0", false), listed("laptop", false, { period: 60, skew: 2 })]);
        assert.deepEqual(await Totp.verifyDevice(tenantId, userId, "TOTP Device 0", totp(first.secret)), invalid(1));
        assert.deepEqual(await Totp.verifyDevice(tenantId, userId, "TOTP Device 0", totp(again.secret)), NEWLY_VERIFIED);
        assertCreated(await Totp.createDevice(userId), { name: "TOTP Device 1", address });

        // So is a named one, with a new secret and the default period and skew; a verified one is kept.
        const laptop = await Totp.createDevice(userId, undefined, "laptop");
        assertCreated(laptop, { name: "laptop", address });
        assert.notEqual(laptop.secret, custom.secret);
        assert.deepEqual(await Totp.verifyDevice(tenantId, userId, "laptop", totp(laptop.secret)), NEWLY_VERIFIED);
        assert.deepEqual(await Totp.createDevice(userId, undefined, "laptop"), { status: "DEVICE_ALREADY_EXISTS_ERROR" });

        assert.deepEqual(await Totp.updateDevice(userId, "laptop", "TOTP Device 1"), { status: "DEVICE_ALREADY_EXISTS_ERROR" });
        assert.deepEqual(await Totp.updateDevice(userId, "tablet", "desk"), { status: "UNKNOWN_DEVICE_ERROR" });
        assert.deepEqual(await Totp.updateDevice(userId, "laptop", "work laptop"), OK);
        assert.deepEqual(await devicesOf(userId), [
            listed("TOTP Device 0", true),
            listed("TOTP Device 1", false),
            listed("work laptop", true),
        ]);
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, totp(laptop.secret, 1)), OK, "the renamed device still checks codes");

        assert.deepEqual(await Totp.removeDevice(userId, "TOTP Device 1"), { status: "OK", didDeviceExist: true });
        assert.deepEqual(await Totp.removeDevice(userId, "TOTP Device 1"), { status: "OK", didDeviceExist: false });
        assert.deepEqual(await Totp.removeDevice(userId, "laptop"), { status: "OK", didDeviceExist: false });
        assert.deepEqual(await devicesOf(userId), [listed("TOTP Device 0", true), listed("work laptop", true)]);
        assert.deepEqual(await Totp.removeDevice(userId, "TOTP Device 0"), { status: "OK", didDeviceExist: true });
        assert.deepEqual(await Totp.removeDevice(userId, "work laptop"), { status: "OK", didDeviceExist: true });
        assert.deepEqual(await devicesOf(userId), []);
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, totp(laptop.secret, 1)), { status: "UNKNOWN_USER_ID_ERROR" });
        assert.deepEqual(await devicesOf(crypto.randomUUID()), [], "an unknown user has no devices");
        assertCreated(await Totp.createDevice(userId), { name: "TOTP Device 0", address });
    });

    suite.scenario("a tenant requiring totp gates the session until a verified device's factor is marked complete", { sdk }, async () => {
        const tenant = `mfa-${unique()}`;
        const config = { firstFactors: ["emailpassword"], requiredSecondaryFactors: ["totp"] };
        assert.deepEqual(await Multitenancy.createOrUpdateTenant(tenant, config), { status: "OK", createdNew: true });
        const stored = await Multitenancy.getTenant(tenant);
        assert.deepEqual([stored.firstFactors, stored.requiredSecondaryFactors], [["emailpassword"], ["totp"]]);

        const { userId, recipeUserId } = await signUp(tenant);
        assert.deepEqual(await MultiFactorAuth.getFactorsSetupForUser(userId), ["emailpassword"]);
        assert.deepEqual(await MultiFactorAuth.getRequiredSecondaryFactorsForUser(userId), []);

        const created = await Session.createNewSessionWithoutRequestResponse(tenant, recipeUserId);
        const gated = (error) => {
            assert.equal(error.type, "INVALID_CLAIMS");
            assert.deepEqual(error.payload, [{ id: "st-mfa", reason: { message: "MFA requirement for auth is not satisfied" } }]);
            return true;
        };
        await assert.rejects(Session.getSessionWithoutRequestResponse(created.getAccessToken()), gated);
        const session = await Session.getSessionWithoutRequestResponse(created.getAccessToken(), undefined, {
            overrideGlobalClaimValidators: () => [],
        });
        assert.deepEqual(await MultiFactorAuth.getMFARequirementsForAuth(session), [{ oneOf: ["totp"] }]);
        const claim = await session.getClaimValue(MultiFactorAuth.MultiFactorAuthClaim);
        assert.deepEqual(Object.keys(claim.c), ["emailpassword"], "the session's first factor");
        assert.equal(claim.v, false);
        const satisfied = MultiFactorAuth.MultiFactorAuthClaim.validators.hasCompletedMFARequirementsForAuth();
        await assert.rejects(session.assertClaims([satisfied]), gated);

        // Setting up totp is allowed while it is not set up; once set up, only completing it is.
        await MultiFactorAuth.assertAllowedToSetupFactorElseThrowInvalidClaimError(session, "totp");
        const device = await Totp.createDevice(userId, undefined, "phone");
        assert.equal(device.status, "OK");
        assert.deepEqual(await MultiFactorAuth.getFactorsSetupForUser(userId), ["emailpassword"], "an unverified device is no factor");
        assert.deepEqual(await Totp.verifyDevice(tenant, userId, "phone", totp(device.secret)), NEWLY_VERIFIED);
        assert.deepEqual(await MultiFactorAuth.getFactorsSetupForUser(userId), ["emailpassword", "totp"]);
        await assert.rejects(MultiFactorAuth.assertAllowedToSetupFactorElseThrowInvalidClaimError(session, "totp"), (error) => {
            assert.equal(error.type, "INVALID_CLAIMS");
            assert.deepEqual(error.payload, [
                { id: "st-mfa", reason: "Completed factors in the session does not satisfy the MFA requirements for auth" },
            ]);
            return true;
        });
        await assert.rejects(Session.getSessionWithoutRequestResponse(session.getAccessToken()), gated);

        // The app checks a code at sign-in, then marks the factor complete: the session passes.
        assert.deepEqual(await Totp.verifyTOTP(tenant, userId, totp(device.secret, 1)), OK);
        await MultiFactorAuth.markFactorAsCompleteInSession(session, MultiFactorAuth.FactorIds.TOTP);
        const completed = await session.getClaimValue(MultiFactorAuth.MultiFactorAuthClaim);
        assert.deepEqual(Object.keys(completed.c).sort(), ["emailpassword", "totp"]);
        assert.ok(Math.abs(completed.c.totp - Date.now() / 1000) < 60, "completed now, in seconds");
        assert.equal(completed.v, true);
        const passed = await Session.getSessionWithoutRequestResponse(session.getAccessToken());
        assert.equal(passed.getUserId(), userId);
        assert.equal(passed.getTenantId(), tenant);
        assert.equal(passed.getAccessTokenPayload()["st-mfa"].v, true);
        await MultiFactorAuth.assertAllowedToSetupFactorElseThrowInvalidClaimError(passed, "totp");
    });

    suite.scenario("deleting the user deletes its devices and used codes", { sdk }, async () => {
        const { userId, secret, address } = await userWithVerifiedDevice();
        await Totp.createDevice(userId, undefined, "spare");
        await fiveWrongCodes(userId, secret);
        assert.equal((await Totp.verifyTOTP(tenantId, userId, totp(secret, 1))).status, "LIMIT_REACHED_ERROR");
        assert.deepEqual(await devicesOf(userId), [listed("phone", true), listed("spare", false)]);

        assert.deepEqual(await supertokens.deleteUser(userId), OK);
        assert.equal(await supertokens.getUser(userId), undefined);
        assert.deepEqual(await devicesOf(userId), []);
        assert.deepEqual(await Totp.verifyTOTP(tenantId, userId, totp(secret, 1)), { status: "UNKNOWN_USER_ID_ERROR" });
        assert.deepEqual(await Totp.removeDevice(userId, "phone"), { status: "OK", didDeviceExist: false });
        // The core keeps TOTP users of its own: a device for the old id starts afresh, no longer locked out.
        const device = await Totp.createDevice(userId, address, "phone");
        assertCreated(device, { name: "phone", address });
        assert.deepEqual(await Totp.verifyDevice(tenantId, userId, "phone", totp(device.secret)), NEWLY_VERIFIED);
    });
});
