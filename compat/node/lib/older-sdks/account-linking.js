"use strict";
// An app on supertokens-node 16 to 23 (CDI 4.0 to 5.3): users are account-linking users (emails,
// loginMethods, recipe user ids), sessions are created for a tenant and a RecipeUserId, and the
// users list holds those users directly.

const assert = require("node:assert/strict");
const { assertRoles, assertMetadata, assertSessionLifecycle, assertUnlinkedUser } = require("./checks");

module.exports = async function ({ supertokens, Session, EmailPassword, UserRoles, UserMetadata }, app) {
    const signedUp = await EmailPassword.signUp("public", app.email, app.password);
    assert.equal(signedUp.status, "OK");
    const user = signedUp.user;
    assertUnlinkedUser(user, { recipeId: "emailpassword", email: app.email });
    assert.equal(signedUp.recipeUserId.getAsString(), user.id);
    assert.equal(
        (await EmailPassword.signUp("public", app.email, app.password)).status,
        "EMAIL_ALREADY_EXISTS_ERROR"
    );

    const signedIn = await EmailPassword.signIn("public", app.email, app.password);
    assert.equal(signedIn.status, "OK");
    assert.deepEqual(signedIn.user.toJson(), user.toJson());
    assert.equal(signedIn.recipeUserId.getAsString(), user.id);
    assert.equal(
        (await EmailPassword.signIn("public", app.email, "Wr0ng-password")).status,
        "WRONG_CREDENTIALS_ERROR"
    );
    assert.deepEqual((await supertokens.getUser(user.id)).toJson(), user.toJson());

    await assertRoles(UserRoles, app, "public", user.id);
    await assertMetadata(UserMetadata, user.id);

    const session = await Session.createNewSessionWithoutRequestResponse("public", signedIn.recipeUserId, {
        plan: "pro",
    });
    assert.equal(session.getTenantId(), "public");
    assert.equal(session.getRecipeUserId().getAsString(), user.id);
    const refreshed = await assertSessionLifecycle(Session, session, user.id, app);
    assert.equal(refreshed.getRecipeUserId().getAsString(), user.id);

    const page = await supertokens.getUsersNewestFirst({ tenantId: "public", limit: 5 });
    assert.deepEqual(page.users[0].toJson(), user.toJson());
    assert.ok((await supertokens.getUserCount(undefined, "public")) >= 1);
};
