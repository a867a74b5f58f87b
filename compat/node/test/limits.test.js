"use strict";
// The abuse limits of issue 24 as the unchanged SDK sees them: a locked account answers
// WRONG_CREDENTIALS_ERROR even to the right password; a backend forwards its client's address with
// networkInterceptor, and the per-address limit then locks that address only; a capped email
// verification token is a 429 the SDK retries, then reports as an error; wrong passwordless codes count
// over every device of an email, and past the limit even the right code restarts the flow.

const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const EmailVerification = require("supertokens-node/recipe/emailverification");
const Passwordless = require("supertokens-node/recipe/passwordless");
const { describeOnEveryStorage } = require("../lib/harness");

function email(name) {
    return `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

const recipes = () => [Session.init(), EmailPassword.init()];

describeOnEveryStorage(
    "Abuse limits per account",
    { coreEnv: { ABUSE_SIGN_IN_FAILURES_PER_ACCOUNT: "3", ABUSE_EMAIL_VERIFICATION_TOKENS_PER_ACCOUNT: "2" } },
    (suite) => {
        suite.scenario(
            "after three wrong passwords the right one gets WRONG_CREDENTIALS_ERROR too",
            { sdk: { recipeList: recipes } },
            async () => {
                const address = email("locked");
                assert.equal((await EmailPassword.signUp("public", address, "Passw0rd-right")).status, "OK");
                for (let i = 0; i < 3; i++) {
                    const wrong = await EmailPassword.signIn("public", address, "Passw0rd-wrong");
                    assert.deepEqual(wrong, { status: "WRONG_CREDENTIALS_ERROR" });
                }
                const right = await EmailPassword.signIn("public", address, "Passw0rd-right");
                assert.deepEqual(right, { status: "WRONG_CREDENTIALS_ERROR" });
                // Another account is not affected.
                const other = email("other");
                assert.equal((await EmailPassword.signUp("public", other, "Passw0rd-right")).status, "OK");
                assert.equal((await EmailPassword.signIn("public", other, "Passw0rd-right")).status, "OK");
            }
        );

        suite.scenario(
            "a capped email verification token is a 429 that the SDK retries, then reports",
            {
                sdk: {
                    recipeList: () => [Session.init(), EmailPassword.init(), EmailVerification.init({ mode: "OPTIONAL" })],
                },
            },
            async () => {
                const address = email("verify");
                const { recipeUserId } = await EmailPassword.signUp("public", address, "Passw0rd-right");
                for (let i = 0; i < 2; i++) {
                    const made = await EmailVerification.createEmailVerificationToken("public", recipeUserId, address);
                    assert.equal(made.status, "OK");
                }
                await assert.rejects(
                    EmailVerification.createEmailVerificationToken("public", recipeUserId, address),
                    /status code: 429 and message: Too many requests: abuse_email_verification_tokens_per_account reached/
                );
            }
        );
    }
);

describeOnEveryStorage(
    "Abuse limits on passwordless codes",
    { coreEnv: { ABUSE_PASSWORDLESS_CODE_FAILURES_PER_ACCOUNT: "3" } },
    (suite) => {
        suite.scenario(
            "a new device gives no fresh guesses: the third wrong code over two devices ends the account's tries",
            {
                sdk: {
                    recipeList: () => [
                        Session.init(),
                        Passwordless.init({ contactMethod: "EMAIL", flowType: "USER_INPUT_CODE" }),
                    ],
                },
            },
            async () => {
                const address = email("codes");
                const enter = (code, userInputCode) =>
                    Passwordless.consumeCode({
                        tenantId: "public",
                        preAuthSessionId: code.preAuthSessionId,
                        deviceId: code.deviceId,
                        userInputCode,
                    });
                const first = await Passwordless.createCode({ tenantId: "public", email: address });
                assert.equal((await enter(first, "12345")).status, "INCORRECT_USER_INPUT_CODE_ERROR");
                assert.equal((await enter(first, "12346")).status, "INCORRECT_USER_INPUT_CODE_ERROR");
                // The original's cap is five per device: a new device would start again at zero.
                const second = await Passwordless.createCode({ tenantId: "public", email: address });
                assert.equal((await enter(second, "12347")).status, "INCORRECT_USER_INPUT_CODE_ERROR");
                assert.deepEqual(await enter(second, second.userInputCode), { status: "RESTART_FLOW_ERROR" });
            }
        );
    }
);

describeOnEveryStorage(
    "Abuse limits per client address",
    { coreEnv: { ABUSE_CLIENT_IP_HEADER: "x-forwarded-for", ABUSE_SIGN_IN_FAILURES_PER_IP: "3" } },
    (suite) => {
        // What a backend does: the address of the request it serves, put on every call to the core.
        // Here the caller names it in the userContext; a real backend reads its framework's request.
        const networkInterceptor = (request, userContext) => {
            if (userContext && userContext.clientIp) {
                request.headers = { ...request.headers, "x-forwarded-for": userContext.clientIp };
            }
            return request;
        };

        suite.scenario(
            "wrong passwords from one address lock that address only",
            { sdk: { recipeList: recipes, networkInterceptor } },
            async () => {
                const target = email("target");
                assert.equal((await EmailPassword.signUp("public", target, "Passw0rd-right")).status, "OK");
                const attacker = { clientIp: "198.51.100.23" };
                for (let i = 0; i < 3; i++) {
                    // A spray: a different account each time, so no account limit is reached.
                    const wrong = await EmailPassword.signIn("public", email("spray"), "Passw0rd-guess", undefined, attacker);
                    assert.equal(wrong.status, "WRONG_CREDENTIALS_ERROR");
                }
                const fromAttacker = await EmailPassword.signIn("public", target, "Passw0rd-right", undefined, {
                    clientIp: "198.51.100.23",
                });
                assert.equal(fromAttacker.status, "WRONG_CREDENTIALS_ERROR");
                const fromUser = await EmailPassword.signIn("public", target, "Passw0rd-right", undefined, {
                    clientIp: "203.0.113.5",
                });
                assert.equal(fromUser.status, "OK");
                const unknownAddress = await EmailPassword.signIn("public", target, "Passw0rd-right");
                assert.equal(unknownAddress.status, "OK");
            }
        );
    }
);
