"use strict";
// Account linking across recipes with supertokens-node 24.0.3: a passwordless sign-up (createCode +
// consumeCode) auto-linked into a verified email-password user with the same email (and not into an
// unverified one); a phone-only passwordless user linked by hand into an email-password primary user,
// found through either recipe user id and by its phone number; and Passwordless.updateUser of a
// linked user's phone onto a number another primary user holds (refused as a change not allowed),
// onto one a user of its own holds (already exists), and onto a free one.
// What the original core 11.4.7 answers was pinned from it (AUTHCORE_COMPAT_CORE_URL, see the README).

const assert = require("node:assert/strict");
const supertokens = require("supertokens-node");
const { RecipeUserId } = supertokens;
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const Passwordless = require("supertokens-node/recipe/passwordless");
const AccountLinking = require("supertokens-node/recipe/accountlinking");
const { describeOnEveryStorage } = require("../lib/harness");
const { email, phone } = require("../lib/contacts");
const { PASSWORD, linking, emailPasswordUser, assertGroup, assertAlone, ids } = require("../lib/accountlinking-checks");

const passwordless = () => [
    Passwordless.init({ contactMethod: "EMAIL_OR_PHONE", flowType: "USER_INPUT_CODE_AND_MAGIC_LINK" }),
];
const automatic = linking(true, passwordless);
const manual = linking(false, passwordless);
const tenantId = "public";

/** A passwordless sign-up or sign-in by this contact ({email} or {phoneNumber}): its consume answer and recipe user id. */
async function passwordlessSignInUp(contact) {
    const code = await Passwordless.createCode({ tenantId, ...contact });
    assert.equal(code.status, "OK");
    const { preAuthSessionId, deviceId, userInputCode } = code;
    const result = await Passwordless.consumeCode({ tenantId, preAuthSessionId, deviceId, userInputCode });
    assert.equal(result.status, "OK");
    return { ...result, id: result.recipeUserId.getAsString() };
}

/** An email-password primary user with a phone-only passwordless user linked into it by hand. */
async function linkedPhoneGroup() {
    const address = email("owner");
    const number = phone();
    const epId = await emailPasswordUser(address);
    const pl = await passwordlessSignInUp({ phoneNumber: number.typed });
    assert.equal(pl.createdNewRecipeUser, true);
    // Automatic linking is off: the phone user stands alone, its login method verified.
    assertAlone(pl.user, pl.id, "passwordless", undefined, true);
    assert.deepEqual(pl.user.phoneNumbers, [number.e164]);

    const primary = await AccountLinking.createPrimaryUser(new RecipeUserId(epId));
    assert.equal(primary.status, "OK");
    assert.equal(primary.wasAlreadyAPrimaryUser, false);
    const linked = await AccountLinking.linkAccounts(pl.recipeUserId, epId);
    assert.equal(linked.status, "OK");
    assert.equal(linked.accountsAlreadyLinked, false);
    const methods = [
        [epId, "emailpassword", address, false],
        [pl.id, "passwordless", undefined, true],
    ];
    assertGroup(linked.user, epId, methods);
    return { address, number, epId, plId: pl.id, methods };
}

describeOnEveryStorage("AccountLinking with Passwordless", {}, (suite) => {
    suite.scenario("a passwordless sign-up links into the verified email-password user with its email", { sdk: automatic }, async () => {
        const address = email("pl-link");
        const primaryId = await emailPasswordUser(address, { verified: true });
        const up = await passwordlessSignInUp({ email: address });
        assert.equal(up.createdNewRecipeUser, true);
        assert.notEqual(up.id, primaryId);
        // The core marks the consumed email verified, so the new recipe user may join the group.
        const group = [
            [primaryId, "emailpassword", address, true],
            [up.id, "passwordless", address, true],
        ];
        assertGroup(up.user, primaryId, group);
        assert.deepEqual((await supertokens.getUser(up.id)).toJson(), (await supertokens.getUser(primaryId)).toJson());
        assertGroup(await supertokens.getUser(up.id), primaryId, group);
        assert.deepEqual(ids(await supertokens.listUsersByAccountInfo(tenantId, { email: address })), [primaryId]);

        // Signing in again by a code is a sign-in of that recipe user into the group.
        const again = await passwordlessSignInUp({ email: address });
        assert.equal(again.createdNewRecipeUser, false);
        assert.equal(again.id, up.id);
        assertGroup(again.user, primaryId, group);
        const signIn = await EmailPassword.signIn(tenantId, address, PASSWORD);
        assert.equal(signIn.status, "OK");
        assert.equal(signIn.recipeUserId.getAsString(), primaryId);
        assertGroup(signIn.user, primaryId, group);
    });

    suite.scenario("a passwordless sign-up never links into an unverified email-password user", { sdk: automatic }, async () => {
        const address = email("pl-unverified");
        const epId = await emailPasswordUser(address);
        const up = await passwordlessSignInUp({ email: address });
        assert.equal(up.createdNewRecipeUser, true);
        // The verified passwordless user becomes a primary user of its own; the other is left alone.
        assertGroup(up.user, up.id, [[up.id, "passwordless", address, true]]);
        assertAlone(await supertokens.getUser(epId), epId, "emailpassword", address, false);
        const found = await supertokens.listUsersByAccountInfo(tenantId, { email: address });
        assert.deepEqual(ids(found).sort(), [epId, up.id].sort());
    });

    suite.scenario("a phone-only passwordless user linked by hand is found by its phone number", { sdk: manual }, async () => {
        const { address, number, epId, plId, methods } = await linkedPhoneGroup();
        for (const id of [epId, plId]) {
            const user = await supertokens.getUser(id);
            assertGroup(user, epId, methods);
            assert.deepEqual(user.phoneNumbers, [number.e164]);
            assert.deepEqual(user.emails, [address]);
        }
        for (const phoneNumber of [number.e164, number.typed]) {
            const found = await supertokens.listUsersByAccountInfo(tenantId, { phoneNumber });
            assert.deepEqual(ids(found), [epId]);
            assertGroup(found[0], epId, methods);
        }
        const both = { email: address, phoneNumber: number.e164 };
        assert.deepEqual(ids(await supertokens.listUsersByAccountInfo(tenantId, both, false)), [epId]);

        // Signing in by the phone is a sign-in of the linked recipe user, into the group.
        const signIn = await passwordlessSignInUp({ phoneNumber: number.e164 });
        assert.equal(signIn.createdNewRecipeUser, false);
        assert.equal(signIn.id, plId);
        assertGroup(signIn.user, epId, methods);
    });

    suite.scenario("updateUser of a linked user's phone: another primary user's number, a taken one, a free one", { sdk: manual }, async () => {
        const { number, epId, plId, methods } = await linkedPhoneGroup();
        const held = phone();
        const holder = await passwordlessSignInUp({ phoneNumber: held.e164 });
        const holderPrimary = await AccountLinking.createPrimaryUser(holder.recipeUserId);
        assert.equal(holderPrimary.status, "OK");
        const taken = phone();
        const loner = await passwordlessSignInUp({ phoneNumber: taken.e164 });
        const update = (phoneNumber) => Passwordless.updateUser({ recipeUserId: new RecipeUserId(plId), phoneNumber });

        // The SDK passes the core's answer through as it is (it maps only the email one to its own reason).
        assert.deepEqual(await update(held.typed), {
            status: "PHONE_NUMBER_CHANGE_NOT_ALLOWED_ERROR",
            reason: "New phone number is associated with another primary user ID",
        });
        assert.deepEqual(await update(taken.typed), { status: "PHONE_NUMBER_ALREADY_EXISTS_ERROR" });
        assert.deepEqual((await supertokens.getUser(epId)).phoneNumbers, [number.e164]);
        assertGroup(await supertokens.getUser(holder.id), holder.id, [[holder.id, "passwordless", undefined, true]]);
        assertAlone(await supertokens.getUser(loner.id), loner.id, "passwordless", undefined, true);

        const free = phone();
        assert.deepEqual(await update(free.typed), { status: "OK" });
        const moved = await supertokens.getUser(plId);
        assertGroup(moved, epId, methods);
        assert.deepEqual(moved.phoneNumbers, [free.e164]);
        assert.deepEqual(ids(await supertokens.listUsersByAccountInfo(tenantId, { phoneNumber: free.e164 })), [epId]);
        assert.deepEqual(await supertokens.listUsersByAccountInfo(tenantId, { phoneNumber: number.e164 }), []);
    });
});
