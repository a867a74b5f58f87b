"use strict";
// Third-party users of an app on supertokens-node 14 or 15 (CDI 2.21, 3.0), before account linking:
// the app signs a user in and up server-side (14: ThirdParty.signInUp(thirdPartyId, thirdPartyUserId,
// email); 15: ThirdParty.manuallyCreateOrUpdateUser(tenantId, …)), a user is {id, email, timeJoined,
// thirdParty: {id, userId}} (15 adds its tenantIds), the first call creates it, the same call signs
// it in, a changed email is stored, and it is found by id, by email, by its third-party info and in
// the users list, which wraps it as {recipeId: "thirdparty", user}.

const assert = require("node:assert/strict");
const { UUID, thirdPartyUserOf } = require("./checks");

module.exports = async function ({ supertokens, ThirdParty }, app) {
    // 14 names no tenant anywhere; 15 names "public" first in every call but getUserById.
    const beforeMultitenancy = typeof ThirdParty.signInUp === "function";
    const tenant = beforeMultitenancy ? [] : ["public"];
    const signInUp = beforeMultitenancy ? ThirdParty.signInUp : ThirdParty.manuallyCreateOrUpdateUser;
    const thirdParty = thirdPartyUserOf(app);

    const created = await signInUp(...tenant, thirdParty.id, thirdParty.userId, thirdParty.email);
    assert.equal(created.status, "OK");
    assert.equal(created.createdNewUser, true);
    const user = created.user;
    assert.match(user.id, UUID);
    assert.equal(typeof user.timeJoined, "number");
    assert.deepEqual(user, {
        id: user.id,
        timeJoined: user.timeJoined,
        email: thirdParty.email,
        thirdParty: { id: thirdParty.id, userId: thirdParty.userId },
        ...(beforeMultitenancy ? {} : { tenantIds: ["public"] }),
    });

    assert.deepEqual(await signInUp(...tenant, thirdParty.id, thirdParty.userId, thirdParty.email), {
        status: "OK",
        createdNewUser: false,
        user,
    });

    const changed = await signInUp(...tenant, thirdParty.id, thirdParty.userId, thirdParty.newEmail);
    assert.equal(changed.status, "OK");
    assert.equal(changed.createdNewUser, false);
    assert.deepEqual(changed.user, { ...user, email: thirdParty.newEmail });

    assert.deepEqual(await ThirdParty.getUserById(user.id), changed.user);
    assert.deepEqual(
        await ThirdParty.getUserByThirdPartyInfo(...tenant, thirdParty.id, thirdParty.userId),
        changed.user
    );
    assert.deepEqual(await ThirdParty.getUsersByEmail(...tenant, thirdParty.newEmail), [changed.user]);
    assert.deepEqual(await ThirdParty.getUsersByEmail(...tenant, thirdParty.email), []);

    const page = await supertokens.getUsersNewestFirst({
        ...(beforeMultitenancy ? {} : { tenantId: "public" }),
        includeRecipeIds: ["thirdparty"],
        limit: 5,
    });
    assert.deepEqual(page.users[0], { recipeId: "thirdparty", user: changed.user });
};
