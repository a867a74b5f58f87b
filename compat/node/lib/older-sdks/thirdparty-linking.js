"use strict";
// Third-party users of an app on supertokens-node 16 to 23 (CDI 4.0 to 5.3): the app signs a user in
// and up server-side with ThirdParty.manuallyCreateOrUpdateUser(tenantId, thirdPartyId,
// thirdPartyUserId, email, isVerified); the first call creates a recipe user, the same call signs it
// in, a changed email is stored; the user is an account-linking user with one thirdparty login
// method, found by id, by its email or third-party info (listUsersByAccountInfo) and in the users list.

const assert = require("node:assert/strict");
const { assertUnlinkedUser, thirdPartyUserOf } = require("./checks");

module.exports = async function ({ supertokens, ThirdParty }, app) {
    const thirdParty = thirdPartyUserOf(app);
    const info = { id: thirdParty.id, userId: thirdParty.userId };
    const signInUp = (email) =>
        ThirdParty.manuallyCreateOrUpdateUser("public", thirdParty.id, thirdParty.userId, email, false);

    const created = await signInUp(thirdParty.email);
    assert.equal(created.status, "OK");
    assert.equal(created.createdNewRecipeUser, true);
    const user = created.user;
    assertUnlinkedUser(user, { recipeId: "thirdparty", email: thirdParty.email, thirdParty: info });
    assert.equal(created.recipeUserId.getAsString(), user.id);

    const again = await signInUp(thirdParty.email);
    assert.equal(again.status, "OK");
    assert.equal(again.createdNewRecipeUser, false);
    assert.deepEqual(again.user.toJson(), user.toJson());
    assert.equal(again.recipeUserId.getAsString(), user.id);

    const changed = await signInUp(thirdParty.newEmail);
    assert.equal(changed.status, "OK");
    assert.equal(changed.createdNewRecipeUser, false);
    assert.equal(changed.user.id, user.id);
    assertUnlinkedUser(changed.user, { recipeId: "thirdparty", email: thirdParty.newEmail, thirdParty: info });
    const expected = changed.user.toJson();

    assert.deepEqual((await supertokens.getUser(user.id)).toJson(), expected);
    const byEmail = await supertokens.listUsersByAccountInfo("public", { email: thirdParty.newEmail });
    assert.deepEqual(
        byEmail.map((u) => u.toJson()),
        [expected]
    );
    assert.deepEqual(await supertokens.listUsersByAccountInfo("public", { email: thirdParty.email }), []);
    const byThirdParty = await supertokens.listUsersByAccountInfo("public", { thirdParty: info });
    assert.deepEqual(
        byThirdParty.map((u) => u.toJson()),
        [expected]
    );

    const page = await supertokens.getUsersNewestFirst({
        tenantId: "public",
        includeRecipeIds: ["thirdparty"],
        limit: 5,
    });
    assert.deepEqual(page.users[0].toJson(), expected);
};
