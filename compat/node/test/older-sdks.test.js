"use strict";
// Apps pinned to older supertokens-node majors, each speaking its one CDI version, against the same
// core: email-password sign up and in, roles, metadata, a session created, verified (locally and in
// the core) and refreshed, the users list; third-party users signed in and up server-side (created,
// signed in again, their email changed, found by id, email, third-party info and in the users list);
// from 16 on, manual account linking (an email-password user made primary, a third-party user linked
// to it and read through either id, then unlinked); passwordless users through the server-side
// functions (a code by email entered wrong once then right, a sign-up by a phone number typed with
// spaces and stored in E.164, codes listed and revoked, a sign-in to the same user, the phone number
// changed and a taken one refused); and every call carried the CDI version that major speaks.
//
// Each major runs in a child process of its own (lib/older-sdks/child.js): the SDK keeps its recipes
// and the negotiated version in module-level singletons, and several of them in one process would
// have to be trusted not to share any. The scenarios are written against each era's own API:
// before multitenancy (14), multitenancy without account linking (15), account linking (16 on), and
// third party and passwordless before linking (14: ThirdParty.signInUp and tenantless Passwordless
// calls, 15: manuallyCreateOrUpdateUser and Passwordless calls with a tenant, old-style users,
// createdNewUser, updateUser by userId) or with it (16 on: manuallyCreateOrUpdateUser with isVerified,
// account-linking users, createdNewRecipeUser, updateUser by recipeUserId); 15 to 18 also manage a
// tenant through the deprecated v1 tenant endpoints. 23 (CDI 5.3) also signs a passkey user up and in
// with its WebAuthn recipe.

const { spawn } = require("node:child_process");
const path = require("node:path");
const { describeOnEveryStorage } = require("../lib/harness");

const CHILD = path.join(__dirname, "..", "lib", "older-sdks", "child.js");
const CHILD_TIMEOUT_MS = 60000;

// One release per CDI version: the newest of one major speaking it (package.json's aliases). Third
// party and passwordless users are signed in and up the old way before account linking, the
// account-linking way from 16 on, where the app also links accounts by hand.
const BEFORE_LINKING = "thirdparty-before-linking+passwordless-before-linking";
const LINKING = "thirdparty-linking+manual-linking+passwordless-linking";
const MAJORS = [
    { sdk: "supertokens-node-14", release: "14.1.4", cdi: "2.21", scenario: `before-multitenancy+${BEFORE_LINKING}` },
    { sdk: "supertokens-node-15", release: "15.2.3", cdi: "3.0", scenario: `multitenancy+v1-tenants+${BEFORE_LINKING}` },
    { sdk: "supertokens-node-16", release: "16.7.6", cdi: "4.0", scenario: `account-linking+v1-tenants+${LINKING}` },
    { sdk: "supertokens-node-18", release: "18.0.1", cdi: "5.0", scenario: `account-linking+v1-tenants+${LINKING}` },
    { sdk: "supertokens-node-20", release: "20.1.7", cdi: "5.1", scenario: `account-linking+${LINKING}` },
    { sdk: "supertokens-node-21", release: "21.1.2", cdi: "5.2", scenario: `account-linking+${LINKING}` },
    { sdk: "supertokens-node-23", release: "23.1.0", cdi: "5.3", scenario: `account-linking+${LINKING}+webauthn` },
];

// What each scenario module shows, for the scenario's title.
const COVERS = {
    "before-multitenancy": "email-password, roles, metadata, session, users",
    multitenancy: "email-password, roles, metadata, session, users",
    "account-linking": "email-password, roles, metadata, session, users",
    "v1-tenants": "v1 tenants",
    "thirdparty-before-linking": "third party",
    "thirdparty-linking": "third party",
    "manual-linking": "manual account linking",
    "passwordless-before-linking": "passwordless",
    "passwordless-linking": "passwordless",
    webauthn: "passkeys",
};

const covers = (major) => major.scenario.split("+").map((part) => COVERS[part]).join(", ");

function runChild(major, coreUrl) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CHILD, major.sdk, major.cdi, major.scenario, coreUrl], {
            stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            if (code === 0) {
                resolve();
            } else {
                reject(new Error(`supertokens-node ${major.release} (exit ${code ?? signal}):\n${output}`));
            }
        });
    });
}

describeOnEveryStorage("older supertokens-node majors", {}, (suite) => {
    for (const major of MAJORS) {
        suite.scenario(
            `supertokens-node ${major.release} (CDI ${major.cdi}): ${covers(major)}`,
            { sdk: false },
            async ({ core }) => runChild(major, core.url)
        );
    }
});
