"use strict";
// Passwordless users of an app on supertokens-node 16 to 23 (CDI 4.0 to 5.3): the shared code flow
// (checks.js) with a tenantId in every call; consumeCode answers createdNewRecipeUser and the
// recipeUserId (18 on also the consumedDevice); the user is an account-linking user with one
// passwordless login method (the core marks a consumed email verified), found by id and by email or
// phone number (listUsersByAccountInfo); updateUser({recipeUserId, phoneNumber}) moves the phone user
// to another number (typed with spaces, stored in E.164) and refuses one another user holds.

const assert = require("node:assert/strict");
const { assertUnlinkedUser, passwordlessContactsOf, passwordlessCodeFlow } = require("./checks");

module.exports = async function (sdk, app) {
    const { supertokens, Passwordless } = sdk;
    const { RecipeUserId } = supertokens;
    const tenantId = "public";
    const contacts = passwordlessContactsOf(app);
    const { emailUp, phoneUp, emailIn, devices } = await passwordlessCodeFlow(sdk, { tenantId }, contacts);
    // A consume answer of a sign-up (created) or a sign-in; from 18 on (CDI 5.0) it names the device it used up.
    const namesDevice = Number(sdk.release.split(".")[0]) >= 18;
    const consumed = (name, created, failedCodeInputAttemptCount, contact) => {
        const result = { emailUp, phoneUp, emailIn }[name];
        assert.equal(result.createdNewRecipeUser, created);
        assert.equal(result.recipeUserId.getAsString(), result.user.id);
        const device = { preAuthSessionId: devices[name], failedCodeInputAttemptCount, ...contact };
        assert.deepEqual(result.consumedDevice, namesDevice ? device : undefined);
    };

    consumed("emailUp", true, 1, { email: contacts.email });
    const user = emailUp.user;
    assertUnlinkedUser(user, { recipeId: "passwordless", email: contacts.email, verified: true });
    consumed("emailIn", false, 0, { email: contacts.email });
    assert.deepEqual(emailIn.user.toJson(), user.toJson());

    consumed("phoneUp", true, 0, { phoneNumber: contacts.phone.e164 });
    const phoneUser = phoneUp.user;
    assert.notEqual(phoneUser.id, user.id);
    assertUnlinkedUser(phoneUser, { recipeId: "passwordless", phoneNumber: contacts.phone.e164, verified: true });

    const json = (users) => users.map((u) => u.toJson());
    const byPhone = (phoneNumber) => supertokens.listUsersByAccountInfo(tenantId, { phoneNumber });
    assert.deepEqual((await supertokens.getUser(user.id)).toJson(), user.toJson());
    assert.deepEqual(json(await supertokens.listUsersByAccountInfo(tenantId, { email: contacts.email })), [
        user.toJson(),
    ]);
    assert.deepEqual(json(await byPhone(contacts.phone.e164)), [phoneUser.toJson()]);

    const update = (id, phoneNumber) => Passwordless.updateUser({ recipeUserId: new RecipeUserId(id), phoneNumber });
    assert.deepEqual(await update(phoneUser.id, contacts.newPhone.typed), { status: "OK" });
    const moved = await supertokens.getUser(phoneUser.id);
    assertUnlinkedUser(moved, { recipeId: "passwordless", phoneNumber: contacts.newPhone.e164, verified: true });
    assert.deepEqual(json(await byPhone(contacts.newPhone.e164)), [moved.toJson()]);
    assert.deepEqual(await byPhone(contacts.phone.e164), []);
    assert.deepEqual(await update(user.id, contacts.newPhone.e164), { status: "PHONE_NUMBER_ALREADY_EXISTS_ERROR" });
    assert.deepEqual((await supertokens.getUser(user.id)).toJson(), user.toJson());
};
