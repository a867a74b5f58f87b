"use strict";
// The EmailVerification recipe of supertokens-node 24.0.3 against Authcore.

const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const EmailVerification = require("supertokens-node/recipe/emailverification");
const { describeOnEveryStorage } = require("../lib/harness");

function email(name) {
    return `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

function recipes(sent) {
    return () => [
        Session.init(),
        EmailPassword.init(),
        EmailVerification.init({
            mode: "OPTIONAL",
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

describeOnEveryStorage("EmailVerification", {}, (suite) => {
    const sent = [];
    const sdk = { recipeList: recipes(sent) };

    suite.scenario("create a token, verify it, and see the email verified", { sdk }, async () => {
        const address = email("ev");
        const { user, recipeUserId } = await EmailPassword.signUp("public", address, "Passw0rd-ev");
        assert.equal(await EmailVerification.isEmailVerified(recipeUserId), false);

        const created = await EmailVerification.createEmailVerificationToken("public", recipeUserId);
        assert.equal(created.status, "OK");
        const verified = await EmailVerification.verifyEmailUsingToken("public", created.token);
        assert.equal(verified.status, "OK");
        assert.equal(verified.user.email, address);
        assert.equal(verified.user.recipeUserId.getAsString(), user.id);

        assert.equal(await EmailVerification.isEmailVerified(recipeUserId), true);
        assert.equal((await supertokens.getUser(user.id)).loginMethods[0].verified, true);
        assert.deepEqual(await EmailVerification.createEmailVerificationToken("public", recipeUserId), {
            status: "EMAIL_ALREADY_VERIFIED_ERROR",
        });
        assert.deepEqual(await EmailVerification.verifyEmailUsingToken("public", created.token), {
            status: "EMAIL_VERIFICATION_INVALID_TOKEN_ERROR",
        });
    });

    suite.scenario("unverify, and revoked tokens no longer verify", { sdk }, async () => {
        const address = email("unverify");
        const { recipeUserId } = await EmailPassword.signUp("public", address, "Passw0rd-un");
        const first = await EmailVerification.createEmailVerificationToken("public", recipeUserId);
        await EmailVerification.verifyEmailUsingToken("public", first.token);
        assert.deepEqual(await EmailVerification.unverifyEmail(recipeUserId), { status: "OK" });
        assert.equal(await EmailVerification.isEmailVerified(recipeUserId), false);

        const second = await EmailVerification.createEmailVerificationToken("public", recipeUserId);
        assert.deepEqual(await EmailVerification.revokeEmailVerificationTokens("public", recipeUserId), {
            status: "OK",
        });
        assert.deepEqual(await EmailVerification.verifyEmailUsingToken("public", second.token), {
            status: "EMAIL_VERIFICATION_INVALID_TOKEN_ERROR",
        });
    });

    suite.scenario("sendEmailVerificationEmail delivers a link whose token verifies", { sdk }, async () => {
        const address = email("link");
        const { user, recipeUserId } = await EmailPassword.signUp("public", address, "Passw0rd-link");
        sent.length = 0;
        const result = await EmailVerification.sendEmailVerificationEmail("public", user.id, recipeUserId);
        assert.equal(result.status, "OK");
        assert.equal(sent.length, 1);
        assert.equal(sent[0].type, "EMAIL_VERIFICATION");
        const token = new URL(sent[0].emailVerifyLink).searchParams.get("token");
        assert.equal((await EmailVerification.verifyEmailUsingToken("public", token)).status, "OK");
        assert.equal(await EmailVerification.isEmailVerified(recipeUserId, address), true);
    });
});
