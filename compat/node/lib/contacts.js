"use strict";
// Fresh contact details for the scenarios, so that runs against a shared core never collide.

const crypto = require("node:crypto");

const unique = () => crypto.randomUUID().slice(0, 8);

/** A fresh email address, named for what it is for. */
const email = (name) => `${name}-${unique()}@example.com`;

/** A fresh UK mobile number as a user types it (with spaces) and in E.164, as the core stores it. */
function phone() {
    const digits = String(crypto.randomInt(100000)).padStart(5, "0");
    return { typed: ` +44 7700 9${digits.slice(0, 2)} ${digits.slice(2)}`, e164: `+4477009${digits}` };
}

module.exports = { unique, email, phone };
