"use strict";
// Account linking of supertokens-node 24.0.3 against Authcore: automatic linking of a verified
// third-party sign-up into a verified email-password user (and the refusal to link an unverified
// one), manual primary-user creation, linking and unlinking with their conflict statuses, a linked
// group in listUsersByAccountInfo and deleteUser, and sessions of a linked recipe user.

const assert = require("node:assert/strict");
const supertokens = require("supertokens-node");
const { RecipeUserId } = supertokens;
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const ThirdParty = require("supertokens-node/recipe/thirdparty");
const AccountLinking = require("supertokens-node/recipe/accountlinking");
const { describeOnEveryStorage } = require("../lib/harness");
const { unique, email } = require("../lib/contacts");
const { PASSWORD, linking, emailPasswordUser, assertGroup, assertAlone, ids } = require("../lib/accountlinking-checks");

const automatic = linking(true, () => [ThirdParty.init()]);
const manual = linking(false, () => [ThirdParty.init()]);

/** A new third-party recipe user (manuallyCreateOrUpdateUser); the result with its ids. */
async function thirdPartyUser(address, isVerified, thirdPartyId = "google") {
    const thirdPartyUserId = `${thirdPartyId}-${unique()}`;
    const result = await ThirdParty.manuallyCreateOrUpdateUser("public", thirdPartyId, thirdPartyUserId, address, isVerified);
    assert.equal(result.status, "OK");
    assert.equal(result.createdNewRecipeUser, true);
    return { ...result, thirdPartyUserId, id: result.recipeUserId.getAsString() };
}

/** A verified email-password user with a verified google user auto-linked into it. */
async function linkedPair(address) {
    const primaryId = await emailPasswordUser(address, { verified: true });
    const google = await thirdPartyUser(address, true);
    assertGroup(google.user, primaryId, [
        [primaryId, "emailpassword", address, true],
        [google.id, "thirdparty", address, true],
    ]);
    return { primaryId, google };
}

describeOnEveryStorage("AccountLinking", {}, (suite) => {
    suite.scenario("third-party sign-up, sign-in and email change work with account linking on", { sdk: automatic }, async () => {
        const providerUserId = `g-${unique()}`;
        const address = email("tp");
        const up = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", providerUserId, address, true);
        assert.equal(up.status, "OK");
        assert.equal(up.createdNewRecipeUser, true);
        const id = up.recipeUserId.getAsString();
        // A verified first sign-up with nothing to link to becomes a primary user of its own.
        assertGroup(up.user, id, [[id, "thirdparty", address, true]]);
        assert.deepEqual(up.user.thirdParty, [{ id: "google", userId: providerUserId }]);

        const again = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", providerUserId, address, true);
        assert.equal(again.status, "OK");
        assert.equal(again.createdNewRecipeUser, false);
        assert.equal(again.recipeUserId.getAsString(), id);
        assertGroup(again.user, id, [[id, "thirdparty", address, true]]);

        const next = email("tp-new");
        const changed = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", providerUserId, next, false);
        assert.equal(changed.status, "OK");
        assert.equal(changed.createdNewRecipeUser, false);
        assertGroup(changed.user, id, [[id, "thirdparty", next, false]]);
        assertGroup(await supertokens.getUser(id), id, [[id, "thirdparty", next, false]]);
    });

    suite.scenario("a verified third-party sign-up links into the verified email-password user", { sdk: automatic }, async () => {
        const address = email("link");
        const { primaryId, google } = await linkedPair(address);
        assert.notEqual(google.id, primaryId);
        assert.deepEqual(google.user.thirdParty, [{ id: "google", userId: google.thirdPartyUserId }]);
        const expected = [
            [primaryId, "emailpassword", address, true],
            [google.id, "thirdparty", address, true],
        ];
        // Either recipe user id finds the whole group.
        assertGroup(await supertokens.getUser(google.id), primaryId, expected);
        assert.deepEqual((await supertokens.getUser(google.id)).toJson(), (await supertokens.getUser(primaryId)).toJson());

        const again = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", google.thirdPartyUserId, address, true);
        assert.equal(again.createdNewRecipeUser, false);
        assert.equal(again.recipeUserId.getAsString(), google.id);
        assertGroup(again.user, primaryId, expected);
        const signIn = await EmailPassword.signIn("public", address, PASSWORD);
        assert.equal(signIn.status, "OK");
        assert.equal(signIn.recipeUserId.getAsString(), primaryId);
        assertGroup(signIn.user, primaryId, expected);
    });

    suite.scenario("an unverified third-party email never links into an email-password user", { sdk: automatic }, async () => {
        // Into a verified, primary email-password user: the third-party user stays a user of its own.
        const address = email("takeover");
        const primaryId = await emailPasswordUser(address, { verified: true });
        const attacker = await thirdPartyUser(address, false);
        assertAlone(attacker.user, attacker.id, "thirdparty", address, false);
        assert.notEqual(attacker.id, primaryId);
        assertGroup(await supertokens.getUser(primaryId), primaryId, [[primaryId, "emailpassword", address, true]]);
        assertAlone(await supertokens.getUser(attacker.id), attacker.id, "thirdparty", address, false);

        // Into an unverified one: neither becomes primary, neither is linked.
        const plain = email("plain");
        const plainId = await emailPasswordUser(plain);
        const other = await thirdPartyUser(plain, false, "github");
        assertAlone(other.user, other.id, "thirdparty", plain, false);
        assertAlone(await supertokens.getUser(plainId), plainId, "emailpassword", plain, false);

        // Nor may an unlinked third-party user move, unverified, onto the primary user's email.
        const mover = await thirdPartyUser(email("mover"), false);
        const moved = await ThirdParty.manuallyCreateOrUpdateUser("public", "google", mover.thirdPartyUserId, address, false);
        assert.deepEqual(moved, {
            status: "EMAIL_CHANGE_NOT_ALLOWED_ERROR",
            reason: "New email cannot be applied to existing account because of account takeover risks.",
        });
        assert.deepEqual((await supertokens.getUser(mover.id)).emails, [mover.user.emails[0]]);
        assert.equal((await supertokens.getUser(primaryId)).loginMethods.length, 1);
    });

    suite.scenario("createPrimaryUser, linkAccounts and unlinkAccount by hand, with their conflicts", { sdk: manual }, async () => {
        const address = email("manual");
        const other = email("manual-other");
        const epId = await emailPasswordUser(address);
        const google = await thirdPartyUser(other, true);
        const twin = await thirdPartyUser(address, false, "github");
        assertAlone(google.user, google.id, "thirdparty", other, true); // automatic linking is off
        const ep = new RecipeUserId(epId);

        assert.deepEqual(await AccountLinking.canCreatePrimaryUser(ep), { status: "OK", wasAlreadyAPrimaryUser: false });
        const created = await AccountLinking.createPrimaryUser(ep);
        assert.equal(created.status, "OK");
        assert.equal(created.wasAlreadyAPrimaryUser, false);
        assertGroup(created.user, epId, [[epId, "emailpassword", address, false]]);
        const repeated = await AccountLinking.createPrimaryUser(ep);
        assert.equal(repeated.status, "OK");
        assert.equal(repeated.wasAlreadyAPrimaryUser, true);
        assert.deepEqual(await AccountLinking.canCreatePrimaryUser(ep), { status: "OK", wasAlreadyAPrimaryUser: true });

        // The twin has the primary user's email: it cannot become primary itself.
        for (const refused of [
            await AccountLinking.canCreatePrimaryUser(twin.recipeUserId),
            await AccountLinking.createPrimaryUser(twin.recipeUserId),
        ]) {
            assert.equal(refused.status, "ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR");
            assert.equal(refused.primaryUserId, epId);
        }
        assert.deepEqual(await AccountLinking.linkAccounts(google.recipeUserId, twin.id), {
            status: "INPUT_USER_IS_NOT_A_PRIMARY_USER",
        });

        assert.deepEqual(await AccountLinking.canLinkAccounts(google.recipeUserId, epId), {
            status: "OK",
            accountsAlreadyLinked: false,
        });
        const linked = await AccountLinking.linkAccounts(google.recipeUserId, epId);
        assert.equal(linked.status, "OK");
        assert.equal(linked.accountsAlreadyLinked, false);
        const group = [
            [epId, "emailpassword", address, false],
            [google.id, "thirdparty", other, true],
        ];
        assertGroup(linked.user, epId, group);
        assertGroup(await supertokens.getUser(google.id), epId, group);
        // Each account info may match another login method of the group.
        const both = { email: address, thirdParty: { id: "google", userId: google.thirdPartyUserId } };
        assert.deepEqual(ids(await supertokens.listUsersByAccountInfo("public", both, false)), [epId]);
        const relinked = await AccountLinking.linkAccounts(google.recipeUserId, epId);
        assert.equal(relinked.status, "OK");
        assert.equal(relinked.accountsAlreadyLinked, true);
        assert.deepEqual(await AccountLinking.canLinkAccounts(google.recipeUserId, epId), {
            status: "OK",
            accountsAlreadyLinked: true,
        });
        const member = await AccountLinking.createPrimaryUser(google.recipeUserId);
        assert.equal(member.status, "RECIPE_USER_ID_ALREADY_LINKED_WITH_PRIMARY_USER_ID_ERROR");
        assert.equal(member.primaryUserId, epId);

        assert.deepEqual(await AccountLinking.unlinkAccount(google.recipeUserId), {
            status: "OK",
            wasRecipeUserDeleted: false,
            wasLinked: true,
        });
        assertAlone(await supertokens.getUser(google.id), google.id, "thirdparty", other, true);
        assertGroup(await supertokens.getUser(epId), epId, [[epId, "emailpassword", address, false]]);
    });

    suite.scenario("listUsersByAccountInfo finds a linked group by email and provider, union or not", { sdk: automatic }, async () => {
        const address = email("list");
        const { primaryId, google } = await linkedPair(address);
        const github = await thirdPartyUser(email("list-other"), false, "github");
        const googleAccount = { id: "google", userId: google.thirdPartyUserId };
        const githubAccount = { id: "github", userId: github.thirdPartyUserId };
        const list = (info, union) => supertokens.listUsersByAccountInfo("public", info, union);

        const byEmail = await list({ email: address });
        assert.deepEqual(ids(byEmail), [primaryId]);
        assert.equal(byEmail[0].loginMethods.length, 2);
        assert.deepEqual(ids(await list({ thirdParty: googleAccount })), [primaryId]);
        assert.deepEqual(ids(await list({ email: address, thirdParty: googleAccount }, false)), [primaryId]);
        assert.deepEqual(ids(await list({ email: address, thirdParty: googleAccount }, true)), [primaryId]);
        // Nobody has both this email and the github account; each has one of them.
        assert.deepEqual(ids(await list({ email: address, thirdParty: githubAccount }, false)), []);
        assert.deepEqual(ids(await list({ email: address, thirdParty: githubAccount }, true)), [primaryId, github.id]);
        assert.deepEqual(ids(await list({ email: email("nobody") }, true)), []);
    });

    suite.scenario("deleteUser of a member keeps the group; deleteUser by default removes it all", { sdk: automatic }, async () => {
        const address = email("delete");
        const { primaryId, google } = await linkedPair(address);
        const github = await thirdPartyUser(address, true, "github");
        assert.equal(github.user.id, primaryId);
        assert.equal(github.user.loginMethods.length, 3);

        assert.deepEqual(await supertokens.deleteUser(google.id, false), { status: "OK" });
        assert.equal(await supertokens.getUser(google.id), undefined);
        const rest = [
            [primaryId, "emailpassword", address, true],
            [github.id, "thirdparty", address, true],
        ];
        assertGroup(await supertokens.getUser(primaryId), primaryId, rest);
        assertGroup(await supertokens.getUser(github.id), primaryId, rest);

        assert.deepEqual(await supertokens.deleteUser(github.id), { status: "OK" });
        assert.equal(await supertokens.getUser(github.id), undefined);
        assert.equal(await supertokens.getUser(primaryId), undefined);
        assert.deepEqual(await supertokens.listUsersByAccountInfo("public", { email: address }), []);
        const signIn = await EmailPassword.signIn("public", address, PASSWORD);
        assert.equal(signIn.status, "WRONG_CREDENTIALS_ERROR");
    });

    suite.scenario("a session of a linked recipe user belongs to the primary user", { sdk: automatic }, async () => {
        const { primaryId, google } = await linkedPair(email("session"));
        const session = await Session.createNewSessionWithoutRequestResponse("public", new RecipeUserId(google.id));
        assert.equal(session.getUserId(), primaryId);
        assert.equal(session.getRecipeUserId().getAsString(), google.id);
        const verified = await Session.getSessionWithoutRequestResponse(session.getAllSessionTokensDangerously().accessToken);
        assert.equal(verified.getUserId(), primaryId);
        assert.equal(verified.getRecipeUserId().getAsString(), google.id);
        const info = await Session.getSessionInformation(session.getHandle());
        assert.equal(info.userId, primaryId);
        assert.equal(info.recipeUserId.getAsString(), google.id);

        const own = await Session.createNewSessionWithoutRequestResponse("public", new RecipeUserId(primaryId));
        assert.equal(own.getRecipeUserId().getAsString(), primaryId);
        const handles = [session.getHandle(), own.getHandle()].sort();
        assert.deepEqual((await Session.getAllSessionHandlesForUser(primaryId)).sort(), handles);
        assert.deepEqual(await Session.getAllSessionHandlesForUser(primaryId, false), [own.getHandle()]);
        assert.deepEqual(await Session.getAllSessionHandlesForUser(google.id, false), [session.getHandle()]);

        assert.deepEqual((await Session.revokeAllSessionsForUser(primaryId)).sort(), handles);
        assert.deepEqual(await Session.getAllSessionHandlesForUser(primaryId), []);
        assert.equal(await Session.getSessionInformation(session.getHandle()), undefined);
    });
});
