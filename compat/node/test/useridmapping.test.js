"use strict";
// User-id mapping in supertokens-node 24.0.3 against Authcore: mapped ids show wherever the SDK
// reads a user, and the mapping functions answer as the original core does.

const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const { describeOnEveryStorage } = require("../lib/harness");

const sdk = { recipeList: () => [Session.init(), EmailPassword.init()] };

async function signUp(name) {
    const address = `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const result = await EmailPassword.signUp("public", address, "Passw0rd-map");
    assert.equal(result.status, "OK");
    return { id: result.user.id, email: address };
}

describeOnEveryStorage("User-id mapping", {}, (suite) => {
    suite.scenario("create, read both ways, update the info, delete", { sdk }, async () => {
        const user = await signUp("mapped");
        const external = `ext-${crypto.randomUUID()}`;
        assert.deepEqual(
            await supertokens.createUserIdMapping({
                superTokensUserId: user.id,
                externalUserId: external,
                externalUserIdInfo: "from the old system",
            }),
            { status: "OK" }
        );
        const expected = {
            status: "OK",
            superTokensUserId: user.id,
            externalUserId: external,
            externalUserIdInfo: "from the old system",
        };
        assert.deepEqual(await supertokens.getUserIdMapping({ userId: user.id, userIdType: "SUPERTOKENS" }), expected);
        assert.deepEqual(await supertokens.getUserIdMapping({ userId: external, userIdType: "EXTERNAL" }), expected);
        assert.deepEqual(await supertokens.getUserIdMapping({ userId: external }), expected);

        // The SDK now sees the external id everywhere.
        const byId = await supertokens.getUser(external);
        assert.equal(byId.id, external);
        assert.equal(byId.loginMethods[0].recipeUserId.getAsString(), external);
        const signedIn = await EmailPassword.signIn("public", user.email, "Passw0rd-map");
        assert.equal(signedIn.user.id, external);
        assert.equal(signedIn.recipeUserId.getAsString(), external);
        const listed = await supertokens.listUsersByAccountInfo("public", { email: user.email });
        assert.equal(listed[0].id, external);

        assert.deepEqual(
            await supertokens.updateOrDeleteUserIdMappingInfo({ userId: external, userIdType: "EXTERNAL" }),
            { status: "OK" }
        );
        const { externalUserIdInfo, ...withoutInfo } = expected;
        assert.equal(externalUserIdInfo, "from the old system");
        assert.deepEqual(await supertokens.getUserIdMapping({ userId: user.id }), withoutInfo);

        assert.deepEqual(await supertokens.deleteUserIdMapping({ userId: external }), {
            status: "OK",
            didMappingExist: true,
        });
        assert.deepEqual(await supertokens.getUserIdMapping({ userId: user.id }), {
            status: "UNKNOWN_MAPPING_ERROR",
        });
        assert.equal((await supertokens.getUser(user.id)).id, user.id);
    });

    suite.scenario("conflicts and unknown users", { sdk }, async () => {
        const first = await signUp("first");
        const second = await signUp("second");
        const external = `ext-${crypto.randomUUID()}`;
        await supertokens.createUserIdMapping({ superTokensUserId: first.id, externalUserId: external });
        assert.deepEqual(await supertokens.createUserIdMapping({ superTokensUserId: second.id, externalUserId: external }), {
            status: "USER_ID_MAPPING_ALREADY_EXISTS_ERROR",
            doesSuperTokensUserIdExist: false,
            doesExternalUserIdExist: true,
        });
        assert.deepEqual(
            await supertokens.createUserIdMapping({ superTokensUserId: crypto.randomUUID(), externalUserId: "x" }),
            { status: "UNKNOWN_SUPERTOKENS_USER_ID_ERROR" }
        );
        assert.deepEqual(await supertokens.updateOrDeleteUserIdMappingInfo({ userId: "nobody", externalUserIdInfo: "i" }), {
            status: "UNKNOWN_MAPPING_ERROR",
        });
    });

    suite.scenario("an id with a live session is refused unless forced", { sdk }, async () => {
        const user = await signUp("session");
        await Session.createNewSessionWithoutRequestResponse(
            "public",
            supertokens.convertToRecipeUserId(user.id)
        );
        await assert.rejects(
            supertokens.createUserIdMapping({ superTokensUserId: user.id, externalUserId: `ext-${crypto.randomUUID()}` }),
            (error) => {
                assert.ok(error.message.includes("UserId is already in use in Session recipe"), error.message);
                return true;
            }
        );
        assert.deepEqual(
            await supertokens.createUserIdMapping({
                superTokensUserId: user.id,
                externalUserId: `ext-${crypto.randomUUID()}`,
                force: true,
            }),
            { status: "OK" }
        );
    });

    suite.scenario("a session made with either id of a mapped user belongs to its external id", { sdk }, async () => {
        const user = await signUp("either");
        const external = `ext-${crypto.randomUUID()}`;
        await supertokens.createUserIdMapping({ superTokensUserId: user.id, externalUserId: external });
        const handles = [];
        for (const given of [user.id, external]) {
            const session = await Session.createNewSessionWithoutRequestResponse(
                "public",
                supertokens.convertToRecipeUserId(given)
            );
            assert.equal(session.getUserId(), external, `created with ${given}`);
            assert.equal(session.getRecipeUserId().getAsString(), external, `created with ${given}`);
            const refreshed = await Session.refreshSessionWithoutRequestResponse(
                session.getAllSessionTokensDangerously().refreshToken
            );
            assert.equal(refreshed.getUserId(), external, `refreshed, created with ${given}`);
            handles.push(session.getHandle());
        }
        assert.deepEqual((await Session.getAllSessionHandlesForUser(external)).sort(), handles.sort());
    });

    suite.scenario("deleting a mapped user by its external id removes it", { sdk }, async () => {
        const user = await signUp("delete");
        const external = `ext-${crypto.randomUUID()}`;
        await supertokens.createUserIdMapping({ superTokensUserId: user.id, externalUserId: external });
        assert.deepEqual(await supertokens.deleteUser(external), { status: "OK" });
        assert.equal(await supertokens.getUser(external), undefined);
        assert.equal(await supertokens.getUser(user.id), undefined);
        assert.deepEqual(await supertokens.getUserIdMapping({ userId: external }), { status: "UNKNOWN_MAPPING_ERROR" });
        const again = await EmailPassword.signUp("public", user.email, "Passw0rd-map");
        assert.equal(again.status, "OK");
    });
});
