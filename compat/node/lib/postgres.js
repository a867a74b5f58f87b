"use strict";
// The optional PostgreSQL storage: every core gets a database of its own on the server named by
// AUTHCORE_COMPAT_POSTGRES_URI, created before the core starts and dropped after it stopped.

const crypto = require("node:crypto");

const ENV = "AUTHCORE_COMPAT_POSTGRES_URI";

function configured() {
    return Boolean(process.env[ENV]);
}

function adminUri() {
    const uri = process.env[ENV];
    const parsed = new URL(uri);
    if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
        throw new Error(`${ENV} must be a postgresql://user:pass@host:port/db URI`);
    }
    return parsed;
}

async function withAdminClient(fn) {
    // Loaded only here, so the in-memory runs never need the driver.
    const { Client } = require("pg");
    const client = new Client({ connectionString: adminUri().toString() });
    await client.connect();
    try {
        return await fn(client);
    } finally {
        await client.end();
    }
}

/** Creates an empty database; returns {name, uri} where uri is what the core should be given. */
async function createDatabase() {
    const name = `authcore_compat_${crypto.randomBytes(6).toString("hex")}`;
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    const uri = adminUri();
    uri.pathname = `/${name}`;
    return { name, uri: uri.toString() };
}

async function dropDatabase(database) {
    try {
        await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${database.name}`));
    } catch (error) {
        // A leftover database is harmless; a failing cleanup must not hide the scenario's result.
        console.log(`# could not drop database ${database.name}: ${error.message}`);
    }
}

module.exports = { configured, createDatabase, dropDatabase, ENV };
