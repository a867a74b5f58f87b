"use strict";
// What every era's app does alike: give the user a role, store and read back metadata, and once it
// holds a session verify it locally and in the core, refresh it, verify the refreshed one.

const assert = require("node:assert/strict");

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
 * recipe user id is its id. login: {recipeId, email, thirdParty?}, the method it must have.
 */
function assertUnlinkedUser(user, { recipeId, email, thirdParty }) {
    assert.match(user.id, UUID);
    assert.equal(user.isPrimaryUser, false);
    assert.deepEqual(user.emails, [email]);
    assert.deepEqual(user.thirdParty, thirdParty ? [thirdParty] : []);
    assert.deepEqual(user.tenantIds, ["public"]);
    assert.equal(user.loginMethods.length, 1);
    const [method] = user.loginMethods;
    assert.equal(method.recipeId, recipeId);
    assert.equal(method.recipeUserId.getAsString(), user.id);
    assert.equal(method.email, email);
    assert.deepEqual(method.thirdParty, thirdParty);
    assert.deepEqual(method.tenantIds, ["public"]);
    assert.equal(method.verified, false);
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

module.exports = {
    UUID,
    assertRoles,
    assertMetadata,
    assertSessionLifecycle,
    assertUnlinkedUser,
    thirdPartyUserOf,
};
