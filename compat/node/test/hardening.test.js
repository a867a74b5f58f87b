"use strict";
// What issue 16 changed, as the SDK sees it: a sign-in flood answered 429 and retried by the SDK,
// an IP filter's 403, long passwords, over-long ids, and /health/live.

const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const { describeOnEveryStorage } = require("../lib/harness");

function email(name) {
    return `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

const recipes = () => [Session.init(), EmailPassword.init()];

describeOnEveryStorage(
    "Sign-in flood",
    // A wait of 1 ms lets in only as many sign-ins as can hash at once; the rest get 429. The abuse
    // limit on failed sign-ins (limits.test.js) is off: it would lock the account after ten.
    {
        coreEnv: {
            PASSWORD_HASHING_MAX_WAIT_MS: "1",
            BCRYPT_LOG_ROUNDS: "8",
            ABUSE_SIGN_IN_FAILURES_PER_ACCOUNT: "0",
        },
    },
    (suite) => {
        const signins = [];
        const networkInterceptor = (request) => {
            if (new URL(request.url).pathname.endsWith("/recipe/signin")) {
                signins.push(request);
            }
            return request;
        };

        suite.scenario(
            "the SDK retries the 429s and every sign-in ends in an answer or the SDK's 429 error",
            { sdk: { recipeList: recipes, networkInterceptor } },
            async () => {
                const address = email("flood");
                assert.equal((await EmailPassword.signUp("public", address, "Passw0rd-flood")).status, "OK");
                signins.length = 0;
                const outcomes = await Promise.allSettled(
                    Array.from({ length: 30 }, () => EmailPassword.signIn("public", address, "Wrong-passw0rd"))
                );
                let answered = 0;
                for (const outcome of outcomes) {
                    if (outcome.status === "fulfilled") {
                        assert.deepEqual(outcome.value, { status: "WRONG_CREDENTIALS_ERROR" });
                        answered++;
                    } else {
                        assert.match(
                            outcome.reason.message,
                            /status code: 429 and message: Too many requests: password hashing is saturated/
                        );
                    }
                }
                assert.ok(answered > 0, "no sign-in was answered");
                assert.ok(signins.length > 30, `the SDK sent ${signins.length} sign-ins for 30: no retries`);

                // Once the flood is over, a sign-in goes through at the first attempt.
                const ok = await EmailPassword.signIn("public", address, "Passw0rd-flood");
                assert.equal(ok.status, "OK");
            }
        );
    }
);

describeOnEveryStorage(
    "IP filter",
    { coreEnv: { IP_DENY_REGEX: "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1" } },
    (suite) => {
        suite.scenario("a denied address gets 403 through the SDK", { sdk: { recipeList: recipes } }, async () => {
            await assert.rejects(
                EmailPassword.signIn("public", email("denied"), "Passw0rd-1"),
                /status code: 403 and message: Forbidden/
            );
        });
    }
);

describeOnEveryStorage("Limits the SDK runs into", {}, (suite) => {
    suite.scenario(
        "a password over 72 bytes signs in, and its first 72 bytes do not",
        { sdk: { recipeList: recipes } },
        async () => {
            const address = email("long");
            const password = "Passw0rd-" + "x".repeat(70) + "-the-end";
            assert.equal((await EmailPassword.signUp("public", address, password)).status, "OK");
            assert.equal((await EmailPassword.signIn("public", address, password)).status, "OK");
            const cut = Buffer.from(password).subarray(0, 72).toString();
            assert.deepEqual(await EmailPassword.signIn("public", address, cut), {
                status: "WRONG_CREDENTIALS_ERROR",
            });
        }
    );

    suite.scenario("a user id over 128 characters is a 400 naming the field", { sdk: {} }, async () => {
        await assert.rejects(
            Session.createNewSessionWithoutRequestResponse("public", supertokens.convertToRecipeUserId("u".repeat(129))),
            /status code: 400 and message: Field name 'userId' cannot be longer than 128 characters/
        );
    });

    suite.scenario("/health/live answers without a key", { sdk: false }, async ({ core }) => {
        const reply = await fetch(`${core.url}/health/live`);
        assert.equal(reply.status, 200);
        assert.equal(await reply.text(), "Alive\n");
    });
});
