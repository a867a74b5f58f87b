"use strict";
// Multitenancy through the unchanged SDK, and the SDK test suite's own pattern: a fresh app per
// test, made with PUT /recipe/multitenancy/app/v2 and its own coreConfig, then used through
// connectionURI = <core>/appid-<id>.

const assert = require("node:assert/strict");
const { randomUUID } = require("node:crypto");
const supertokens = require("supertokens-node");
const { describeOnEveryStorage } = require("../lib/harness");
const { initSdk } = require("../lib/sdk");
const Multitenancy = require("supertokens-node/recipe/multitenancy");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");

const API_KEY = "compat-app-key-0123456789-xyz";
// The key supertokens-node's test utilities install; the original would check it with its
// licensing server, Authcore stores it and enables every feature anyway.
const SDK_TEST_LICENSE_KEY =
    "ijaleljUd2kU9XXWLiqFYv5br8nutTxbyBqWypQdv2N-BocoNriPrnYQd0NXPm8rVkeEocN9ayq0B7c3Pv-BTBIhAZSclXMlgyfXtlwAOJk=9BfESEleW6LyTov47dXu";

/** supertokens-node's test/utils.js createCoreApplication, as plain fetch calls. */
async function createCoreApplication(core, { appId = randomUUID(), coreConfig = {} } = {}) {
    const response = await fetch(`${core.url}/recipe/multitenancy/app/v2`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ appId, coreConfig }),
    });
    const body = await response.json();
    assert.equal(body.status, "OK");
    assert.equal(body.createdNew, true);
    return { appId, connectionURI: `${core.url}/appid-${appId}` };
}

async function installLicense(connectionURI) {
    const response = await fetch(`${connectionURI}/ee/license`, {
        method: "PUT",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify({ licenseKey: SDK_TEST_LICENSE_KEY }),
    });
    assert.deepEqual(await response.json(), { status: "OK" });
}

function payloadOf(token) {
    return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
}

describeOnEveryStorage("multitenancy", {}, (suite) => {
    suite.scenario("tenants are created, read, listed, updated and deleted in a fresh app", { sdk: false }, async ({ core }) => {
        const { connectionURI } = await createCoreApplication(core);
        await installLicense(connectionURI);
        initSdk(core, { connectionURI, recipeList: [Multitenancy.init()] });

        assert.deepEqual(await Multitenancy.createOrUpdateTenant("t1", { firstFactors: ["emailpassword"] }), {
            status: "OK",
            createdNew: true,
        });
        await Multitenancy.createOrUpdateTenant("t2", {
            firstFactors: ["otp-phone", "otp-email", "link-phone", "link-email"],
        });
        await Multitenancy.createOrUpdateTenant("t3", { firstFactors: ["thirdparty"] });
        assert.equal((await Multitenancy.listAllTenants()).tenants.length, 4, "public and the three");

        let t1 = await Multitenancy.getTenant("t1");
        assert.deepEqual(t1.firstFactors, ["emailpassword"]);
        assert.deepEqual(t1.coreConfig, {});
        assert.deepEqual(t1.thirdParty, { providers: [] });
        const t2 = await Multitenancy.getTenant("t2");
        assert.deepEqual([...t2.firstFactors].sort(), ["link-email", "link-phone", "otp-email", "otp-phone"]);

        assert.deepEqual(
            await Multitenancy.createOrUpdateTenant("t1", {
                firstFactors: ["emailpassword", "otp-phone", "otp-email", "link-phone", "link-email"],
            }),
            { status: "OK", createdNew: false }
        );
        assert.equal((await Multitenancy.getTenant("t1")).firstFactors.length, 5);
        await Multitenancy.createOrUpdateTenant("t1", { firstFactors: [] });
        assert.deepEqual((await Multitenancy.getTenant("t1")).firstFactors, []);

        assert.equal(await Multitenancy.getTenant("nope"), undefined, "TENANT_NOT_FOUND_ERROR");
        assert.deepEqual(await Multitenancy.deleteTenant("t3"), { status: "OK", didExist: true });
        assert.deepEqual(await Multitenancy.deleteTenant("t3"), { status: "OK", didExist: false });
        assert.equal((await Multitenancy.listAllTenants()).tenants.length, 3);
    });

    suite.scenario("third-party providers are added with nulls kept, replaced and removed", { sdk: false }, async ({ core }) => {
        const { connectionURI } = await createCoreApplication(core);
        initSdk(core, { connectionURI, recipeList: [Multitenancy.init()] });
        await Multitenancy.createOrUpdateTenant("t1", { firstFactors: ["emailpassword"] });
        const params = { key1: null, key2: "value" };
        assert.deepEqual(
            await Multitenancy.createOrUpdateThirdPartyConfig("t1", {
                thirdPartyId: "google",
                clients: [{ clientId: "abcd" }],
                authorizationEndpointQueryParams: params,
                tokenEndpointBodyParams: params,
                userInfoEndpointQueryParams: params,
                userInfoEndpointHeaders: params,
            }),
            { status: "OK", createdNew: true }
        );
        let [provider] = (await Multitenancy.getTenant("t1")).thirdParty.providers;
        assert.equal(provider.thirdPartyId, "google");
        assert.equal(provider.clients[0].clientId, "abcd");
        assert.deepEqual(provider.authorizationEndpointQueryParams, params);
        assert.deepEqual(provider.tokenEndpointBodyParams, params);
        assert.deepEqual(provider.userInfoEndpointQueryParams, params);
        assert.deepEqual(provider.userInfoEndpointHeaders, params);

        assert.deepEqual(
            await Multitenancy.createOrUpdateThirdPartyConfig("t1", {
                thirdPartyId: "google",
                name: "Custom name",
                clients: [{ clientId: "efgh" }],
            }),
            { status: "OK", createdNew: false }
        );
        const providers = (await Multitenancy.getTenant("t1")).thirdParty.providers;
        assert.equal(providers.length, 1);
        assert.equal(providers[0].name, "Custom name");
        assert.equal(providers[0].clients[0].clientId, "efgh");

        assert.deepEqual(await Multitenancy.deleteThirdPartyConfig("t1", "google"), {
            status: "OK",
            didConfigExist: true,
        });
        assert.deepEqual((await Multitenancy.getTenant("t1")).thirdParty.providers, []);
    });

    suite.scenario("an app's own coreConfig takes effect through its prefix only", { sdk: false }, async ({ core }) => {
        const { connectionURI } = await createCoreApplication(core, {
            coreConfig: { access_token_validity: 2, refresh_token_validity: 60, access_token_validity_jitter: 0 },
        });
        initSdk(core, { connectionURI });
        const brief = await Session.createNewSessionWithoutRequestResponse("public", supertokens.convertToRecipeUserId("u1"));
        const claims = payloadOf(brief.getAccessToken());
        assert.equal(claims.exp - claims.iat, 2, "a two-second access token in this app");
        const token = brief.getAccessToken();
        assert.equal((await Session.getSessionWithoutRequestResponse(token)).getHandle(), brief.getHandle());

        initSdk(core, {});
        const normal = await Session.createNewSessionWithoutRequestResponse("public", supertokens.convertToRecipeUserId("u1"));
        const normalClaims = payloadOf(normal.getAccessToken());
        // The default, shortened by up to 5 % (access_token_validity_jitter, as the original 12.x does).
        const lifetime = normalClaims.exp - normalClaims.iat;
        assert.ok(lifetime <= 3600 && lifetime >= 3420, `the default in the public app, jittered: ${lifetime}`);
        await assert.rejects(Session.getSessionWithoutRequestResponse(token), (error) => {
            assert.equal(error.type, "TRY_REFRESH_TOKEN", "the app's keys are not the public app's");
            return true;
        });
    });

    suite.scenario("an app's api keys are its own", { sdk: false }, async ({ core }) => {
        const { connectionURI } = await createCoreApplication(core, { coreConfig: { api_keys: API_KEY } });
        initSdk(core, { connectionURI, apiKey: API_KEY, recipeList: [Multitenancy.init()] });
        assert.equal((await Multitenancy.listAllTenants()).tenants.length, 1);

        initSdk(core, { connectionURI, recipeList: [Multitenancy.init()] });
        await assert.rejects(Multitenancy.listAllTenants(), /status code: 401 and message: Invalid API key/);

        initSdk(core, { recipeList: [Multitenancy.init()] });
        assert.ok((await Multitenancy.listAllTenants()).tenants.length >= 1, "the public app has no key");
    });

    suite.scenario("associating an unknown user is UNKNOWN_USER_ID_ERROR", { sdk: false }, async ({ core }) => {
        const { connectionURI } = await createCoreApplication(core);
        initSdk(core, { connectionURI, recipeList: [Multitenancy.init()] });
        await Multitenancy.createOrUpdateTenant("t1", { firstFactors: ["emailpassword"] });
        const nobody = supertokens.convertToRecipeUserId(randomUUID());
        assert.deepEqual(await Multitenancy.associateUserToTenant("t1", nobody), { status: "UNKNOWN_USER_ID_ERROR" });
        assert.deepEqual(await Multitenancy.disassociateUserFromTenant("t1", nobody), {
            status: "UNKNOWN_USER_ID_ERROR",
        });
    });

    suite.scenario("a user is associated with tenants and taken out again", { sdk: false }, async ({ core }) => {
        const { connectionURI } = await createCoreApplication(core);
        initSdk(core, { connectionURI, recipeList: [Multitenancy.init(), EmailPassword.init()] });
        for (const tenant of ["t1", "t2", "t3"]) {
            await Multitenancy.createOrUpdateTenant(tenant, { firstFactors: ["emailpassword"] });
        }
        const signedUp = await EmailPassword.signUp("public", "test@example.com", "password1");
        const recipeUserId = signedUp.user.loginMethods[0].recipeUserId;
        for (const tenant of ["t1", "t2", "t3"]) {
            assert.deepEqual(await Multitenancy.associateUserToTenant(tenant, recipeUserId), {
                status: "OK",
                wasAlreadyAssociated: false,
            });
        }
        assert.deepEqual(await Multitenancy.associateUserToTenant("t1", recipeUserId), {
            status: "OK",
            wasAlreadyAssociated: true,
        });
        let user = await supertokens.getUser(recipeUserId.getAsString());
        assert.equal(user.loginMethods[0].tenantIds.length, 4);

        assert.deepEqual(await Multitenancy.disassociateUserFromTenant("t1", recipeUserId), {
            status: "OK",
            wasAssociated: true,
        });
        await Multitenancy.disassociateUserFromTenant("t2", recipeUserId);
        user = await supertokens.getUser(recipeUserId.getAsString());
        assert.deepEqual([...user.loginMethods[0].tenantIds].sort(), ["public", "t3"]);
    });

    suite.scenario("the same email signs up separately in each tenant", { sdk: false }, async ({ core }) => {
        const { connectionURI } = await createCoreApplication(core);
        initSdk(core, { connectionURI, recipeList: [Multitenancy.init(), EmailPassword.init()] });
        await Multitenancy.createOrUpdateTenant("t1", { firstFactors: ["emailpassword"] });
        await Multitenancy.createOrUpdateTenant("t2", { firstFactors: ["emailpassword"] });
        const one = await EmailPassword.signUp("t1", "same@example.com", "password1");
        const two = await EmailPassword.signUp("t2", "same@example.com", "password2");
        assert.equal(one.status, "OK");
        assert.equal(two.status, "OK");
        assert.notEqual(one.user.id, two.user.id, "different users");
        assert.deepEqual(one.user.tenantIds, ["t1"]);
        assert.deepEqual(two.user.tenantIds, ["t2"]);
        assert.equal((await EmailPassword.signIn("t1", "same@example.com", "password2")).status, "WRONG_CREDENTIALS_ERROR");
        assert.equal((await EmailPassword.signIn("t2", "same@example.com", "password2")).status, "OK");
        assert.equal((await EmailPassword.signUp("t1", "same@example.com", "other")).status, "EMAIL_ALREADY_EXISTS_ERROR");
        assert.deepEqual(await Multitenancy.associateUserToTenant("t2", one.user.loginMethods[0].recipeUserId), {
            status: "EMAIL_ALREADY_EXISTS_ERROR",
        });
    });
});
