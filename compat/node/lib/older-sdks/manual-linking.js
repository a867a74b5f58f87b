"use strict";
// Account linking done by an app on supertokens-node 16 to 23 (CDI 4.0 to 5.3) itself, with automatic
// linking off: an email-password user is made primary (AccountLinking.createPrimaryUser(recipeUserId)),
// a third-party user with another email is linked to it (linkAccounts(recipeUserId, primaryUserId)),
// either recipe user id then reads as the one primary user with both login methods, signing in as the
// linked third-party user yields that primary user, and unlinkAccount(recipeUserId) splits them again.

const assert = require("node:assert/strict");
const { assertUnlinkedUser } = require("./checks");

const sortedIds = (user) => user.loginMethods.map((m) => m.recipeUserId.getAsString()).sort();

module.exports = async function ({ supertokens, EmailPassword, ThirdParty, AccountLinking }, app) {
    const { RecipeUserId } = supertokens;
    const email = `linked-${app.email}`;
    const github = { id: "github", userId: `github-${app.email}` };
    const githubEmail = `linked-github-${app.email}`;
    const signInUpWithGithub = () =>
        ThirdParty.manuallyCreateOrUpdateUser("public", github.id, github.userId, githubEmail, false);

    const signedUp = await EmailPassword.signUp("public", email, app.password);
    assert.equal(signedUp.status, "OK");
    const epId = signedUp.user.id;
    const created = await signInUpWithGithub();
    assert.equal(created.status, "OK");
    assert.equal(created.createdNewRecipeUser, true);
    const tpId = created.recipeUserId.getAsString();
    // Nothing was linked automatically: the third-party user stands alone.
    assertUnlinkedUser(created.user, { recipeId: "thirdparty", email: githubEmail, thirdParty: github });
    assert.notEqual(tpId, epId);

    assert.deepEqual(await AccountLinking.canCreatePrimaryUser(new RecipeUserId(epId)), {
        status: "OK",
        wasAlreadyAPrimaryUser: false,
    });
    const primary = await AccountLinking.createPrimaryUser(new RecipeUserId(epId));
    assert.equal(primary.status, "OK");
    assert.equal(primary.wasAlreadyAPrimaryUser, false);
    assert.equal(primary.user.id, epId);
    assert.equal(primary.user.isPrimaryUser, true);
    assert.deepEqual(sortedIds(primary.user), [epId]);
    const again = await AccountLinking.createPrimaryUser(new RecipeUserId(epId));
    assert.equal(again.status, "OK");
    assert.equal(again.wasAlreadyAPrimaryUser, true);

    assert.deepEqual(await AccountLinking.canLinkAccounts(new RecipeUserId(tpId), epId), {
        status: "OK",
        accountsAlreadyLinked: false,
    });
    const linked = await AccountLinking.linkAccounts(new RecipeUserId(tpId), epId);
    assert.equal(linked.status, "OK");
    assert.equal(linked.accountsAlreadyLinked, false);
    const group = linked.user;
    assert.equal(group.id, epId);
    assert.equal(group.isPrimaryUser, true);
    assert.equal(group.loginMethods.length, 2);
    assert.deepEqual(sortedIds(group), [epId, tpId].sort());
    assert.deepEqual([...group.emails].sort(), [email, githubEmail].sort());
    assert.deepEqual(group.thirdParty, [github]);
    assert.deepEqual((await supertokens.getUser(tpId)).toJson(), group.toJson());
    assert.deepEqual((await supertokens.getUser(epId)).toJson(), group.toJson());
    const relinked = await AccountLinking.linkAccounts(new RecipeUserId(tpId), epId);
    assert.equal(relinked.status, "OK");
    assert.equal(relinked.accountsAlreadyLinked, true);

    // Signing in as the linked recipe user yields the primary user, and the recipe user it signed in as.
    const signedIn = await signInUpWithGithub();
    assert.equal(signedIn.status, "OK");
    assert.equal(signedIn.createdNewRecipeUser, false);
    assert.deepEqual(signedIn.user.toJson(), group.toJson());
    assert.equal(signedIn.recipeUserId.getAsString(), tpId);

    assert.deepEqual(await AccountLinking.unlinkAccount(new RecipeUserId(tpId)), {
        status: "OK",
        wasRecipeUserDeleted: false,
        wasLinked: true,
    });
    assertUnlinkedUser(await supertokens.getUser(tpId), {
        recipeId: "thirdparty",
        email: githubEmail,
        thirdParty: github,
    });
    const left = await supertokens.getUser(epId);
    assert.equal(left.isPrimaryUser, true);
    assert.deepEqual(sortedIds(left), [epId]);
};
