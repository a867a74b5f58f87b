"use strict";
// The Dashboard recipe of supertokens-node 24.0.3 against the core, through its own API handlers served by the
// SDK's middleware (lib/sdk-server.js), driven over HTTP as the dashboard's web page drives them: an admin
// (created in the core, as an operator does) signs in, reads a tenant (whose core-config list the SDK fetches
// from the core), is refused a write when not among the `admins`, and signs out, after which the session no
// longer opens the dashboard. More than three admins all sign in (the original without a licence suspends
// the fourth on). What the original core 11.4.7 answers was checked against it (AUTHCORE_COMPAT_CORE_URL,
// see the README).

const assert = require("node:assert/strict");
const Session = require("supertokens-node/recipe/session");
const Dashboard = require("supertokens-node/recipe/dashboard");
const UserRoles = require("supertokens-node/recipe/userroles");
const { describeOnEveryStorage } = require("../lib/harness");
const { querier } = require("../lib/sdk");
const { startSdkServer } = require("../lib/sdk-server");
const { email } = require("../lib/contacts");

const PASSWORD = "password123";
const API = "/auth/dashboard/api";

/** Creates a dashboard admin in the core, as an operator does (the SDK has no function for it). */
async function createAdmin(address) {
    const response = await querier().sendPostRequest("/recipe/dashboard/user", { email: address, password: PASSWORD }, {});
    assert.equal(response.status, "OK", JSON.stringify(response));
    assert.equal(response.user.email, address);
    return response.user.userId;
}

/** One call to the backend as the dashboard page makes it; resolves to { status, body }. */
async function call(backend, method, path, { sessionId, body } = {}) {
    const headers = { "content-type": "application/json" };
    if (sessionId !== undefined) {
        headers.authorization = `Bearer ${sessionId}`;
    }
    const response = await fetch(backend.url + API + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = (response.headers.get("content-type") || "").startsWith("application/json");
    return { status: response.status, body: json ? JSON.parse(text) : text };
}

async function signIn(backend, address, password = PASSWORD) {
    const response = await call(backend, "POST", "/signin", { body: { email: address, password } });
    assert.equal(response.status, 200);
    return response.body;
}

/** Runs fn with a backend that serves the SDK's APIs, and stops it afterwards. */
async function withBackend(fn) {
    const backend = await startSdkServer();
    try {
        await fn(backend);
    } finally {
        await backend.close();
    }
}

describeOnEveryStorage("dashboard", {}, (suite) => {
    suite.scenario(
        "an admin signs in, reads a tenant with its core config and signs out",
        { sdk: { recipeList: () => [Session.init(), Dashboard.init()] } },
        async () => {
            const admin = email("admin");
            await createAdmin(admin);
            await withBackend(async (backend) => {
                assert.deepEqual(await signIn(backend, admin, "password12"), { status: "INVALID_CREDENTIALS_ERROR" });
                assert.deepEqual(await signIn(backend, email("nobody")), { status: "INVALID_CREDENTIALS_ERROR" });
                const signedIn = await signIn(backend, ` ${admin.toUpperCase()}`);
                assert.equal(signedIn.status, "OK");
                assert.match(signedIn.sessionId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
                const sessionId = signedIn.sessionId;

                const tenant = await call(backend, "GET", "/tenant?tenantId=public", { sessionId });
                assert.equal(tenant.status, 200, JSON.stringify(tenant.body));
                assert.equal(tenant.body.status, "OK");
                const config = tenant.body.tenant.coreConfig;
                const alg = config.find((field) => field.key === "password_hashing_alg");
                assert.deepEqual(alg, {
                    key: "password_hashing_alg",
                    valueType: "enum",
                    value: "BCRYPT",
                    description: 'The password hashing algorithm to use. Values are "ARGON2" | "BCRYPT". (Default: BCRYPT)',
                    isDifferentAcrossTenants: false,
                    possibleValues: ["ARGON2", "BCRYPT"],
                    isNullable: false,
                    defaultValue: "BCRYPT",
                    isPluginProperty: false,
                    isPluginPropertyEditable: false,
                });
                assert.equal(config[0].key, "passwordless_code_lifetime");
                assert.equal(config[19].key, "totp_rate_limit_cooldown_sec");

                const count = await call(backend, "GET", "/users/count", { sessionId });
                assert.equal(count.status, 200);
                assert.equal(count.body.status, "OK");

                // Without a session the SDK sends the core no sessionId, and fails on the core's 400.
                const anonymous = await call(backend, "GET", "/users/count");
                assert.equal(anonymous.status, 500);
                assert.match(anonymous.body, /status code: 400 and message: Field name 'sessionId' is invalid in JSON input/);
                assert.equal((await call(backend, "GET", "/users/count", { sessionId: "nope" })).status, 401);

                assert.deepEqual(await call(backend, "POST", "/signout", { sessionId }), {
                    status: 200,
                    body: { status: "OK" },
                });
                assert.equal((await call(backend, "GET", "/users/count", { sessionId })).status, 401);
            });
        }
    );

    suite.scenario(
        "only the listed admins may write; the core tells the SDK who is signed in",
        {
            sdk: () => {
                const boss = email("boss");
                suite.boss = boss;
                return { recipeList: () => [Session.init(), UserRoles.init(), Dashboard.init({ admins: [boss] })] };
            },
        },
        async () => {
            const helper = email("helper");
            await createAdmin(suite.boss);
            await createAdmin(helper);
            await withBackend(async (backend) => {
                const bossSession = (await signIn(backend, suite.boss)).sessionId;
                const helperSession = (await signIn(backend, helper)).sessionId;
                const role = { role: `editor-${Date.now()}`, permissions: ["read"] };
                const refused = await call(backend, "PUT", "/userroles/role", { sessionId: helperSession, body: role });
                assert.equal(refused.status, 403);
                assert.equal(refused.body.message, "You are not permitted to perform this operation");
                // Reading is open to every admin.
                assert.equal((await call(backend, "GET", "/userroles/roles", { sessionId: helperSession })).status, 200);
                const created = await call(backend, "PUT", "/userroles/role", { sessionId: bossSession, body: role });
                assert.deepEqual(created, { status: 200, body: { status: "OK", createdNewRole: true } });
            });
        }
    );

    suite.scenario(
        "every admin signs in however many there are, and a deleted one's session stops working",
        { sdk: { recipeList: () => [Session.init(), Dashboard.init()] } },
        async () => {
            const admins = [];
            for (let i = 0; i < 5; i++) {
                admins.push({ address: email(`many${i}`) });
                admins[i].userId = await createAdmin(admins[i].address);
            }
            await withBackend(async (backend) => {
                for (const admin of admins) {
                    const signedIn = await signIn(backend, admin.address);
                    assert.equal(signedIn.status, "OK", JSON.stringify(signedIn));
                    admin.sessionId = signedIn.sessionId;
                    assert.equal((await call(backend, "GET", "/users/count", { sessionId: admin.sessionId })).status, 200);
                }
                const sessions = await querier().sendGetRequest("/recipe/dashboard/user/sessions", { userId: admins[4].userId }, {});
                assert.deepEqual(
                    sessions.sessions.map((s) => [s.userId, s.sessionId, s.expiry - s.timeCreated]),
                    [[admins[4].userId, admins[4].sessionId, 30 * 24 * 3600 * 1000]]
                );
                const deleted = await querier().sendDeleteRequest("/recipe/dashboard/user", undefined, { userId: admins[4].userId }, {});
                assert.deepEqual(deleted, { status: "OK", didUserExist: true });
                assert.equal((await call(backend, "GET", "/users/count", { sessionId: admins[4].sessionId })).status, 401);
            });
        }
    );
});
