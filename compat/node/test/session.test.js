"use strict";
// Sessions through the SDK: create, verify locally and in the core, refresh and rotate, theft,
// payload and data updates, listing and revocation, anti-CSRF, static keys, the JWT recipe.

const assert = require("node:assert/strict");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const JWT = require("supertokens-node/recipe/jwt");
const { describeOnEveryStorage } = require("../lib/harness");

const recipeUser = (id) => supertokens.convertToRecipeUserId(id);

async function create(userId, payload = {}, data = {}) {
    const session = await Session.createNewSessionWithoutRequestResponse("public", recipeUser(userId), payload, data);
    return { session, tokens: session.getAllSessionTokensDangerously() };
}

async function rejects(promise, type) {
    await assert.rejects(promise, (error) => {
        assert.equal(error.type, type, `expected ${type}, got ${error.type}: ${error.message}`);
        return true;
    });
}

describeOnEveryStorage("sessions", {}, (suite) => {
    suite.scenario("a new session verifies locally against the JWKS", { sdk: {} }, async () => {
        const { session, tokens } = await create("user-1", { role: "admin" }, { k: "v" });
        assert.equal(session.getUserId(), "user-1");
        assert.equal(session.getRecipeUserId().getAsString(), "user-1");
        assert.equal(session.getTenantId(), "public");
        assert.ok(tokens.refreshToken, "a refresh token is issued");

        const verified = await Session.getSessionWithoutRequestResponse(tokens.accessToken);
        assert.equal(verified.getHandle(), session.getHandle());
        assert.equal(verified.getAccessTokenPayload().role, "admin");
        assert.equal(verified.getAccessTokenPayload().sub, "user-1");

        const checked = await Session.getSessionWithoutRequestResponse(tokens.accessToken, undefined, {
            checkDatabase: true,
        });
        assert.equal(checked.getHandle(), session.getHandle());
    });

    suite.scenario("refresh rotates the tokens; reusing an old one is theft", { sdk: {} }, async () => {
        const { session, tokens } = await create("user-2", { a: 1 });
        const refreshed = await Session.refreshSessionWithoutRequestResponse(tokens.refreshToken);
        const next = refreshed.getAllSessionTokensDangerously();
        assert.notEqual(next.accessToken, tokens.accessToken);
        assert.notEqual(next.refreshToken, tokens.refreshToken);
        assert.equal(refreshed.getHandle(), session.getHandle());
        assert.equal(refreshed.getAccessTokenPayload().a, 1);

        // First use of the child token: the SDK asks the core, which promotes it and re-mints.
        const used = await Session.getSessionWithoutRequestResponse(next.accessToken);
        assert.equal(used.getHandle(), session.getHandle());
        assert.ok(used.getAllSessionTokensDangerously().accessAndFrontTokenUpdated, "a clean token was minted");

        await rejects(Session.refreshSessionWithoutRequestResponse(tokens.refreshToken), "TOKEN_THEFT_DETECTED");
        const again = await Session.refreshSessionWithoutRequestResponse(next.refreshToken);
        assert.equal(again.getHandle(), session.getHandle());
    });

    suite.scenario("a tampered access token is refused, with and without the database", { sdk: {} }, async () => {
        const { tokens } = await create("user-tampered", { role: "user" });
        const [header, payload, signature] = tokens.accessToken.split(".");
        const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
        claims.role = "admin";
        const forged = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
        for (const checkDatabase of [false, true]) {
            await rejects(
                Session.getSessionWithoutRequestResponse(forged, undefined, { checkDatabase }),
                "TRY_REFRESH_TOKEN"
            );
        }
    });

    suite.scenario("a garbage refresh token is unauthorised", { sdk: {} }, async () => {
        await rejects(Session.refreshSessionWithoutRequestResponse("garbage.token.V2"), "UNAUTHORISED");
    });

    suite.scenario("session information, data and payload by handle", { sdk: {} }, async () => {
        const { session, tokens } = await create("user-3", { a: 1 }, { d: 1 });
        const handle = session.getHandle();

        let info = await Session.getSessionInformation(handle);
        assert.equal(info.userId, "user-3");
        assert.equal(info.recipeUserId.getAsString(), "user-3");
        assert.deepEqual(info.sessionDataInDatabase, { d: 1 });
        assert.equal(info.customClaimsInAccessTokenPayload.a, 1);
        assert.equal(info.tenantId, "public");

        assert.equal(await Session.updateSessionDataInDatabase(handle, { d: 2 }), true);
        assert.equal(await Session.mergeIntoAccessTokenPayload(handle, { b: 2 }), true);
        info = await Session.getSessionInformation(handle);
        assert.deepEqual(info.sessionDataInDatabase, { d: 2 });
        assert.equal(info.customClaimsInAccessTokenPayload.b, 2);

        // With checkDatabase the core notices the stored payload changed and re-mints the token.
        const fresh = await Session.getSessionWithoutRequestResponse(tokens.accessToken, undefined, {
            checkDatabase: true,
        });
        assert.equal(fresh.getAccessTokenPayload().b, 2);

        assert.equal(await Session.getSessionInformation("no-such-handle"), undefined);
        assert.equal(await Session.updateSessionDataInDatabase("no-such-handle", {}), false);
    });

    suite.scenario("merging into the payload of a live session regenerates its token", { sdk: {} }, async () => {
        const { session } = await create("user-4", { a: 1 });
        await session.mergeIntoAccessTokenPayload({ c: 3 });
        const token = session.getAllSessionTokensDangerously().accessToken;
        const verified = await Session.getSessionWithoutRequestResponse(token);
        assert.equal(verified.getAccessTokenPayload().c, 3);
        assert.equal(verified.getAccessTokenPayload().a, 1);
    });

    suite.scenario("listing and revoking sessions", { sdk: {} }, async () => {
        const first = await create("user-5");
        const second = await create("user-5");
        await create("user-6");
        const handles = await Session.getAllSessionHandlesForUser("user-5");
        assert.deepEqual(handles.sort(), [first.session.getHandle(), second.session.getHandle()].sort());

        assert.equal(await Session.revokeSession(first.session.getHandle()), true);
        assert.equal(await Session.revokeSession(first.session.getHandle()), false);
        await rejects(
            Session.getSessionWithoutRequestResponse(first.tokens.accessToken, undefined, { checkDatabase: true }),
            "UNAUTHORISED"
        );
        const revoked = await Session.revokeAllSessionsForUser("user-5");
        assert.deepEqual(revoked, [second.session.getHandle()]);
        assert.deepEqual(await Session.getAllSessionHandlesForUser("user-5"), []);
        await rejects(Session.refreshSessionWithoutRequestResponse(second.tokens.refreshToken), "UNAUTHORISED");
    });

    suite.scenario(
        "anti-CSRF tokens are checked",
        { sdk: { recipeList: () => [Session.init({ antiCsrf: "VIA_TOKEN" })] } },
        async () => {
            const { tokens } = await create("user-7");
            assert.ok(tokens.antiCsrfToken, "an anti-CSRF token is issued");
            await rejects(Session.getSessionWithoutRequestResponse(tokens.accessToken, "wrong"), "TRY_REFRESH_TOKEN");
            const ok = await Session.getSessionWithoutRequestResponse(tokens.accessToken, tokens.antiCsrfToken);
            assert.equal(ok.getUserId(), "user-7");
            await rejects(
                Session.refreshSessionWithoutRequestResponse(tokens.refreshToken, false, "wrong"),
                "UNAUTHORISED"
            );
            const refreshed = await Session.refreshSessionWithoutRequestResponse(
                tokens.refreshToken,
                false,
                tokens.antiCsrfToken
            );
            assert.ok(refreshed.getAllSessionTokensDangerously().antiCsrfToken);
        }
    );

    suite.scenario(
        "static signing keys",
        { sdk: { recipeList: () => [Session.init({ useDynamicAccessTokenSigningKey: false })] } },
        async () => {
            const { tokens } = await create("user-8");
            const header = JSON.parse(Buffer.from(tokens.accessToken.split(".")[0], "base64url").toString());
            assert.match(header.kid, /^s-/);
            const verified = await Session.getSessionWithoutRequestResponse(tokens.accessToken);
            assert.equal(verified.getUserId(), "user-8");
            const refreshed = await Session.refreshSessionWithoutRequestResponse(tokens.refreshToken);
            const next = refreshed.getAllSessionTokensDangerously().accessToken;
            assert.match(JSON.parse(Buffer.from(next.split(".")[0], "base64url").toString()).kid, /^s-/);
        }
    );

    suite.scenario(
        "the JWT recipe signs with keys the JWKS publishes",
        { sdk: { recipeList: () => [Session.init(), JWT.init()] } },
        async () => {
            const created = await JWT.createJWT({ hello: "world" }, 60);
            assert.equal(created.status, "OK");
            const [header, payload] = created.jwt
                .split(".")
                .slice(0, 2)
                .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
            assert.equal(payload.hello, "world");
            assert.equal(payload.exp - payload.iat, 60);
            const jwks = await JWT.getJWKS();
            assert.ok(jwks.keys.some((key) => key.kid === header.kid), "the signing key is published");
            assert.ok(jwks.validityInSeconds > 0);
        }
    );
});

describeOnEveryStorage("sessions with two-second access tokens", { coreEnv: { ACCESS_TOKEN_VALIDITY: "2" } }, (suite) => {
    suite.scenario("an expired access token needs a refresh, which works", { sdk: {} }, async () => {
        const { tokens } = await create("user-expiring");
        const fresh = await Session.getSessionWithoutRequestResponse(tokens.accessToken);
        assert.equal(fresh.getUserId(), "user-expiring");
        // Real time: the SDK checks exp itself, with no clock to inject. iat is rounded down to a
        // whole second, so a two-second token lives more than one second and less than three.
        await new Promise((resolve) => setTimeout(resolve, 3100));
        for (const checkDatabase of [false, true]) {
            await rejects(
                Session.getSessionWithoutRequestResponse(tokens.accessToken, undefined, { checkDatabase }),
                "TRY_REFRESH_TOKEN"
            );
        }
        const refreshed = await Session.refreshSessionWithoutRequestResponse(tokens.refreshToken);
        const next = refreshed.getAllSessionTokensDangerously().accessToken;
        const verified = await Session.getSessionWithoutRequestResponse(next, undefined, { checkDatabase: true });
        assert.equal(verified.getUserId(), "user-expiring");
    });
});
