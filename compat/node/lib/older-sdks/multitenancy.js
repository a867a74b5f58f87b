"use strict";
// An app on supertokens-node 15 (CDI 3.0): every call names its tenant, emailpassword users carry
// their tenantIds, sessions are created for a tenant and a plain user id, and the users list still
// wraps each user as {recipeId, user}.

const assert = require("node:assert/strict");
const { UUID, assertRoles, assertMetadata, assertSessionLifecycle } = require("./checks");

module.exports = async function ({ supertokens, Session, EmailPassword, UserRoles, UserMetadata }, app) {
    const signedUp = await EmailPassword.signUp("public", app.email, app.password);
    assert.equal(signedUp.status, "OK");
    const user = signedUp.user;
    assert.match(user.id, UUID);
    assert.equal(user.email, app.email);
    assert.deepEqual(user.tenantIds, ["public"]);
    assert.equal(typeof user.timeJoined, "number");
    assert.equal(
        (await EmailPassword.signUp("public", app.email, app.password)).status,
        "EMAIL_ALREADY_EXISTS_ERROR"
    );

    const signedIn = await EmailPassword.signIn("public", app.email, app.password);
    assert.equal(signedIn.status, "OK");
    assert.deepEqual(signedIn.user, user);
    assert.equal(
        (await EmailPassword.signIn("public", app.email, "Wr0ng-password")).status,
        "WRONG_CREDENTIALS_ERROR"
    );
    assert.deepEqual(await EmailPassword.getUserByEmail("public", app.email), user);

    await assertRoles(UserRoles, app, "public", user.id);
    await assertMetadata(UserMetadata, user.id);

    const session = await Session.createNewSessionWithoutRequestResponse("public", user.id, { plan: "pro" });
    assert.equal(session.getTenantId(), "public");
    const refreshed = await assertSessionLifecycle(Session, session, user.id, app);
    assert.equal(refreshed.getTenantId(), "public");

    const page = await supertokens.getUsersNewestFirst({ tenantId: "public", limit: 5 });
    assert.deepEqual(page.users[0], { recipeId: "emailpassword", user });
    assert.ok((await supertokens.getUserCount(undefined, "public")) >= 1);
};
