"use strict";
// The EmailPassword recipe of supertokens-node 24.0.3 against Authcore: sign-up, sign-in, the
// password-reset flow (with the SDK's email delivery captured), and email/password updates.

const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const { describeOnEveryStorage } = require("../lib/harness");

function email(name) {
    return `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

/** EmailPassword with its email delivery replaced by a recorder: nothing is sent. */
function recipes(sent) {
    return () => [
        Session.init(),
        EmailPassword.init({
            emailDelivery: {
                override: (original) => ({
                    ...original,
                    sendEmail: async (input) => {
                        sent.push(input);
                    },
                }),
            },
        }),
    ];
}

function tokenOf(link) {
    return new URL(link).searchParams.get("token");
}

describeOnEveryStorage("EmailPassword", {}, (suite) => {
    const sent = [];
    const sdk = { recipeList: recipes(sent) };

    suite.scenario("sign up, then sign in with the same credentials", { sdk }, async () => {
        const address = email("alice");
        const up = await EmailPassword.signUp("public", address, "Passw0rd-alice");
        assert.equal(up.status, "OK");
        assert.deepEqual(up.user.emails, [address]);
        assert.equal(up.user.isPrimaryUser, false);
        assert.deepEqual(up.user.tenantIds, ["public"]);
        assert.equal(up.user.loginMethods.length, 1);
        assert.equal(up.user.loginMethods[0].recipeId, "emailpassword");
        assert.equal(up.user.loginMethods[0].verified, false);
        assert.equal(up.recipeUserId.getAsString(), up.user.id);

        const inResult = await EmailPassword.signIn("public", address, "Passw0rd-alice");
        assert.equal(inResult.status, "OK");
        assert.equal(inResult.user.id, up.user.id);
        assert.equal(inResult.recipeUserId.getAsString(), up.user.id);
        assert.equal(inResult.user.timeJoined, up.user.timeJoined);

        const verified = await EmailPassword.verifyCredentials("public", address, "Passw0rd-alice");
        assert.equal(verified.status, "OK");
    });

    suite.scenario("a second sign-up with the same email is refused, whatever its case", { sdk }, async () => {
        const address = email("dup");
        assert.equal((await EmailPassword.signUp("public", address, "Passw0rd-1")).status, "OK");
        const again = await EmailPassword.signUp("public", address.toUpperCase(), "Passw0rd-2");
        assert.equal(again.status, "EMAIL_ALREADY_EXISTS_ERROR");
    });

    suite.scenario("a wrong password and an unknown email both fail with WRONG_CREDENTIALS_ERROR", { sdk }, async () => {
        const address = email("carol");
        await EmailPassword.signUp("public", address, "Passw0rd-carol");
        assert.deepEqual(await EmailPassword.signIn("public", address, "Wrong-passw0rd"), {
            status: "WRONG_CREDENTIALS_ERROR",
        });
        assert.deepEqual(await EmailPassword.signIn("public", email("nobody"), "Passw0rd-carol"), {
            status: "WRONG_CREDENTIALS_ERROR",
        });
    });

    suite.scenario("the reset flow: token, consume and new password, single use", { sdk }, async () => {
        const address = email("reset");
        const { user } = await EmailPassword.signUp("public", address, "Passw0rd-old");
        const created = await EmailPassword.createResetPasswordToken("public", user.id, address);
        assert.equal(created.status, "OK");

        assert.deepEqual(await EmailPassword.resetPasswordUsingToken("public", created.token, "Passw0rd-new"), {
            status: "OK",
        });
        assert.equal((await EmailPassword.signIn("public", address, "Passw0rd-old")).status, "WRONG_CREDENTIALS_ERROR");
        assert.equal((await EmailPassword.signIn("public", address, "Passw0rd-new")).status, "OK");
        assert.deepEqual(await EmailPassword.consumePasswordResetToken("public", created.token), {
            status: "RESET_PASSWORD_INVALID_TOKEN_ERROR",
        });
        assert.deepEqual(await EmailPassword.createResetPasswordToken("public", crypto.randomUUID(), address), {
            status: "UNKNOWN_USER_ID_ERROR",
        });
    });

    suite.scenario("sendResetPasswordEmail delivers a link whose token resets the password", { sdk }, async () => {
        const address = email("link");
        const { user } = await EmailPassword.signUp("public", address, "Passw0rd-link");
        sent.length = 0;
        assert.deepEqual(await EmailPassword.sendResetPasswordEmail("public", user.id, address), { status: "OK" });
        assert.equal(sent.length, 1);
        assert.equal(sent[0].type, "PASSWORD_RESET");
        assert.equal(sent[0].user.email, address);
        const token = tokenOf(sent[0].passwordResetLink);
        assert.ok(token && token.length >= 22, sent[0].passwordResetLink);

        const consumed = await EmailPassword.consumePasswordResetToken("public", token);
        assert.deepEqual(consumed, { status: "OK", userId: user.id, email: address });
    });

    suite.scenario("updateEmailOrPassword changes the email and the password", { sdk }, async () => {
        const address = email("update");
        const { user, recipeUserId } = await EmailPassword.signUp("public", address, "Passw0rd-up");
        const next = email("updated");
        const result = await EmailPassword.updateEmailOrPassword({
            recipeUserId,
            email: next,
            password: "Passw0rd-up2",
        });
        assert.equal(result.status, "OK");
        const signedIn = await EmailPassword.signIn("public", next, "Passw0rd-up2");
        assert.equal(signedIn.status, "OK");
        assert.equal(signedIn.user.id, user.id);
        assert.deepEqual((await supertokens.getUser(user.id)).emails, [next]);

        const taken = email("taken");
        await EmailPassword.signUp("public", taken, "Passw0rd-taken");
        const clash = await EmailPassword.updateEmailOrPassword({ recipeUserId, email: taken });
        assert.equal(clash.status, "EMAIL_ALREADY_EXISTS_ERROR");
    });
});
