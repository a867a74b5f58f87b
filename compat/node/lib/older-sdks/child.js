"use strict";
// One older supertokens-node major, alone in this process (its recipes and negotiated CDI version
// are module-level singletons, so no other major may share the process), driving a core through a
// recording proxy:
//
//   node child.js <package alias> <expected CDI version> <scenario module[+module…]> <core url>
//
// Exits 0 when the scenario passed and the SDK spoke the expected CDI version throughout; otherwise
// prints the failure and every exchange with the core, and exits 1.

const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const { startRecordingProxy } = require("../recording-proxy");

const [packageName, expectedCdi, scenarioName, coreUrl] = process.argv.slice(2);

const APP_INFO = {
    appName: "authcore-compat",
    apiDomain: "http://api.authcore.test",
    websiteDomain: "http://web.authcore.test",
};

// The handshake asks without a version; every core call after it names the one negotiated. The JWKS
// is fetched by the JWT library, which sends no version either.
const UNVERSIONED = new Set(["/apiversion", "/.well-known/jwks.json"]);

// The core never calls a provider: users are signed in and up server-side with the ids the app names.
// Only 14 insists on at least one provider, in its own shape ({id, get}, built by ThirdParty.Google).
function thirdPartyConfig(ThirdParty) {
    if (typeof ThirdParty.Google !== "function") {
        return {};
    }
    const google = ThirdParty.Google({ clientId: "compat-client", clientSecret: "compat-secret" });
    return { signInAndUpFeature: { providers: [google] } };
}

function assertNegotiated(exchanges) {
    const [handshake] = exchanges;
    assert.ok(handshake && handshake.path.startsWith("/apiversion"), "the SDK starts with GET /apiversion");
    assert.ok(
        JSON.parse(handshake.responseBody).versions.includes(expectedCdi),
        `the core offers CDI ${expectedCdi}`
    );
    const calls = exchanges.filter((e) => !UNVERSIONED.has(new URL(e.path, "http://x").pathname));
    assert.ok(calls.length > 0);
    for (const call of calls) {
        assert.equal(call.cdiVersion, expectedCdi, `${call.method} ${call.path} carries cdi-version ${expectedCdi}`);
    }
}

async function main() {
    const proxy = await startRecordingProxy(coreUrl);
    const sdk = {
        supertokens: require(packageName),
        release: require(`${packageName}/lib/build/version`).version,
        Session: require(`${packageName}/recipe/session`),
        EmailPassword: require(`${packageName}/recipe/emailpassword`),
        ThirdParty: require(`${packageName}/recipe/thirdparty`),
        UserRoles: require(`${packageName}/recipe/userroles`),
        UserMetadata: require(`${packageName}/recipe/usermetadata`),
    };
    const recipeList = [
        sdk.Session.init(),
        sdk.EmailPassword.init(),
        sdk.ThirdParty.init(thirdPartyConfig(sdk.ThirdParty)),
        sdk.UserRoles.init(),
        sdk.UserMetadata.init(),
    ];
    if (scenarioName.includes("v1-tenants")) {
        sdk.Multitenancy = require(`${packageName}/recipe/multitenancy`);
    }
    if (scenarioName.includes("passwordless")) {
        // Codes are created and consumed server-side: a delivery service records anything sent (nothing).
        sdk.Passwordless = require(`${packageName}/recipe/passwordless`);
        sdk.delivered = [];
        const record = async (input) => sdk.delivered.push(input);
        recipeList.push(
            sdk.Passwordless.init({
                contactMethod: "EMAIL_OR_PHONE",
                flowType: "USER_INPUT_CODE_AND_MAGIC_LINK",
                emailDelivery: { service: { sendEmail: record } },
                smsDelivery: { service: { sendSms: record } },
            })
        );
    }
    if (scenarioName.includes("webauthn")) {
        // Passkeys are made by a software authenticator; nothing is sent by email.
        sdk.WebAuthn = require(`${packageName}/recipe/webauthn`);
        recipeList.push(sdk.WebAuthn.init());
    }
    if (scenarioName.includes("manual-linking")) {
        // Linking is the app's own doing here: nothing is linked automatically.
        sdk.AccountLinking = require(`${packageName}/recipe/accountlinking`);
        const shouldDoAutomaticAccountLinking = async () => ({ shouldAutomaticallyLink: false });
        recipeList.push(sdk.AccountLinking.init({ shouldDoAutomaticAccountLinking }));
    }
    sdk.supertokens.init({
        appInfo: APP_INFO,
        supertokens: { connectionURI: proxy.url },
        recipeList,
        telemetry: false,
    });
    const unique = crypto.randomUUID().slice(0, 8);
    const app = {
        email: `older-sdk-${unique}@example.com`,
        password: "Passw0rd-older-sdk",
        role: `editor-${unique}`,
    };
    try {
        // "a+b" runs scenario a, then scenario b, in this one app.
        for (const part of scenarioName.split("+")) {
            await require(`./${part}`)(sdk, app);
        }
        assertNegotiated(proxy.exchanges);
    } catch (error) {
        process.stderr.write(
            `${packageName} (CDI ${expectedCdi}) failed: ${error.stack}\n` +
                `----- the SDK's exchanges with the core -----\n${proxy.transcript()}\n`
        );
        process.exitCode = 1;
    } finally {
        await proxy.close();
    }
}

main();
