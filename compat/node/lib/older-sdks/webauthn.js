"use strict";
// Passkeys in an app on supertokens-node 23 (CDI 5.3, the first version with WebAuthn), through its
// server-side functions and the software authenticator (../webauthn-authenticator.js): register
// options, a sign-up (a new user with the passkey's credential id in its webauthn block), sign-in
// options and a sign-in to the same user, the credential listed, and the user found by its credential
// id. Each sign-in runs on fresh options: they serve one sign-in (Authcore keeps them from a second
// at every version).

const assert = require("node:assert/strict");
const { createPasskey } = require("../webauthn-authenticator");

const ORIGIN = "https://app.authcore.test";
const RP = { tenantId: "public", relyingPartyId: "authcore.test", relyingPartyName: "Authcore compat", origin: ORIGIN };

module.exports = async function ({ supertokens, WebAuthn }, app) {
    const address = app.email.replace("older-sdk-", "older-sdk-passkey-");
    const registerOptions = await WebAuthn.registerOptions({ ...RP, email: address, timeout: 60000 });
    assert.equal(registerOptions.status, "OK");
    const optionsId = registerOptions.webauthnGeneratedOptionsId;
    assert.deepEqual(registerOptions.user, {
        id: Buffer.from(optionsId, "utf8").toString("base64url"),
        name: address,
        displayName: address,
    });
    assert.equal(registerOptions.expiresAt, registerOptions.createdAt + 60000);

    const passkey = createPasskey({ origin: ORIGIN });
    const credential = passkey.register(registerOptions);
    const up = await WebAuthn.signUp({ tenantId: "public", webauthnGeneratedOptionsId: optionsId, credential });
    assert.equal(up.status, "OK");
    const user = up.user;
    assert.equal(up.recipeUserId.getAsString(), user.id);
    const webauthn = { credentialIds: [passkey.id] };
    assert.deepEqual(JSON.parse(JSON.stringify(user.toJson())), {
        id: user.id,
        isPrimaryUser: false,
        tenantIds: ["public"],
        emails: [address],
        phoneNumbers: [],
        thirdParty: [],
        webauthn,
        loginMethods: [
            {
                recipeId: "webauthn",
                recipeUserId: user.id,
                tenantIds: ["public"],
                email: address,
                webauthn,
                timeJoined: user.timeJoined,
                verified: false,
            },
        ],
        timeJoined: user.timeJoined,
    });
    assert.equal(
        (await WebAuthn.signUp({ tenantId: "public", webauthnGeneratedOptionsId: optionsId, credential })).status,
        "EMAIL_ALREADY_EXISTS_ERROR"
    );

    const signIn = async (key) => {
        const options = await WebAuthn.signInOptions({ ...RP, timeout: 60000 });
        assert.equal(options.status, "OK");
        assert.equal(options.relyingPartyId, RP.relyingPartyId);
        return WebAuthn.signIn({
            tenantId: "public",
            webauthnGeneratedOptionsId: options.webauthnGeneratedOptionsId,
            credential: key.authenticate(options),
        });
    };
    for (let i = 0; i < 2; i++) {
        const signedIn = await signIn(passkey);
        assert.equal(signedIn.status, "OK");
        assert.equal(signedIn.recipeUserId.getAsString(), user.id);
        assert.deepEqual(signedIn.user.toJson(), user.toJson());
    }
    assert.deepEqual(await signIn(createPasskey({ origin: ORIGIN })), { status: "CREDENTIAL_NOT_FOUND_ERROR" });

    const listed = await WebAuthn.listCredentials({ recipeUserId: user.id });
    assert.equal(listed.status, "OK");
    assert.deepEqual(listed.credentials, [
        {
            webauthnCredentialId: passkey.id,
            recipeUserId: user.id,
            relyingPartyId: RP.relyingPartyId,
            createdAt: listed.credentials[0].createdAt,
        },
    ]);
    const found = await supertokens.listUsersByAccountInfo("public", { webauthn: { credentialId: passkey.id } });
    assert.deepEqual(
        found.map((u) => u.toJson()),
        [user.toJson()]
    );
};
