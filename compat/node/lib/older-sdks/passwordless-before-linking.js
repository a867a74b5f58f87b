"use strict";
// Passwordless users of an app on supertokens-node 14 or 15 (CDI 2.21, 3.0), before account linking:
// the shared code flow (checks.js) with 14's tenantless calls or 15's tenantId in every call but
// getUserById and updateUser; a user is {id, email?, phoneNumber?, timeJoined} (15 adds its
// tenantIds), consumeCode answers createdNewUser, the user is found by id, email and phone number
// through the recipe, and updateUser({userId, phoneNumber}) moves the phone user to another number
// (typed with spaces, stored in E.164) and refuses one another user holds.

const assert = require("node:assert/strict");
const { UUID, passwordlessContactsOf, passwordlessCodeFlow } = require("./checks");

module.exports = async function (sdk, app) {
    const { Passwordless } = sdk;
    const beforeMultitenancy = sdk.release.startsWith("14.");
    const tenant = beforeMultitenancy ? {} : { tenantId: "public" };
    const tenantIds = beforeMultitenancy ? {} : { tenantIds: ["public"] };
    const contacts = passwordlessContactsOf(app);
    const { emailUp, phoneUp, emailIn } = await passwordlessCodeFlow(sdk, tenant, contacts);

    assert.equal(emailUp.createdNewUser, true);
    const user = emailUp.user;
    assert.match(user.id, UUID);
    assert.equal(typeof user.timeJoined, "number");
    assert.deepEqual(user, { id: user.id, email: contacts.email, timeJoined: user.timeJoined, ...tenantIds });
    assert.deepEqual(emailIn, { status: "OK", createdNewUser: false, user });

    assert.equal(phoneUp.createdNewUser, true);
    const phoneUser = phoneUp.user;
    assert.match(phoneUser.id, UUID);
    assert.notEqual(phoneUser.id, user.id);
    assert.deepEqual(phoneUser, {
        id: phoneUser.id,
        phoneNumber: contacts.phone.e164,
        timeJoined: phoneUser.timeJoined,
        ...tenantIds,
    });

    const byPhone = (number) => Passwordless.getUserByPhoneNumber({ phoneNumber: number, ...tenant });
    assert.deepEqual(await Passwordless.getUserById({ userId: user.id }), user);
    assert.deepEqual(await Passwordless.getUserByEmail({ email: contacts.email, ...tenant }), user);
    assert.deepEqual(await byPhone(contacts.phone.e164), phoneUser);

    const update = (userId, phoneNumber) => Passwordless.updateUser({ userId, phoneNumber });
    assert.deepEqual(await update(phoneUser.id, contacts.newPhone.typed), { status: "OK" });
    const moved = { ...phoneUser, phoneNumber: contacts.newPhone.e164 };
    assert.deepEqual(await Passwordless.getUserById({ userId: phoneUser.id }), moved);
    assert.deepEqual(await byPhone(contacts.newPhone.e164), moved);
    assert.equal(await byPhone(contacts.phone.e164), undefined);
    assert.deepEqual(await update(user.id, contacts.newPhone.e164), { status: "PHONE_NUMBER_ALREADY_EXISTS_ERROR" });
    assert.deepEqual(await Passwordless.getUserById({ userId: user.id }), user);
};
