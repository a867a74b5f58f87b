"use strict";
// The Passwordless recipe of supertokens-node 24.0.3 against the core, through its server-side functions
// (the app sends the codes itself, so no delivery service is ever called): codes by email and by phone,
// sign-up then sign-in, wrong, expired and reused codes, magic links, resends on a device, listing and
// revoking codes, updateUser, and the passwordless user in the users APIs and in a session. Each contact
// method and flow type of Passwordless.init is used. Code lifetime and attempt limits come from a tenant's
// own coreConfig, so no core configuration is needed. Account linking is not initialised.
// What the original core 11.4.7 answers was pinned from it (AUTHCORE_COMPAT_CORE_URL, see the README).

const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const { setTimeout: sleep } = require("node:timers/promises");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const Passwordless = require("supertokens-node/recipe/passwordless");
const EmailVerification = require("supertokens-node/recipe/emailverification");
const Multitenancy = require("supertokens-node/recipe/multitenancy");
const { describeOnEveryStorage } = require("../lib/harness");
const { email, phone } = require("../lib/contacts");

const tenantId = "public";
const RESTART = { status: "RESTART_FLOW_ERROR" };
const incorrect = (failed, max = 5) => ({
    status: "INCORRECT_USER_INPUT_CODE_ERROR",
    failedCodeInputAttemptCount: failed,
    maximumCodeInputAttempts: max,
});

const recipes = (contactMethod, flowType) => ({
    recipeList: () => [
        Session.init(),
        EmailVerification.init({ mode: "OPTIONAL" }),
        Multitenancy.init(),
        Passwordless.init({ contactMethod, flowType }),
    ],
});
const byEmailCode = recipes("EMAIL", "USER_INPUT_CODE");
const byPhone = recipes("PHONE", "USER_INPUT_CODE_AND_MAGIC_LINK");
const byLink = recipes("EMAIL_OR_PHONE", "MAGIC_LINK");
const byEither = recipes("EMAIL_OR_PHONE", "USER_INPUT_CODE_AND_MAGIC_LINK");

/** Consumes a created code by typing its user input code (or another one). */
const enter = (code, userInputCode = code.userInputCode, tenant = tenantId) =>
    Passwordless.consumeCode({ tenantId: tenant, preAuthSessionId: code.preAuthSessionId, deviceId: code.deviceId, userInputCode });
/** Consumes a created code by following its magic link. */
const follow = (code, tenant = tenantId) =>
    Passwordless.consumeCode({ tenantId: tenant, preAuthSessionId: code.preAuthSessionId, linkCode: code.linkCode });
const WRONG = "12345"; // five digits: never one of the core's six-digit codes

function assertCode(code, lifetime = 900000) {
    assert.equal(code.status, "OK");
    assert.match(code.userInputCode, /^[0-9]{6}$/);
    assert.match(code.linkCode, /^[A-Za-z0-9_-]{43}$/);
    assert.match(code.preAuthSessionId, /^[A-Za-z0-9_-]{43}$/);
    assert.match(code.deviceId, /^[A-Za-z0-9+/]{43}=$/);
    assert.match(code.codeId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(code.codeLifetime, lifetime);
    assert.ok(Math.abs(code.timeCreated - Date.now()) < 60000, `timeCreated ${code.timeCreated} is now`);
}

const sortCodes = (codes) => [...codes].sort((a, b) => a.codeId.localeCompare(b.codeId));
/** A device as the list functions return it. The original lists its codes in no set order: sorted by id. */
const device = (first, codes, contact, failed = 0) => ({
    preAuthSessionId: first.preAuthSessionId,
    failedCodeInputAttemptCount: failed,
    ...contact,
    codes: sortCodes(codes.map((c) => ({ codeId: c.codeId, timeCreated: c.timeCreated, codeLifetime: c.codeLifetime }))),
});
const listed = (found) => found && { ...found, codes: sortCodes(found.codes) };
const byPreAuthSessionId = (devices) =>
    [...devices].sort((a, b) => a.preAuthSessionId.localeCompare(b.preAuthSessionId));

/** A passwordless user of its own; address and number are undefined when it has none. */
function assertUser(user, { id, address, number, verified = true, tenant = tenantId }) {
    assert.equal(user.id, id);
    assert.equal(user.isPrimaryUser, false);
    assert.deepEqual(user.emails, address ? [address] : []);
    assert.deepEqual(user.phoneNumbers, number ? [number] : []);
    assert.deepEqual(user.thirdParty, []);
    assert.deepEqual(user.tenantIds, [tenant]);
    assert.equal(user.loginMethods.length, 1);
    const method = user.loginMethods[0];
    assert.equal(method.recipeId, "passwordless");
    assert.equal(method.recipeUserId.getAsString(), id);
    assert.equal(method.email, address);
    assert.equal(method.phoneNumber, number);
    assert.equal(method.verified, verified);
    assert.deepEqual(method.tenantIds, [tenant]);
    assert.equal(method.timeJoined, user.timeJoined);
}

/** A consume answer: OK, a sign-up or a sign-in, and the device it used up. */
function assertConsumed(result, { created, code, contact, failed = 0 }) {
    assert.equal(result.status, "OK");
    assert.equal(result.createdNewRecipeUser, created);
    assert.equal(result.createdNewUser, created);
    assert.equal(result.recipeUserId.getAsString(), result.user.id);
    assert.deepEqual(result.consumedDevice, {
        preAuthSessionId: code.preAuthSessionId,
        failedCodeInputAttemptCount: failed,
        ...contact,
    });
}

async function signUp(contact, tenant = tenantId) {
    const code = await Passwordless.createCode({ tenantId: tenant, ...contact });
    const result = await follow(code, tenant);
    assertConsumed(result, { created: true, code, contact });
    return result;
}

describeOnEveryStorage("Passwordless", {}, (suite) => {
    suite.scenario("an emailed code signs up, verifies the email, and a second code signs in", { sdk: byEmailCode }, async () => {
        const address = email("code");
        const code = await Passwordless.createCode({ tenantId, email: address });
        assertCode(code);
        const up = await enter(code);
        assertConsumed(up, { created: true, code, contact: { email: address } });
        const id = up.user.id;
        assertUser(up.user, { id, address });
        assert.equal(await EmailVerification.isEmailVerified(up.recipeUserId, address), true);
        assert.deepEqual(await enter(code), RESTART, "a consumed code is gone");

        // The address typed differently is the same, normalised, user.
        const again = await Passwordless.createCode({ tenantId, email: `  ${address.toUpperCase()} ` });
        assertCode(again);
        assert.notEqual(again.preAuthSessionId, code.preAuthSessionId);
        assert.notEqual(again.deviceId, code.deviceId);
        const signIn = await enter(again);
        assertConsumed(signIn, { created: false, code: again, contact: { email: address } });
        assertUser(signIn.user, { id, address });
        assert.equal(signIn.user.timeJoined, up.user.timeJoined);
        assert.deepEqual((await supertokens.getUser(id)).toJson(), up.user.toJson());
    });

    suite.scenario("a phone number typed with spaces is stored in E.164; sign up by code, sign in by link", { sdk: byPhone }, async () => {
        const number = phone();
        const code = await Passwordless.createCode({ tenantId, phoneNumber: number.typed });
        assertCode(code);
        assert.deepEqual(await Passwordless.listCodesByPhoneNumber({ tenantId, phoneNumber: number.typed }), [
            device(code, [code], { phoneNumber: number.e164 }),
        ]);
        const up = await enter(code);
        assertConsumed(up, { created: true, code, contact: { phoneNumber: number.e164 } });
        assertUser(up.user, { id: up.user.id, number: number.e164 });

        const again = await Passwordless.createCode({ tenantId, phoneNumber: number.e164 });
        const signIn = await follow(again);
        assertConsumed(signIn, { created: false, code: again, contact: { phoneNumber: number.e164 } });
        assertUser(signIn.user, { id: up.user.id, number: number.e164 });
    });

    suite.scenario("wrong codes count against the device, checkCode too; the fifth wrong one restarts the flow", { sdk: byEmailCode }, async () => {
        const address = email("wrong");
        const code = await Passwordless.createCode({ tenantId, email: address });
        assert.deepEqual(await enter(code, WRONG), incorrect(1));
        const check = (userInputCode) =>
            Passwordless.checkCode({ tenantId, preAuthSessionId: code.preAuthSessionId, deviceId: code.deviceId, userInputCode });
        assert.deepEqual(await check(WRONG), incorrect(2));
        // A right check neither consumes the code nor creates the user.
        assert.deepEqual(await check(code.userInputCode), {
            status: "OK",
            consumedDevice: { preAuthSessionId: code.preAuthSessionId, failedCodeInputAttemptCount: 2, email: address },
        });
        assert.deepEqual(await supertokens.listUsersByAccountInfo(tenantId, { email: address }), []);
        assert.deepEqual(
            await Passwordless.listCodesByDeviceId({ tenantId, deviceId: code.deviceId }),
            device(code, [code], { email: address }, 2)
        );
        const up = await enter(code);
        assertConsumed(up, { created: true, code, contact: { email: address }, failed: 2 });
        assertUser(up.user, { id: up.user.id, address });

        const other = email("locked-out");
        const locked = await Passwordless.createCode({ tenantId, email: other });
        for (let failed = 1; failed <= 4; failed++) {
            assert.deepEqual(await enter(locked, WRONG), incorrect(failed));
        }
        assert.deepEqual(await enter(locked, WRONG), RESTART, "the fifth failure deletes the device");
        assert.equal(await Passwordless.listCodesByDeviceId({ tenantId, deviceId: locked.deviceId }), undefined);
        assert.deepEqual(await enter(locked), RESTART, "even the right code is gone");
        assert.deepEqual(await Passwordless.createNewCodeForDevice({ tenantId, deviceId: locked.deviceId }), RESTART);
        assert.deepEqual(await supertokens.listUsersByAccountInfo(tenantId, { email: other }), []);
    });

    suite.scenario("a magic link signs up once; Passwordless.signInUp follows links by itself", { sdk: byLink }, async () => {
        const address = email("link");
        const link = new URL(await Passwordless.createMagicLink({ tenantId, email: address }));
        assert.equal(`${link.origin}${link.pathname}`, "http://web.authcore.test/auth/verify");
        assert.equal(link.searchParams.get("tenantId"), tenantId);
        const code = { preAuthSessionId: link.searchParams.get("preAuthSessionId"), linkCode: link.hash.slice(1) };
        assert.match(code.linkCode, /^[A-Za-z0-9_-]{43}$/);

        const stranger = { ...code, linkCode: crypto.randomBytes(32).toString("base64url") };
        assert.deepEqual(await follow(stranger), RESTART, "an unknown link code");
        const otherFlow = await Passwordless.createCode({ tenantId, email: email("other") });
        await assert.rejects(
            follow({ ...otherFlow, preAuthSessionId: code.preAuthSessionId }),
            /status code: 400 and message: preAuthSessionId and deviceId doesn't match/
        );
        const up = await follow(code);
        assertConsumed(up, { created: true, code, contact: { email: address } });
        assertUser(up.user, { id: up.user.id, address });
        assert.deepEqual(await follow(code), RESTART, "a link works once");

        const number = phone();
        const first = await Passwordless.signInUp({ tenantId, phoneNumber: number.typed });
        assert.deepEqual([first.status, first.createdNewRecipeUser], ["OK", true]);
        assertUser(first.user, { id: first.recipeUserId.getAsString(), number: number.e164 });
        const second = await Passwordless.signInUp({ tenantId, phoneNumber: number.e164 });
        assert.deepEqual([second.status, second.createdNewRecipeUser], ["OK", false]);
        assertUser(second.user, { id: first.user.id, number: number.e164 });
    });

    suite.scenario("createNewCodeForDevice adds codes to the device; any of them signs in and ends the device", { sdk: byEither }, async () => {
        const address = email("resend");
        const first = await Passwordless.createCode({ tenantId, email: address });
        const second = await Passwordless.createNewCodeForDevice({ tenantId, deviceId: first.deviceId });
        assertCode(second);
        assert.equal(second.deviceId, first.deviceId);
        assert.equal(second.preAuthSessionId, first.preAuthSessionId);
        assert.notEqual(second.codeId, first.codeId);
        assert.notEqual(second.linkCode, first.linkCode);
        const custom = await Passwordless.createNewCodeForDevice({ tenantId, deviceId: first.deviceId, userInputCode: "custom-42" });
        assert.equal(custom.status, "OK");
        assert.equal(custom.userInputCode, "custom-42");
        assert.deepEqual(
            await Passwordless.createNewCodeForDevice({ tenantId, deviceId: first.deviceId, userInputCode: "custom-42" }),
            { status: "USER_INPUT_CODE_ALREADY_USED_ERROR" }
        );
        const expected = device(first, [first, second, custom], { email: address });
        assert.deepEqual(listed(await Passwordless.listCodesByDeviceId({ tenantId, deviceId: first.deviceId })), expected);
        const byPreAuth = await Passwordless.listCodesByPreAuthSessionId({ tenantId, preAuthSessionId: first.preAuthSessionId });
        assert.deepEqual(listed(byPreAuth), expected);

        // The original keeps the older codes valid: the first one still signs up.
        const up = await enter(first);
        assertConsumed(up, { created: true, code: first, contact: { email: address } });
        assert.equal(await Passwordless.listCodesByDeviceId({ tenantId, deviceId: first.deviceId }), undefined);
        assert.deepEqual(await enter(second), RESTART);
        assert.deepEqual(await enter(custom), RESTART);
        const unknownDevice = crypto.randomBytes(32).toString("base64");
        assert.deepEqual(await Passwordless.createNewCodeForDevice({ tenantId, deviceId: unknownDevice }), RESTART);
        assert.equal(await Passwordless.listCodesByDeviceId({ tenantId, deviceId: unknownDevice }), undefined);
    });

    suite.scenario("codes listed by email, phone and preAuthSessionId; revokeCode, revokeAllCodes, consume clears", { sdk: byEither }, async () => {
        const address = email("list");
        const a = await Passwordless.createCode({ tenantId, email: address });
        const b = await Passwordless.createCode({ tenantId, email: address });
        const number = phone();
        const p = await Passwordless.createCode({ tenantId, phoneNumber: number.typed });
        const q = await Passwordless.createCode({ tenantId, phoneNumber: number.e164 });
        const listEmail = (value = address) => Passwordless.listCodesByEmail({ tenantId, email: value });
        const listPhone = () => Passwordless.listCodesByPhoneNumber({ tenantId, phoneNumber: number.typed });
        const emailDevices = byPreAuthSessionId([a, b].map((c) => device(c, [c], { email: address })));
        assert.deepEqual(byPreAuthSessionId(await listEmail(address.toUpperCase())), emailDevices);
        assert.deepEqual(
            byPreAuthSessionId(await listPhone()),
            byPreAuthSessionId([p, q].map((c) => device(c, [c], { phoneNumber: number.e164 })))
        );
        assert.deepEqual(
            await Passwordless.listCodesByPreAuthSessionId({ tenantId, preAuthSessionId: b.preAuthSessionId }),
            device(b, [b], { email: address })
        );
        const unknown = crypto.randomBytes(32).toString("base64url");
        assert.equal(await Passwordless.listCodesByPreAuthSessionId({ tenantId, preAuthSessionId: unknown }), undefined);
        assert.deepEqual(await listEmail(email("nobody")), []);

        // Revoking a device's only code removes the device.
        assert.deepEqual(await Passwordless.revokeCode({ tenantId, codeId: a.codeId }), { status: "OK" });
        assert.deepEqual(await listEmail(), [device(b, [b], { email: address })]);
        assert.deepEqual(await enter(a), RESTART);
        assert.deepEqual(await Passwordless.revokeCode({ tenantId, codeId: crypto.randomUUID() }), { status: "OK" });
        assert.deepEqual(await Passwordless.revokeCode({ tenantId, preAuthSessionId: b.preAuthSessionId }), { status: "OK" });
        assert.deepEqual(await listEmail(), []);
        assert.deepEqual(await follow(b), RESTART);

        const kept = await Passwordless.createCode({ tenantId, email: address });
        assert.deepEqual(await Passwordless.revokeAllCodes({ tenantId, phoneNumber: number.typed }), { status: "OK" });
        assert.deepEqual(await listPhone(), []);
        assert.deepEqual(await listEmail(), [device(kept, [kept], { email: address })], "other contacts keep theirs");
        assert.deepEqual(await Passwordless.revokeAllCodes({ tenantId, email: address.toUpperCase() }), { status: "OK" });
        assert.deepEqual(await listEmail(), []);

        // A successful consume removes every device of that email.
        const c = await Passwordless.createCode({ tenantId, email: address });
        const d = await Passwordless.createCode({ tenantId, email: address });
        assertConsumed(await enter(c), { created: true, code: c, contact: { email: address } });
        assert.deepEqual(await listEmail(), []);
        assert.deepEqual(await enter(d), RESTART);
    });

    suite.scenario("updateUser changes and clears email and phone, and refuses taken ones", { sdk: byEither }, async () => {
        const address = email("update");
        const { user, recipeUserId } = await signUp({ email: address });
        const id = user.id;
        const number = phone();
        const update = (change, who = recipeUserId) => Passwordless.updateUser({ recipeUserId: who, ...change });

        assert.deepEqual(await update({ phoneNumber: number.typed }), { status: "OK" });
        assertUser(await supertokens.getUser(id), { id, address, number: number.e164 });

        const next = email("Update-New");
        assert.deepEqual(await update({ email: next }), { status: "OK" });
        // The new address is stored normalised and was never verified.
        assertUser(await supertokens.getUser(id), { id, address: next.toLowerCase(), number: number.e164, verified: false });
        assert.equal(await EmailVerification.isEmailVerified(recipeUserId), false);

        assert.deepEqual(await update({ email: null }), { status: "OK" });
        assertUser(await supertokens.getUser(id), { id, number: number.e164 });
        await assert.rejects(
            update({ phoneNumber: null }),
            /status code: 400 and message: You cannot clear both email and phone number of a user/
        );
        assertUser(await supertokens.getUser(id), { id, number: number.e164 });

        const taken = email("taken");
        const takenNumber = phone();
        await signUp({ email: taken });
        await signUp({ phoneNumber: takenNumber.e164 });
        assert.deepEqual(await update({ email: taken }), { status: "EMAIL_ALREADY_EXISTS_ERROR" });
        assert.deepEqual(await update({ phoneNumber: takenNumber.typed }), { status: "PHONE_NUMBER_ALREADY_EXISTS_ERROR" });
        assert.deepEqual(await update({ phoneNumber: number.e164 }), { status: "OK" }, "its own number is no conflict");
        assertUser(await supertokens.getUser(id), { id, number: number.e164 });
        assert.deepEqual(await update({ phoneNumber: phone().e164 }, new supertokens.RecipeUserId(crypto.randomUUID())), {
            status: "UNKNOWN_USER_ID_ERROR",
        });
    });

    suite.scenario("a passwordless user in the users APIs and in a session, then deleted", { sdk: byPhone }, async () => {
        const countBefore = await supertokens.getUserCount(["passwordless"]);
        const number = phone();
        const { user, recipeUserId } = await signUp({ phoneNumber: number.e164 });
        assert.deepEqual((await supertokens.getUser(user.id)).toJson(), user.toJson());
        for (const phoneNumber of [number.e164, number.typed]) {
            const found = await supertokens.listUsersByAccountInfo(tenantId, { phoneNumber });
            assert.deepEqual(found.map((u) => u.toJson()), [user.toJson()]);
        }
        assert.deepEqual(await supertokens.listUsersByAccountInfo(tenantId, { phoneNumber: phone().e164 }), []);
        const newest = await supertokens.getUsersNewestFirst({ tenantId, includeRecipeIds: ["passwordless"] });
        assert.equal(newest.users[0].id, user.id);
        assert.equal(await supertokens.getUserCount(["passwordless"]), countBefore + 1);

        const session = await Session.createNewSessionWithoutRequestResponse(tenantId, recipeUserId, { via: "otp" });
        const verified = await Session.getSessionWithoutRequestResponse(session.getAllSessionTokensDangerously().accessToken);
        assert.equal(verified.getUserId(), user.id);
        assert.equal(verified.getRecipeUserId().getAsString(), user.id);
        assert.equal(verified.getAccessTokenPayload().via, "otp");
        assert.deepEqual(await Session.getAllSessionHandlesForUser(user.id), [session.getHandle()]);

        assert.deepEqual(await supertokens.deleteUser(user.id), { status: "OK" });
        assert.equal(await supertokens.getUser(user.id), undefined);
        assert.deepEqual(await Session.getAllSessionHandlesForUser(user.id), []);
        assert.equal(await Session.getSessionInformation(session.getHandle()), undefined);
        assert.deepEqual(await supertokens.listUsersByAccountInfo(tenantId, { phoneNumber: number.e164 }), []);
        assert.equal(await supertokens.getUserCount(["passwordless"]), countBefore);
        const again = await signUp({ phoneNumber: number.e164 });
        assert.notEqual(again.user.id, user.id, "the number signs up afresh");
    });

    suite.scenario("a tenant's passwordless_code_lifetime and max attempts: an expired code counts as a failure", { sdk: byEither }, async () => {
        const tenant = "short-codes";
        const coreConfig = { passwordless_code_lifetime: 1500, passwordless_max_code_input_attempts: 3 };
        assert.equal((await Multitenancy.createOrUpdateTenant(tenant, { coreConfig })).status, "OK");
        const address = email("expiry");
        const code = await Passwordless.createCode({ tenantId: tenant, email: address });
        assertCode(code, 1500);
        const { preAuthSessionId, deviceId, userInputCode } = code;
        const check = await Passwordless.checkCode({ tenantId: tenant, preAuthSessionId, deviceId, userInputCode });
        assert.equal(check.status, "OK", "still fresh");

        await sleep(2000);
        assert.deepEqual(await enter(code, userInputCode, tenant), {
            status: "EXPIRED_USER_INPUT_CODE_ERROR",
            failedCodeInputAttemptCount: 1,
            maximumCodeInputAttempts: 3,
        });
        assert.deepEqual(await follow(code, tenant), RESTART, "an expired link restarts the flow");
        const fresh = await Passwordless.createNewCodeForDevice({ tenantId: tenant, deviceId: code.deviceId });
        assertCode(fresh, 1500);
        const up = await enter(fresh, fresh.userInputCode, tenant);
        assertConsumed(up, { created: true, code, contact: { email: address }, failed: 1 });
        assertUser(up.user, { id: up.user.id, address, tenant });
        assert.deepEqual(await supertokens.listUsersByAccountInfo(tenantId, { email: address }), []);

        const locked = await Passwordless.createCode({ tenantId: tenant, email: email("three") });
        assert.deepEqual(await enter(locked, WRONG, tenant), incorrect(1, 3));
        assert.deepEqual(await enter(locked, WRONG, tenant), incorrect(2, 3));
        assert.deepEqual(await enter(locked, WRONG, tenant), RESTART);
        // The public tenant keeps the defaults.
        assertCode(await Passwordless.createCode({ tenantId, email: address }));
    });
});
