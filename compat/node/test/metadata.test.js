"use strict";
// UserMetadata through the unchanged SDK: get, shallow-merge update, clear.

const assert = require("node:assert/strict");
const { randomUUID } = require("node:crypto");
const { describeOnEveryStorage } = require("../lib/harness");
const Session = require("supertokens-node/recipe/session");
const UserMetadata = require("supertokens-node/recipe/usermetadata");

const sdk = { recipeList: () => [UserMetadata.init(), Session.init()] };

describeOnEveryStorage("UserMetadata", {}, (suite) => {
    suite.scenario("a user without metadata has an empty object", { sdk }, async () => {
        assert.deepEqual(await UserMetadata.getUserMetadata(randomUUID()), { status: "OK", metadata: {} });
    });

    suite.scenario("updates merge shallowly, null deletes a key, and get returns the result", { sdk }, async () => {
        const userId = randomUUID();
        assert.deepEqual(
            await UserMetadata.updateUserMetadata(userId, { theme: "dark", prefs: { lang: "en" }, n: 1 }),
            { status: "OK", metadata: { theme: "dark", prefs: { lang: "en" }, n: 1 } }
        );
        const merged = await UserMetadata.updateUserMetadata(userId, { theme: null, prefs: { tz: "UTC" } });
        assert.deepEqual(merged, { status: "OK", metadata: { n: 1, prefs: { tz: "UTC" } } });
        // The replaced key moved to the end, as in the original.
        assert.deepEqual(Object.keys(merged.metadata), ["n", "prefs"]);
        assert.deepEqual(await UserMetadata.getUserMetadata(userId), merged);
    });

    suite.scenario("every JSON type round-trips", { sdk }, async () => {
        const userId = `any string: ${randomUUID()} ÄÖü`;
        const value = { s: "x", i: 42, d: -1.5, t: true, f: false, a: [1, "two", null, { three: 3 }], o: { deep: { er: [] } } };
        await UserMetadata.updateUserMetadata(userId, value);
        assert.deepEqual((await UserMetadata.getUserMetadata(userId)).metadata, value);
    });

    suite.scenario("clearUserMetadata removes everything, also when there was nothing", { sdk }, async () => {
        const userId = randomUUID();
        await UserMetadata.updateUserMetadata(userId, { a: 1 });
        assert.deepEqual(await UserMetadata.clearUserMetadata(userId), { status: "OK" });
        assert.deepEqual(await UserMetadata.getUserMetadata(userId), { status: "OK", metadata: {} });
        assert.deepEqual(await UserMetadata.clearUserMetadata(userId), { status: "OK" });
    });

    suite.scenario("concurrent updates of different keys all survive", { sdk }, async () => {
        const userId = randomUUID();
        const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
        await Promise.all(keys.map((key) => UserMetadata.updateUserMetadata(userId, { [key]: key })));
        const { metadata } = await UserMetadata.getUserMetadata(userId);
        assert.deepEqual(Object.keys(metadata).sort(), keys);
    });
});
