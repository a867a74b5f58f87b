"use strict";
// Bulk import with supertokens-node 24.0.3, which has no bulk-import functions: users are queued and imported
// over HTTP with the SDK's own querier (as a migration script would call the core), then every one signs in
// through the SDK's recipe functions: EmailPassword.signIn (a bcrypt hash given, and a plain-text password),
// ThirdParty.manuallyCreateOrUpdateUser (the user found, not created), the Passwordless code flow by email and
// by phone (not created either), and a primary user with linked methods, an external id, metadata, a role and a
// TOTP device, read back with the SDK's functions. The answers of the original core 11.4.7 on PostgreSQL are the
// expectation (the original refuses bulk import on its in-memory storage; Authcore does not). One kind is
// Authcore's own: a WebAuthn user whose passkey (credential id and COSE public key, from the software
// authenticator of lib/) was registered elsewhere signs in through the SDK's WebAuthn recipe; run against the
// original (AUTHCORE_COMPAT_CORE_URL), the scenario checks that the original refuses that kind instead.

const assert = require("node:assert/strict");
const { setTimeout: sleep } = require("node:timers/promises");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const ThirdParty = require("supertokens-node/recipe/thirdparty");
const Passwordless = require("supertokens-node/recipe/passwordless");
const UserMetadata = require("supertokens-node/recipe/usermetadata");
const UserRoles = require("supertokens-node/recipe/userroles");
const Totp = require("supertokens-node/recipe/totp");
const MultiFactorAuth = require("supertokens-node/recipe/multifactorauth");
const AccountLinking = require("supertokens-node/recipe/accountlinking");
const WebAuthn = require("supertokens-node/recipe/webauthn");
const { describeOnEveryStorage } = require("../lib/harness");
const { isOriginalCore } = require("../lib/core");
const { createPasskey } = require("../lib/webauthn-authenticator");
const { querier } = require("../lib/sdk");
const { email, phone, unique } = require("../lib/contacts");

const tenantId = "public";
// From the original's own import tests: testPass123.
const BCRYPT = "$2a$10$S6bOFset3wCUcgNGSBgFxOHBIopaiPEK53YFNalvmiPcOodCK2Ehq";
const PASSWORD = "testPass123";
const SECRET = "JBSWY3DPEHPK3PXP";
const RP_ID = "authcore.test";
const ORIGIN = "https://app.authcore.test";

const sdk = {
    recipeList: () => [
        Session.init(),
        EmailPassword.init(),
        ThirdParty.init(),
        Passwordless.init({ contactMethod: "EMAIL_OR_PHONE", flowType: "USER_INPUT_CODE" }),
        UserMetadata.init(),
        UserRoles.init(),
        AccountLinking.init(),
        Totp.init(),
        MultiFactorAuth.init(),
        WebAuthn.init(),
    ],
};

const ep = (address, more = {}) => ({ recipeId: "emailpassword", email: address, passwordHash: BCRYPT, hashingAlgorithm: "bcrypt", ...more });
const tp = (address, thirdPartyId, thirdPartyUserId, more = {}) => ({ recipeId: "thirdparty", email: address, thirdPartyId, thirdPartyUserId, ...more });

/** Waits until no queued user waits (NEW or PROCESSING): the core imports them in the background. */
async function drained() {
    const deadline = Date.now() + 60000;
    for (;;) {
        const waiting =
            (await querier().sendGetRequest("/bulk-import/users/count", { status: "NEW" }, {})).count +
            (await querier().sendGetRequest("/bulk-import/users/count", { status: "PROCESSING" }, {})).count;
        if (waiting === 0) {
            return;
        }
        assert.ok(Date.now() < deadline, "the queue was not drained within a minute");
        await sleep(100);
    }
}

/** A WebAuthn login method whose passkey was registered elsewhere: its id, COSE key and counter. */
const wa = (address, passkey) => ({
    recipeId: "webauthn",
    email: address,
    rpId: RP_ID,
    credentials: [{ credentialId: passkey.id, publicKey: passkey.coseKey, counter: passkey.counter, transports: ["internal"] }],
});

/** Signs in with a passkey through the SDK's WebAuthn recipe, on fresh sign-in options. */
async function passkeySignIn(passkey) {
    const options = await WebAuthn.signInOptions({ tenantId, relyingPartyId: RP_ID, relyingPartyName: "Authcore compat", origin: ORIGIN, timeout: 60000 });
    assert.equal(options.status, "OK", JSON.stringify(options));
    return WebAuthn.signIn({ tenantId, webauthnGeneratedOptionsId: options.webauthnGeneratedOptionsId, credential: passkey.authenticate(options) });
}

/** Signs in with a one-time code the test types in; the user must exist already. */
async function passwordlessSignIn(contact) {
    const code = await Passwordless.createCode({ tenantId, ...contact });
    assert.equal(code.status, "OK");
    const consumed = await Passwordless.consumeCode({
        tenantId,
        preAuthSessionId: code.preAuthSessionId,
        deviceId: code.deviceId,
        userInputCode: code.userInputCode,
    });
    assert.equal(consumed.status, "OK");
    assert.equal(consumed.createdNewRecipeUser, false);
    return consumed.user;
}

describeOnEveryStorage("Bulk import", {}, (suite) => {
    suite.scenario("queued users of every login method sign in through the SDK", { sdk }, async ({ core }) => {
        const bcrypt = email("bulk-bcrypt");
        const plain = email("bulk-plain");
        const tpUserId = `g-${unique()}`;
        const plEmail = email("bulk-pl");
        const plPhone = phone();
        const linked = email("bulk-linked");
        const ghUserId = `gh-${unique()}`;
        const external = `ext-${unique()}`;
        assert.equal((await UserRoles.createNewRoleOrAddPermissions("bulk-admin", [])).status, "OK");
        const passkey = createPasskey({ origin: ORIGIN, algorithm: "RS256" });
        passkey.counter = 41; // where the other system left it
        const waEmail = email("bulk-wa");
        const webauthnUsers = [{ loginMethods: [wa(waEmail, passkey)] }];
        const original = await isOriginalCore(core);
        if (original) {
            await assert.rejects(
                querier().sendPostRequest("/bulk-import/users", { users: webauthnUsers }, {}),
                (error) =>
                    error.message.includes(
                        '"users":[{"index":0,"errors":["Invalid recipeId for loginMethod. Pass one of emailpassword, thirdparty or, passwordless!"]}]'
                    )
            );
        }

        const queued = await querier().sendPostRequest(
            "/bulk-import/users",
            {
                users: [
                    { loginMethods: [ep(bcrypt, { isVerified: true, timeJoinedInMSSinceEpoch: 1700000000000 })] },
                    { loginMethods: [{ recipeId: "emailpassword", email: plain, plainTextPassword: "plain-Pass1" }] },
                    { loginMethods: [tp("tp@example.com", "google", tpUserId)] },
                    { loginMethods: [{ recipeId: "passwordless", email: plEmail }] },
                    { loginMethods: [{ recipeId: "passwordless", phoneNumber: plPhone.typed }] },
                    {
                        externalUserId: external,
                        userMetadata: { plan: "gold" },
                        userRoles: [{ role: "bulk-admin", tenantIds: [tenantId] }],
                        totpDevices: [{ secretKey: SECRET, deviceName: "phone" }],
                        loginMethods: [
                            ep(linked, { isPrimary: true }),
                            tp(linked, "github", ghUserId, { timeJoinedInMSSinceEpoch: 1600000000000 }),
                        ],
                    },
                    ...(original ? [] : webauthnUsers),
                ],
            },
            {}
        );
        assert.equal(queued.status, "OK");
        assert.equal(queued.users.length, original ? 6 : 7);
        // The original's answer: the external id names a user, the login methods their own ids.
        assert.equal(queued.users[5].userId, external);
        assert.deepEqual(queued.users[4].loginMethods[0], {
            recipeId: "passwordless",
            userId: queued.users[4].userId,
            tenants: [tenantId],
            email: null,
            phoneNumber: plPhone.e164,
        });
        await drained();
        assert.deepEqual(await querier().sendGetRequest("/bulk-import/users", {}, {}), { status: "OK", users: [] });

        const signedIn = await EmailPassword.signIn(tenantId, bcrypt, PASSWORD);
        assert.equal(signedIn.status, "OK");
        assert.equal(signedIn.user.timeJoined, 1700000000000);
        assert.equal(signedIn.user.loginMethods[0].verified, true);
        assert.equal((await EmailPassword.signIn(tenantId, bcrypt, "wrong-Pass1")).status, "WRONG_CREDENTIALS_ERROR");
        assert.equal((await EmailPassword.signIn(tenantId, plain, "plain-Pass1")).status, "OK");
        const tpUser = await ThirdParty.manuallyCreateOrUpdateUser(tenantId, "google", tpUserId, "tp@example.com", false);
        assert.equal(tpUser.status, "OK");
        assert.equal(tpUser.createdNewRecipeUser, false);
        assert.equal(tpUser.user.id, queued.users[2].userId);
        assert.equal((await passwordlessSignIn({ email: plEmail })).id, queued.users[3].userId);
        assert.equal((await passwordlessSignIn({ phoneNumber: plPhone.e164 })).id, queued.users[4].userId);

        const primary = await EmailPassword.signIn(tenantId, linked, PASSWORD);
        assert.equal(primary.status, "OK");
        assert.equal(primary.user.id, external);
        assert.equal(primary.user.isPrimaryUser, true);
        assert.equal(primary.user.timeJoined, 1600000000000);
        assert.deepEqual(
            primary.user.loginMethods.map((m) => m.recipeId).sort(),
            ["emailpassword", "thirdparty"]
        );
        const viaGithub = await ThirdParty.manuallyCreateOrUpdateUser(tenantId, "github", ghUserId, linked, false);
        assert.equal(viaGithub.user.id, external);
        assert.equal((await supertokens.getUser(external)).loginMethods.length, 2);
        assert.deepEqual(await UserMetadata.getUserMetadata(external), { status: "OK", metadata: { plan: "gold" } });
        assert.deepEqual(await UserRoles.getRolesForUser(tenantId, external), { status: "OK", roles: ["bulk-admin"] });
        const devices = await Totp.listDevices(external);
        assert.deepEqual(devices, { status: "OK", devices: [{ name: "phone", period: 30, skew: 1, verified: true }] });

        if (!original) {
            const waUserId = queued.users[6].userId;
            const viaPasskey = await passkeySignIn(passkey);
            assert.equal(viaPasskey.status, "OK", JSON.stringify(viaPasskey));
            assert.equal(viaPasskey.user.id, waUserId);
            assert.equal(viaPasskey.recipeUserId.getAsString(), waUserId);
            const waUser = await supertokens.getUser(waUserId);
            assert.deepEqual(waUser.emails, [waEmail]);
            assert.deepEqual(waUser.webauthn.credentialIds, [passkey.id]);
            assert.equal(waUser.loginMethods[0].recipeId, "webauthn");
            assert.deepEqual(waUser.loginMethods[0].webauthn.credentialIds, [passkey.id]);
            const credentials = await WebAuthn.listCredentials({ recipeUserId: waUserId });
            assert.deepEqual(credentials.credentials.map((c) => [c.webauthnCredentialId, c.relyingPartyId]), [[passkey.id, RP_ID]]);
            // The counter came along: a clone presenting one below it is refused.
            const cloned = await passkeySignIn({ authenticate: (options) => passkey.authenticate(options, { counter: 3 }) });
            assert.equal(cloned.status, "INVALID_AUTHENTICATOR_ERROR");
        }
    });

    suite.scenario("one user imported at once, and refused users with the original's errors", { sdk }, async () => {
        const address = email("bulk-now");
        const imported = await querier().sendPostRequest(
            "/bulk-import/import",
            { loginMethods: [ep(address, { timeJoinedInMSSinceEpoch: 1700000000000 })] },
            {}
        );
        assert.equal(imported.status, "OK");
        assert.deepEqual(imported.user.emails, [address]);
        assert.equal((await supertokens.getUser(imported.user.id)).emails[0], address);
        assert.equal((await EmailPassword.signIn(tenantId, address, PASSWORD)).user.id, imported.user.id);

        await assert.rejects(
            querier().sendPostRequest("/bulk-import/import", { loginMethods: [ep(address)] }, {}),
            (error) =>
                error.message.includes("status code: 400") &&
                error.message.includes(`{"errors":["E003: A user with email ${address} already exists in emailpassword loginMethod."]}`)
        );
        await assert.rejects(
            querier().sendPostRequest("/bulk-import/users", { users: [{ loginMethods: [ep(email("ok"))] }, {}] }, {}),
            (error) =>
                error.message.includes(
                    '{"error":"Data has missing or invalid fields. Please check the users field for more details.",' +
                        '"users":[{"index":1,"errors":["loginMethods is required."]}]}'
                )
        );
        assert.deepEqual(await querier().sendGetRequest("/bulk-import/users/count", {}, {}), { status: "OK", count: 0 });
    });
});
