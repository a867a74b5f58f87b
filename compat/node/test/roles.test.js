"use strict";
// UserRoles through the unchanged SDK, and the st-role / st-perm claims its session validators use.

const assert = require("node:assert/strict");
const { randomUUID } = require("node:crypto");
const supertokens = require("supertokens-node");
const { describeOnEveryStorage } = require("../lib/harness");
const Session = require("supertokens-node/recipe/session");
const UserRoles = require("supertokens-node/recipe/userroles");

const sdk = { recipeList: () => [UserRoles.init(), Session.init()] };

/** A role name of its own per scenario: the scenarios of a block share one core. */
function fresh(name) {
    return `${name}-${randomUUID().slice(0, 8)}`;
}

function coreError(method, path, text) {
    return {
        message:
            `SuperTokens core threw an error for a ${method} request to path: '${path}'` +
            ` with status code: 400 and message: ${text}\n`,
    };
}

describeOnEveryStorage("UserRoles", {}, (suite) => {
    suite.scenario("roles are created once and gain permissions, which can be listed and removed", { sdk }, async () => {
        const role = fresh("admin");
        assert.deepEqual(await UserRoles.createNewRoleOrAddPermissions(role, ["read", "write"]), {
            status: "OK",
            createdNewRole: true,
        });
        assert.deepEqual(await UserRoles.createNewRoleOrAddPermissions(role, ["write", "delete"]), {
            status: "OK",
            createdNewRole: false,
        });
        const { status, permissions } = await UserRoles.getPermissionsForRole(role);
        assert.equal(status, "OK");
        assert.deepEqual([...permissions].sort(), ["delete", "read", "write"]);

        assert.deepEqual(await UserRoles.removePermissionsFromRole(role, ["write"]), { status: "OK" });
        assert.deepEqual((await UserRoles.getPermissionsForRole(role)).permissions.sort(), ["delete", "read"]);

        const holders = await UserRoles.getRolesThatHavePermission("read");
        assert.equal(holders.status, "OK");
        assert.ok(holders.roles.includes(role));
        assert.deepEqual(await UserRoles.getRolesThatHavePermission(fresh("unheld")), { status: "OK", roles: [] });
        assert.ok((await UserRoles.getAllRoles()).roles.includes(role));
    });

    suite.scenario("roles are given to users per tenant, listed both ways, and taken back", { sdk }, async () => {
        const role = fresh("member");
        const [alice, bob] = [randomUUID(), randomUUID()];
        await UserRoles.createNewRoleOrAddPermissions(role, []);
        assert.deepEqual(await UserRoles.addRoleToUser("public", alice, role), {
            status: "OK",
            didUserAlreadyHaveRole: false,
        });
        assert.deepEqual(await UserRoles.addRoleToUser("public", alice, role), {
            status: "OK",
            didUserAlreadyHaveRole: true,
        });
        await UserRoles.addRoleToUser("public", bob, role);
        assert.deepEqual(await UserRoles.getRolesForUser("public", alice), { status: "OK", roles: [role] });
        const users = await UserRoles.getUsersThatHaveRole("public", role);
        assert.equal(users.status, "OK");
        assert.deepEqual([...users.users].sort(), [alice, bob].sort());

        assert.deepEqual(await UserRoles.removeUserRole("public", alice, role), { status: "OK", didUserHaveRole: true });
        assert.deepEqual(await UserRoles.removeUserRole("public", alice, role), { status: "OK", didUserHaveRole: false });
        assert.deepEqual(await UserRoles.getRolesForUser("public", alice), { status: "OK", roles: [] });
    });

    suite.scenario("deleting a role takes it from every user", { sdk }, async () => {
        const [doomed, kept] = [fresh("doomed"), fresh("kept")];
        const user = randomUUID();
        for (const role of [doomed, kept]) {
            await UserRoles.createNewRoleOrAddPermissions(role, ["p"]);
            await UserRoles.addRoleToUser("public", user, role);
        }
        assert.deepEqual(await UserRoles.deleteRole(doomed), { status: "OK", didRoleExist: true });
        assert.deepEqual(await UserRoles.deleteRole(doomed), { status: "OK", didRoleExist: false });
        assert.deepEqual(await UserRoles.getRolesForUser("public", user), { status: "OK", roles: [kept] });
        assert.ok(!(await UserRoles.getAllRoles()).roles.includes(doomed));
    });

    suite.scenario("unknown roles answer UNKNOWN_ROLE_ERROR", { sdk }, async () => {
        const unknown = fresh("unknown");
        const expected = { status: "UNKNOWN_ROLE_ERROR" };
        assert.deepEqual(await UserRoles.addRoleToUser("public", "u", unknown), expected);
        assert.deepEqual(await UserRoles.removeUserRole("public", "u", unknown), expected);
        assert.deepEqual(await UserRoles.getUsersThatHaveRole("public", unknown), expected);
        assert.deepEqual(await UserRoles.getPermissionsForRole(unknown), expected);
        assert.deepEqual(await UserRoles.removePermissionsFromRole(unknown, ["p"]), expected);
    });

    suite.scenario("blank names are refused with the original's 400 texts", { sdk }, async () => {
        await assert.rejects(
            UserRoles.createNewRoleOrAddPermissions("  ", []),
            coreError("PUT", "/recipe/role", "Field name 'role' cannot be an empty String")
        );
        await assert.rejects(
            UserRoles.createNewRoleOrAddPermissions(fresh("r"), ["ok", " "]),
            coreError("PUT", "/recipe/role", "Field name 'permissions' cannot contain an empty string")
        );
        await assert.rejects(
            UserRoles.getRolesThatHavePermission(""),
            coreError("GET", "/recipe/permission/roles", "Field name 'permission' cannot be an empty String")
        );
    });
});

describeOnEveryStorage("UserRoles claims in the access token", {}, (suite) => {
    const seen = [];
    const recording = {
        recipeList: () => [UserRoles.init(), Session.init()],
        networkInterceptor(request) {
            seen.push(`${request.method.toUpperCase()} ${new URL(request.url).pathname}`);
            return request;
        },
    };

    async function userWithRole(permissions) {
        const role = fresh("editor");
        const userId = randomUUID();
        await UserRoles.createNewRoleOrAddPermissions(role, permissions);
        await UserRoles.addRoleToUser("public", userId, role);
        return { role, userId };
    }

    suite.scenario("a new session carries st-role and st-perm, fetched from the core first", { sdk: recording }, async () => {
        const { role, userId } = await userWithRole(["read", "write"]);
        seen.length = 0;
        const session = await Session.createNewSessionWithoutRequestResponse(
            "public",
            supertokens.convertToRecipeUserId(userId)
        );
        const payload = session.getAccessTokenPayload();
        assert.deepEqual(payload["st-role"].v, [role]);
        assert.deepEqual([...payload["st-perm"].v].sort(), ["read", "write"]);
        assert.equal(typeof payload["st-role"].t, "number");
        // Both claims ask for the user's roles; the SDK's GET cache sends that once.
        assert.deepEqual(seen, [
            "GET /user/id",
            "GET /public/recipe/user/roles",
            "GET /recipe/role/permissions",
            "POST /public/recipe/session",
        ]);
    });

    suite.scenario("the SDK's validators accept held roles and permissions and reject others", { sdk }, async () => {
        const { role, userId } = await userWithRole(["read"]);
        const session = await Session.createNewSessionWithoutRequestResponse(
            "public",
            supertokens.convertToRecipeUserId(userId)
        );
        const verified = await Session.getSessionWithoutRequestResponse(session.getAccessToken(), undefined, {
            overrideGlobalClaimValidators: () => [
                UserRoles.UserRoleClaim.validators.includes(role),
                UserRoles.PermissionClaim.validators.includes("read"),
            ],
        });
        assert.equal(verified.getUserId(), userId);

        await assert.rejects(
            Session.getSessionWithoutRequestResponse(session.getAccessToken(), undefined, {
                overrideGlobalClaimValidators: () => [UserRoles.PermissionClaim.validators.includes("write")],
            }),
            (error) => {
                assert.equal(error.type, "INVALID_CLAIMS");
                assert.deepEqual(error.payload, [
                    {
                        id: "st-perm",
                        reason: { message: "wrong value", expectedToInclude: "write", actualValue: ["read"] },
                    },
                ]);
                return true;
            }
        );
    });

    suite.scenario("a role given after sign-in reaches the token when the claim is fetched again", { sdk }, async () => {
        const userId = randomUUID();
        const session = await Session.createNewSessionWithoutRequestResponse(
            "public",
            supertokens.convertToRecipeUserId(userId)
        );
        assert.deepEqual(session.getAccessTokenPayload()["st-role"].v, []);
        assert.deepEqual(session.getAccessTokenPayload()["st-perm"].v, []);
        const handle = session.getHandle();

        const role = fresh("late");
        await UserRoles.createNewRoleOrAddPermissions(role, ["late-perm"]);
        await UserRoles.addRoleToUser("public", userId, role);
        const before = await Session.validateClaimsForSessionHandle(handle, () => [
            UserRoles.UserRoleClaim.validators.includes(role),
        ]);
        assert.equal(before.status, "OK");
        assert.equal(before.invalidClaims.length, 1);
        assert.equal(before.invalidClaims[0].id, "st-role");

        assert.equal(await Session.fetchAndSetClaim(handle, UserRoles.UserRoleClaim), true);
        assert.equal(await Session.fetchAndSetClaim(handle, UserRoles.PermissionClaim), true);
        const after = await Session.validateClaimsForSessionHandle(handle, () => [
            UserRoles.UserRoleClaim.validators.includes(role),
            UserRoles.PermissionClaim.validators.includes("late-perm"),
        ]);
        assert.deepEqual(after, { status: "OK", invalidClaims: [] });
    });
});
