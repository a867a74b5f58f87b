"use strict";
// An app on supertokens-node 15 to 18 (CDI 3.0 to 5.0) that manages its tenants itself: those majors
// create and update a tenant through the deprecated v1 endpoint (PUT /recipe/multitenancy/tenant,
// with recipe switches), read it back through the v1 reads, and sign a user up in it.

const assert = require("node:assert/strict");
const crypto = require("node:crypto");

module.exports = async function ({ EmailPassword, Multitenancy }, app) {
    const tenantId = `older-${crypto.randomUUID().slice(0, 8)}`;
    assert.deepEqual(await Multitenancy.createOrUpdateTenant(tenantId, { emailPasswordEnabled: true }), {
        status: "OK",
        createdNew: true,
    });
    assert.deepEqual(
        await Multitenancy.createOrUpdateTenant(tenantId, {
            passwordlessEnabled: false,
            coreConfig: { password_reset_token_lifetime: 1000 },
        }),
        { status: "OK", createdNew: false }
    );

    // A tenant created through v1 starts with every recipe off; the switch sent turned one on.
    const tenant = await Multitenancy.getTenant(tenantId);
    assert.equal(tenant.status, "OK");
    assert.deepEqual(tenant.emailPassword, { enabled: true });
    assert.deepEqual(tenant.thirdParty, { enabled: false, providers: [] });
    assert.deepEqual(tenant.passwordless, { enabled: false });
    assert.deepEqual(tenant.coreConfig, { password_reset_token_lifetime: 1000 });
    assert.equal(await Multitenancy.getTenant(`${tenantId}-none`), undefined);

    const listed = (await Multitenancy.listAllTenants()).tenants.find((t) => t.tenantId === tenantId);
    assert.deepEqual(listed.emailPassword, { enabled: true });
    assert.deepEqual(listed.passwordless, { enabled: false });

    const email = `tenant-${app.email}`;
    const signedUp = await EmailPassword.signUp(tenantId, email, app.password);
    assert.equal(signedUp.status, "OK");
    assert.deepEqual(signedUp.user.tenantIds, [tenantId]);
    assert.equal((await EmailPassword.signIn(tenantId, email, app.password)).status, "OK");
    assert.equal((await EmailPassword.signIn("public", email, app.password)).status, "WRONG_CREDENTIALS_ERROR");

    assert.deepEqual(await Multitenancy.deleteTenant(tenantId), { status: "OK", didExist: true });
};
