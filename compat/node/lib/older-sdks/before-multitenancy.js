"use strict";
// An app on supertokens-node 14 (CDI 2.21): no tenants anywhere, emailpassword users are
// {id, email, timeJoined}, sessions are created for a plain user id, and the users list wraps each
// user as {recipeId, user}.

const assert = require("node:assert/strict");
const { UUID, assertRoles, assertMetadata, assertSessionLifecycle } = require("./checks");

module.exports = async function ({ supertokens, Session, EmailPassword, UserRoles, UserMetadata }, app) {
    const signedUp = await EmailPassword.signUp(app.email, app.password);
    assert.equal(signedUp.status, "OK");
    const user = signedUp.user;
    assert.match(user.id, UUID);
    assert.equal(user.email, app.email);
    assert.equal(typeof user.timeJoined, "number");
    assert.equal((await EmailPassword.signUp(app.email, app.password)).status, "EMAIL_ALREADY_EXISTS_ERROR");

    const signedIn = await EmailPassword.signIn(app.email, app.password);
    assert.equal(signedIn.status, "OK");
    assert.deepEqual(signedIn.user, user);
    assert.equal((await EmailPassword.signIn(app.email, "Wr0ng-password")).status, "WRONG_CREDENTIALS_ERROR");
    assert.deepEqual(await EmailPassword.getUserById(user.id), user);

    await assertRoles(UserRoles, app, user.id);
    await assertMetadata(UserMetadata, user.id);

    const session = await Session.createNewSessionWithoutRequestResponse(user.id, { plan: "pro" });
    await assertSessionLifecycle(Session, session, user.id, app);

    const page = await supertokens.getUsersNewestFirst({ limit: 5 });
    assert.deepEqual(page.users[0], { recipeId: "emailpassword", user });
    assert.ok((await supertokens.getUserCount()) >= 1);
};
