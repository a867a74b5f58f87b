"use strict";
// User management in supertokens-node 24.0.3 against Authcore: getUser, listUsersByAccountInfo,
// paging newest and oldest first, counting, deleting.

const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const { describeOnEveryStorage } = require("../lib/harness");

const sdk = { recipeList: () => [Session.init(), EmailPassword.init()] };

async function signUp(name) {
    const address = `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const result = await EmailPassword.signUp("public", address, "Passw0rd-users");
    assert.equal(result.status, "OK");
    return result.user;
}

async function allPages(fetchPage, limit) {
    const pages = [];
    let paginationToken;
    do {
        const page = await fetchPage({ tenantId: "public", limit, paginationToken });
        pages.push(page.users.map((u) => u.id));
        paginationToken = page.nextPaginationToken;
    } while (paginationToken !== undefined);
    return pages;
}

function rejection(path, text) {
    return (error) => {
        assert.match(error.message, new RegExp(`path: '${path}' with status code: 400`));
        assert.ok(error.message.includes(text), error.message);
        return true;
    };
}

describeOnEveryStorage("User management", {}, (suite) => {
    suite.scenario("getUser and listUsersByAccountInfo return the same user", { sdk }, async () => {
        const user = await signUp("lookup");
        const found = await supertokens.getUser(user.id);
        assert.equal(found.id, user.id);
        assert.deepEqual(found.toJson(), user.toJson());
        assert.equal(await supertokens.getUser(crypto.randomUUID()), undefined);

        const byEmail = await supertokens.listUsersByAccountInfo("public", { email: user.emails[0].toUpperCase() });
        assert.deepEqual(
            byEmail.map((u) => u.id),
            [user.id]
        );
        assert.deepEqual(await supertokens.listUsersByAccountInfo("public", { email: "nobody@example.com" }), []);
        const union = await supertokens.listUsersByAccountInfo(
            "public",
            { email: user.emails[0], phoneNumber: "+15550100" },
            true
        );
        assert.deepEqual(
            union.map((u) => u.id),
            [user.id]
        );
    });

    suite.scenario("pages oldest first and newest first, counts, deletes", { sdk }, async () => {
        // A fresh count: other scenarios of this block ran on the same core.
        const before = await supertokens.getUserCount();
        const ids = [];
        for (const name of ["p1", "p2", "p3", "p4", "p5"]) {
            ids.push((await signUp(name)).id);
        }
        assert.equal(await supertokens.getUserCount(), before + 5);
        assert.equal(await supertokens.getUserCount(["emailpassword"], "public"), before + 5);
        assert.equal(await supertokens.getUserCount(["thirdparty"]), 0);

        const oldest = (await allPages((input) => supertokens.getUsersOldestFirst(input), 2)).flat();
        assert.deepEqual(oldest.slice(-5), ids);
        const newestPages = await allPages((input) => supertokens.getUsersNewestFirst(input), 2);
        assert.ok(newestPages.every((page) => page.length <= 2));
        assert.deepEqual(newestPages.flat().slice(0, 5), [...ids].reverse());

        assert.deepEqual(await supertokens.deleteUser(ids[0]), { status: "OK" });
        assert.equal(await supertokens.getUser(ids[0]), undefined);
        assert.equal(await supertokens.getUserCount(), before + 4);
        const remaining = (await supertokens.getUsersOldestFirst({ tenantId: "public", limit: 500 })).users;
        assert.ok(!remaining.some((u) => u.id === ids[0]));
        assert.deepEqual(await supertokens.deleteUser(ids[0]), { status: "OK" });
    });

    suite.scenario("bad paging input gets the core's texts", { sdk }, async () => {
        await assert.rejects(
            supertokens.getUsersOldestFirst({ tenantId: "public", limit: 0 }),
            rejection("/public/users", "limit must a positive integer with min value 1")
        );
        await assert.rejects(
            supertokens.getUsersNewestFirst({ tenantId: "public", paginationToken: "bm90LWEtdG9rZW4=" }),
            rejection("/public/users", "invalid pagination token")
        );
    });

    suite.scenario("dashboard search through the users query", { sdk }, async () => {
        const user = await signUp("searchable");
        const found = await supertokens.getUsersNewestFirst({
            tenantId: "public",
            query: { email: user.emails[0].slice(0, 14) },
        });
        assert.deepEqual(
            found.users.map((u) => u.id),
            [user.id]
        );
        assert.equal(found.nextPaginationToken, undefined);
    });
});
