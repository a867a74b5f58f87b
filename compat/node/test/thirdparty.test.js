"use strict";
// The ThirdParty recipe of supertokens-node 24.0.3 against Authcore: manuallyCreateOrUpdateUser
// (sign-up, sign-in, email update, isVerified), the third-party user in the users APIs, a session
// for it, and what makes two users distinct (provider, tenant). The core never calls a provider, so
// none needs configuring. Account linking is not initialised.

const assert = require("node:assert/strict");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const ThirdParty = require("supertokens-node/recipe/thirdparty");
const EmailVerification = require("supertokens-node/recipe/emailverification");
const Multitenancy = require("supertokens-node/recipe/multitenancy");
const { describeOnEveryStorage } = require("../lib/harness");
const { unique, email } = require("../lib/contacts");

const sdk = {
    recipeList: () => [
        Session.init(),
        EmailVerification.init({ mode: "OPTIONAL" }),
        ThirdParty.init(),
        Multitenancy.init(),
    ],
};

function assertThirdPartyUser(result, { tenantId = "public", thirdPartyId, thirdPartyUserId, address, verified }) {
    assert.equal(result.status, "OK");
    const { user, recipeUserId } = result;
    assert.equal(recipeUserId.getAsString(), user.id);
    assert.equal(user.isPrimaryUser, false);
    assert.deepEqual(user.emails, [address]);
    assert.deepEqual(user.phoneNumbers, []);
    assert.deepEqual(user.thirdParty, [{ id: thirdPartyId, userId: thirdPartyUserId }]);
    assert.deepEqual(user.tenantIds, [tenantId]);
    assert.equal(user.loginMethods.length, 1);
    const method = user.loginMethods[0];
    assert.equal(method.recipeId, "thirdparty");
    assert.equal(method.recipeUserId.getAsString(), user.id);
    assert.equal(method.email, address);
    assert.deepEqual(method.thirdParty, { id: thirdPartyId, userId: thirdPartyUserId });
    assert.deepEqual(method.tenantIds, [tenantId]);
    assert.equal(method.verified, verified);
    assert.equal(method.timeJoined, user.timeJoined);
}

/** Two unverified sign-ups (tenantId, thirdPartyId, thirdPartyUserId, email) that must make two new users. */
async function twoNewUsers(first, second) {
    const one = await ThirdParty.manuallyCreateOrUpdateUser(...first, false);
    const two = await ThirdParty.manuallyCreateOrUpdateUser(...second, false);
    assert.equal(one.createdNewRecipeUser, true);
    assert.equal(two.createdNewRecipeUser, true);
    assert.notEqual(one.user.id, two.user.id);
    return [one, two];
}

describeOnEveryStorage("ThirdParty", {}, (suite) => {
    suite.scenario("the first call signs up, the same call signs in, a new email updates the user", { sdk }, async () => {
        const providerUserId = `g-${unique()}`;
        const address = email("a");
        const up = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", providerUserId, address, true);
        assert.equal(up.createdNewRecipeUser, true);
        assertThirdPartyUser(up, { thirdPartyId: "google", thirdPartyUserId: providerUserId, address, verified: true });

        const again = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", providerUserId, address, true);
        assert.equal(again.createdNewRecipeUser, false);
        assert.equal(again.user.id, up.user.id);
        assert.equal(again.user.timeJoined, up.user.timeJoined);
        assertThirdPartyUser(again, { thirdPartyId: "google", thirdPartyUserId: providerUserId, address, verified: true });

        const next = email("a-new");
        const changed = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", providerUserId, next, false);
        assert.equal(changed.createdNewRecipeUser, false);
        assert.equal(changed.user.id, up.user.id);
        // The new address was never verified.
        assertThirdPartyUser(changed, { thirdPartyId: "google", thirdPartyUserId: providerUserId, address: next, verified: false });
        assert.deepEqual((await supertokens.getUser(up.user.id)).emails, [next]);
    });

    suite.scenario("isVerified true marks the email verified, false does not", { sdk }, async () => {
        const verifiedAddress = email("verified");
        const verified = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", `g-${unique()}`, verifiedAddress, true);
        assert.equal(await EmailVerification.isEmailVerified(verified.recipeUserId, verifiedAddress), true);
        assert.equal(await EmailVerification.isEmailVerified(verified.recipeUserId), true);
        assert.equal(verified.user.loginMethods[0].verified, true);

        const plainAddress = email("plain");
        const plain = await ThirdParty.manuallyCreateOrUpdateUser("public", "github", `gh-${unique()}`, plainAddress, false);
        assert.equal(await EmailVerification.isEmailVerified(plain.recipeUserId, plainAddress), false);
        assert.equal(await EmailVerification.isEmailVerified(plain.recipeUserId), false);
        assert.equal(plain.user.loginMethods[0].verified, false);
    });

    suite.scenario("getUser, listUsersByAccountInfo, the users list and count, then deleteUser", { sdk }, async () => {
        const countBefore = await supertokens.getUserCount(["thirdparty"]);
        const providerUserId = `g-${unique()}`;
        const address = email("listed");
        const { user } = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", providerUserId, address, false);

        const fetched = await supertokens.getUser(user.id);
        assert.equal(fetched.id, user.id);
        assert.deepEqual(fetched.toJson(), user.toJson());

        const byAccount = await supertokens.listUsersByAccountInfo("public", {
            thirdParty: { id: "google", userId: providerUserId },
        });
        assert.deepEqual(byAccount.map((u) => u.id), [user.id]);
        assert.deepEqual(byAccount[0].thirdParty, [{ id: "google", userId: providerUserId }]);
        assert.deepEqual(
            await supertokens.listUsersByAccountInfo("public", { thirdParty: { id: "github", userId: providerUserId } }),
            []
        );
        const byEmail = await supertokens.listUsersByAccountInfo("public", { email: address });
        assert.deepEqual(byEmail.map((u) => u.id), [user.id]);

        const newest = await supertokens.getUsersNewestFirst({ tenantId: "public", includeRecipeIds: ["thirdparty"] });
        assert.equal(newest.users[0].id, user.id);
        assert.ok(newest.users.every((u) => u.loginMethods.every((m) => m.recipeId === "thirdparty")));
        assert.equal(await supertokens.getUserCount(["thirdparty"]), countBefore + 1);
        assert.equal(await supertokens.getUserCount(["thirdparty"], "public"), countBefore + 1);

        assert.deepEqual(await supertokens.deleteUser(user.id), { status: "OK" });
        assert.equal(await supertokens.getUser(user.id), undefined);
        assert.deepEqual(
            await supertokens.listUsersByAccountInfo("public", { thirdParty: { id: "google", userId: providerUserId } }),
            []
        );
        assert.equal(await supertokens.getUserCount(["thirdparty"]), countBefore);
        const after = await supertokens.getUsersNewestFirst({ tenantId: "public", includeRecipeIds: ["thirdparty"] });
        assert.ok(!after.users.some((u) => u.id === user.id));

        const again = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", providerUserId, address, false);
        assert.equal(again.createdNewRecipeUser, true, "the provider account signs up afresh");
        assert.notEqual(again.user.id, user.id);
    });

    suite.scenario("a session for the third-party user verifies and refreshes", { sdk }, async () => {
        const { user, recipeUserId } = await ThirdParty.manuallyCreateOrUpdateUser(
            "public", "google", `g-${unique()}`, email("session"), true
        );
        const session = await Session.createNewSessionWithoutRequestResponse("public", recipeUserId, { plan: "pro" });
        assert.equal(session.getUserId(), user.id);
        assert.equal(session.getRecipeUserId().getAsString(), user.id);
        const tokens = session.getAllSessionTokensDangerously();

        const verified = await Session.getSessionWithoutRequestResponse(tokens.accessToken, undefined, {
            checkDatabase: true,
        });
        assert.equal(verified.getHandle(), session.getHandle());
        assert.equal(verified.getUserId(), user.id);
        assert.equal(verified.getAccessTokenPayload().sub, user.id);
        assert.equal(verified.getAccessTokenPayload().plan, "pro");

        const refreshed = await Session.refreshSessionWithoutRequestResponse(tokens.refreshToken);
        assert.equal(refreshed.getHandle(), session.getHandle());
        assert.equal(refreshed.getUserId(), user.id);
        assert.notEqual(refreshed.getAllSessionTokensDangerously().accessToken, tokens.accessToken);
        const used = await Session.getSessionWithoutRequestResponse(refreshed.getAllSessionTokensDangerously().accessToken);
        assert.equal(used.getUserId(), user.id);
        assert.equal(used.getRecipeUserId().getAsString(), user.id);
    });

    suite.scenario("the same provider user id at two providers is two users", { sdk }, async () => {
        const providerUserId = `same-${unique()}`;
        const address = email("two-providers");
        const [google, github] = await twoNewUsers(
            ["public", "google", providerUserId, address],
            ["public", "github", providerUserId, address]
        );
        assertThirdPartyUser(github, { thirdPartyId: "github", thirdPartyUserId: providerUserId, address, verified: false });

        const byEmail = await supertokens.listUsersByAccountInfo("public", { email: address });
        assert.deepEqual(byEmail.map((u) => u.id).sort(), [google.user.id, github.user.id].sort());
        const byGithub = await supertokens.listUsersByAccountInfo("public", {
            thirdParty: { id: "github", userId: providerUserId },
        });
        assert.deepEqual(byGithub.map((u) => u.id), [github.user.id]);
    });

    suite.scenario("the same provider account in two tenants is two users", { sdk }, async () => {
        const created = await Multitenancy.createOrUpdateTenant("t1", { firstFactors: ["thirdparty"] });
        assert.equal(created.status, "OK");
        assert.deepEqual((await Multitenancy.getTenant("t1")).firstFactors, ["thirdparty"]);

        const providerUserId = `g-${unique()}`;
        const address = email("tenants");
        const [inPublic, inT1] = await twoNewUsers(
            ["public", "google", providerUserId, address],
            ["t1", "google", providerUserId, address]
        );
        assertThirdPartyUser(inT1, { tenantId: "t1", thirdPartyId: "google", thirdPartyUserId: providerUserId, address, verified: false });

        const account = { thirdParty: { id: "google", userId: providerUserId } };
        assert.deepEqual((await supertokens.listUsersByAccountInfo("t1", account)).map((u) => u.id), [inT1.user.id]);
        assert.deepEqual((await supertokens.listUsersByAccountInfo("public", account)).map((u) => u.id), [inPublic.user.id]);
        const t1Users = await supertokens.getUsersNewestFirst({ tenantId: "t1", includeRecipeIds: ["thirdparty"] });
        assert.equal(t1Users.users[0].id, inT1.user.id);
        assert.ok(!t1Users.users.some((u) => u.id === inPublic.user.id));

        const signIn = await ThirdParty.manuallyCreateOrUpdateUser("t1", "google", providerUserId, address, false);
        assert.equal(signIn.createdNewRecipeUser, false);
        assert.equal(signIn.user.id, inT1.user.id);
    });
});
