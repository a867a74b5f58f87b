"use strict";
// What the account-linking scenarios of supertokens-node 24.0.3 share (test/accountlinking*.test.js):
// the recipe list with automatic linking on or off, email-password users to link into, and the
// assertions on a linked group or a user left alone.

const assert = require("node:assert/strict");
const Session = require("supertokens-node/recipe/session");
const EmailVerification = require("supertokens-node/recipe/emailverification");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const AccountLinking = require("supertokens-node/recipe/accountlinking");

const PASSWORD = "compat-password-1";

/**
 * The recipes: session, optional email verification, email password, the others given (a function
 * returning their inits), and shouldDoAutomaticAccountLinking that links (requiring verification)
 * or never links.
 */
function linking(automatic, otherRecipes = () => []) {
    const decision = automatic
        ? { shouldAutomaticallyLink: true, shouldRequireVerification: true }
        : { shouldAutomaticallyLink: false };
    return {
        recipeList: () => [
            Session.init(),
            EmailVerification.init({ mode: "OPTIONAL" }),
            EmailPassword.init(),
            ...otherRecipes(),
            AccountLinking.init({
                shouldDoAutomaticAccountLinking: async (newAccountInfo, user, session, tenantId, userContext) => decision,
            }),
        ],
    };
}

/** An email-password sign-up, its email verified when asked (which lets the SDK make it primary); its id. */
async function emailPasswordUser(address, { verified = false } = {}) {
    const up = await EmailPassword.signUp("public", address, PASSWORD);
    assert.equal(up.status, "OK");
    assert.equal(up.recipeUserId.getAsString(), up.user.id);
    if (verified) {
        const token = await EmailVerification.createEmailVerificationToken("public", up.recipeUserId, address);
        assert.equal(token.status, "OK");
        const done = await EmailVerification.verifyEmailUsingToken("public", token.token);
        assert.equal(done.status, "OK");
        assert.equal(done.user.email, address);
    }
    return up.user.id;
}

/** A user's login methods as [recipeUserId, recipeId, email, verified], in the order the core gave them. */
const methodsOf = (user) =>
    user.loginMethods.map((m) => [m.recipeUserId.getAsString(), m.recipeId, m.email, m.verified]);

/** A primary user with these login methods (oldest first), all in the public tenant. */
function assertGroup(user, primaryId, methods) {
    assert.equal(user.id, primaryId);
    assert.equal(user.isPrimaryUser, true);
    assert.deepEqual(methodsOf(user), methods);
    assert.deepEqual(user.tenantIds, ["public"]);
    // The original lists a group's emails in a HashSet's order: compared as a set.
    const emails = new Set(methods.map((m) => m[2]).filter((address) => address !== undefined));
    assert.deepEqual([...user.emails].sort(), [...emails].sort());
    const joined = user.loginMethods.map((m) => m.timeJoined);
    assert.deepEqual(joined, [...joined].sort((a, b) => a - b), "login methods are ordered by timeJoined");
    assert.equal(user.timeJoined, joined[0]);
    for (const m of user.loginMethods) {
        assert.deepEqual(m.tenantIds, ["public"]);
    }
}

/** A user that is its own, unlinked, non-primary recipe user. */
function assertAlone(user, id, recipeId, address, verified) {
    assert.equal(user.id, id);
    assert.equal(user.isPrimaryUser, false);
    assert.deepEqual(methodsOf(user), [[id, recipeId, address, verified]]);
}

const ids = (users) => users.map((u) => u.id);

module.exports = { PASSWORD, linking, emailPasswordUser, methodsOf, assertGroup, assertAlone, ids };
