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
        Session: require(`${packageName}/recipe/session`),
        EmailPassword: require(`${packageName}/recipe/emailpassword`),
        UserRoles: require(`${packageName}/recipe/userroles`),
        UserMetadata: require(`${packageName}/recipe/usermetadata`),
    };
    if (scenarioName.includes("v1-tenants")) {
        sdk.Multitenancy = require(`${packageName}/recipe/multitenancy`);
    }
    sdk.supertokens.init({
        appInfo: APP_INFO,
        supertokens: { connectionURI: proxy.url },
        recipeList: [sdk.Session.init(), sdk.EmailPassword.init(), sdk.UserRoles.init(), sdk.UserMetadata.init()],
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
