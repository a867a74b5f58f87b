"use strict";
// What every era's app does alike: give the user a role, store and read back metadata, and once it
// holds a session verify it locally and in the core, refresh it, verify the refreshed one.

const assert = require("node:assert/strict");
const { phone: phoneNumber } = require("../contacts");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The access token payload carries the app's claim and the role and permission claims UserRoles adds. */
function assertPayload(session, app) {
    const payload = session.getAccessTokenPayload();
    assert.equal(payload.plan, "pro");
    assert.deepEqual(payload["st-role"].v, [app.role]);
    assert.deepEqual(payload["st-perm"].v, ["read"]);
}

async function assertSessionLifecycle(Session, session, userId, app) {
    assert.equal(session.getUserId(), userId);
    assertPayload(session, app);
    const tokens = session.getAllSessionTokensDangerously();
    assert.ok(tokens.accessToken && tokens.refreshToken, "an access and a refresh token are issued");

    const verified = await Session.getSessionWithoutRequestResponse(tokens.accessToken);
    assert.equal(verified.getHandle(), session.getHandle());
    assert.equal(verified.getUserId(), userId);
    assertPayload(verified, app);

    const checked = await Session.getSessionWithoutRequestResponse(tokens.accessToken, undefined, {
        checkDatabase: true,
    });
    assert.equal(checked.getHandle(), session.getHandle());

    const refreshed = await Session.refreshSessionWithoutRequestResponse(tokens.refreshToken);
    const next = refreshed.getAllSessionTokensDangerously();
    assert.equal(refreshed.getHandle(), session.getHandle());
    assert.equal(refreshed.getUserId(), userId);
    assert.notEqual(next.accessToken, tokens.accessToken);
    assert.notEqual(next.refreshToken, tokens.refreshToken);
    assertPayload(refreshed, app);

    const afterRefresh = await Session.getSessionWithoutRequestResponse(next.accessToken);
    assert.equal(afterRefresh.getHandle(), session.getHandle());
    assert.equal(afterRefresh.getUserId(), userId);
    return refreshed;
}

/** user: how the era names a user to UserRoles, (userId) before multitenancy, (tenantId, userId) after. */
async function assertRoles(UserRoles, app, ...user) {
    assert.deepEqual(await UserRoles.createNewRoleOrAddPermissions(app.role, ["read"]), {
        status: "OK",
        createdNewRole: true,
    });
    assert.deepEqual(await UserRoles.addRoleToUser(...user, app.role), { status: "OK", didUserAlreadyHaveRole: false });
    assert.deepEqual(await UserRoles.getRolesForUser(...user), { status: "OK", roles: [app.role] });
    assert.deepEqual(await UserRoles.getPermissionsForRole(app.role), { status: "OK", permissions: ["read"] });
}

async function assertMetadata(UserMetadata, userId) {
    const update = { plan: "pro", prefs: { theme: "dark" } };
    const updated = await UserMetadata.updateUserMetadata(userId, update);
    assert.equal(updated.status, "OK");
    assert.deepEqual(updated.metadata, update);
    const read = await UserMetadata.getUserMetadata(userId);
    assert.equal(read.status, "OK");
    assert.deepEqual(read.metadata, update);
}

/**
 * A user of supertokens-node 16 on (an account-linking user) with one login method and no links: its
 * recipe user id is its id. login: {recipeId, email?, phoneNumber?, thirdParty?, verified?}, the method
 * it must have (unverified unless said).
 */
function assertUnlinkedUser(user, { recipeId, email, phoneNumber, thirdParty, verified = false }) {
    assert.match(user.id, UUID);
    assert.equal(user.isPrimaryUser, false);
    assert.deepEqual(user.emails, email ? [email] : []);
    assert.deepEqual(user.phoneNumbers, phoneNumber ? [phoneNumber] : []);
    assert.deepEqual(user.thirdParty, thirdParty ? [thirdParty] : []);
    assert.deepEqual(user.tenantIds, ["public"]);
    assert.equal(user.loginMethods.length, 1);
    const [method] = user.loginMethods;
    assert.equal(method.recipeId, recipeId);
    assert.equal(method.recipeUserId.getAsString(), user.id);
    assert.equal(method.email, email);
    assert.equal(method.phoneNumber, phoneNumber);
    assert.deepEqual(method.thirdParty, thirdParty);
    assert.deepEqual(method.tenantIds, ["public"]);
    assert.equal(method.verified, verified);
}

/** The app's third-party user: its provider's id and user id, the email it signs up with and the one it changes to. */
function thirdPartyUserOf(app) {
    return {
        id: "google",
        userId: `google-${app.email}`,
        email: `tp-${app.email}`,
        newEmail: `tp-changed-${app.email}`,
    };
}

/** The app's passwordless contacts: an email, a phone number, and the number that phone user moves to. */
function passwordlessContactsOf(app) {
    const phone = phoneNumber();
    let newPhone = phoneNumber();
    while (newPhone.e164 === phone.e164) {
        newPhone = phoneNumber();
    }
    return { email: `pl-${app.email}`, phone, newPhone };
}

const RESTART = { status: "RESTART_FLOW_ERROR" };

/**
 * The passwordless flow every era runs alike through its server-side functions (tenant: {} before
 * multitenancy, {tenantId: "public"} after): an emailed code, entered wrong once (one failed attempt of
 * five) then right, which signs up; a phone number typed with spaces signs up too; a pending code listed
 * by email, revoked with revokeAllCodes, and dead; a new code for the email signs in. Nothing is ever
 * sent (the app holds the codes). Returns the three consume answers, {emailUp, phoneUp, emailIn}, and
 * the preAuthSessionId of the device each consumed, in devices.
 */
async function passwordlessCodeFlow({ Passwordless, delivered }, tenant, { email, phone }) {
    const inTenant = (input) => ({ ...input, ...tenant });
    const createCode = async (contact) => {
        const code = await Passwordless.createCode(inTenant(contact));
        assert.equal(code.status, "OK");
        assert.match(code.userInputCode, /^[0-9]{6}$/);
        assert.equal(code.codeLifetime, 900000);
        return code;
    };
    const enter = ({ preAuthSessionId, deviceId, userInputCode }, typed = userInputCode) =>
        Passwordless.consumeCode(inTenant({ preAuthSessionId, deviceId, userInputCode: typed }));

    const code = await createCode({ email });
    assert.deepEqual(await enter(code, "12345"), {
        status: "INCORRECT_USER_INPUT_CODE_ERROR",
        failedCodeInputAttemptCount: 1,
        maximumCodeInputAttempts: 5,
    });
    const emailUp = await enter(code);
    assert.equal(emailUp.status, "OK");
    assert.deepEqual(await enter(code), RESTART, "a consumed code is gone");

    const phoneCode = await createCode({ phoneNumber: phone.typed });
    const phoneUp = await enter(phoneCode);
    assert.equal(phoneUp.status, "OK");

    const pending = await createCode({ email });
    const listed = { codeId: pending.codeId, timeCreated: pending.timeCreated, codeLifetime: pending.codeLifetime };
    assert.deepEqual(await Passwordless.listCodesByEmail(inTenant({ email })), [
        { preAuthSessionId: pending.preAuthSessionId, failedCodeInputAttemptCount: 0, email, codes: [listed] },
    ]);
    assert.deepEqual(await Passwordless.revokeAllCodes(inTenant({ email })), { status: "OK" });
    assert.deepEqual(await Passwordless.listCodesByEmail(inTenant({ email })), []);
    assert.deepEqual(await enter(pending), RESTART, "a revoked code is gone");

    const again = await createCode({ email });
    const emailIn = await enter(again);
    assert.equal(emailIn.status, "OK");
    assert.deepEqual(delivered, [], "server-side functions send nothing");
    const devices = {
        emailUp: code.preAuthSessionId,
        phoneUp: phoneCode.preAuthSessionId,
        emailIn: again.preAuthSessionId,
    };
    return { emailUp, phoneUp, emailIn, devices };
}

module.exports = {
    UUID,
    assertRoles,
    assertMetadata,
    assertSessionLifecycle,
    assertUnlinkedUser,
    thirdPartyUserOf,
    passwordlessContactsOf,
    passwordlessCodeFlow,
};
