"use strict";
// Starts the packaged Authcore jar as a real child process, one per call, on a free port.

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const postgres = require("./postgres");

const STARTED_PREFIX = "Started SuperTokens on";
const START_TIMEOUT_MS = Number(process.env.AUTHCORE_COMPAT_START_TIMEOUT_MS || 60000);
const STOP_TIMEOUT_MS = 15000;
const HOST = "127.0.0.1";
const GUARD = path.join(__dirname, "guard.js");
// A core somebody else started (e.g. the original, to check that a scenario itself is right): every
// block then runs against it, once, instead of starting jars; their coreEnv cannot be applied.
const EXTERNAL_CORE_ENV = "AUTHCORE_COMPAT_CORE_URL";

// Configuration the developer's shell may carry must not leak into a core: each scenario states
// the configuration it needs.
const INHERITED_CONFIG = /^(API_KEYS|POSTGRESQL_.*|SUPERTOKENS_.*|CORE_CONFIG_VERSION)$/;

function jarPath() {
    const jar = process.env.AUTHCORE_JAR;
    if (!jar) {
        throw new Error("AUTHCORE_JAR is not set: point it at target/authcore.jar (./mvnw -DskipTests package)");
    }
    const absolute = path.resolve(jar);
    if (!fs.existsSync(absolute)) {
        throw new Error(`AUTHCORE_JAR=${jar} does not exist: build it with ./mvnw -DskipTests package`);
    }
    return absolute;
}

function javaExecutable() {
    return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.unref();
        server.on("error", reject);
        server.listen(0, HOST, () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/** The storages every scenario runs on: in-memory always, PostgreSQL when a server is given; or the external core. */
function storages() {
    if (process.env[EXTERNAL_CORE_ENV]) {
        return ["external"];
    }
    const list = ["memory"];
    if (postgres.configured()) {
        list.push("postgresql");
    }
    return list;
}

let noticePrinted = false;
function printStorageNotice() {
    if (noticePrinted) {
        return;
    }
    noticePrinted = true;
    if (process.env[EXTERNAL_CORE_ENV]) {
        console.log(
            `NOTICE: every block runs against the core at ${process.env[EXTERNAL_CORE_ENV]} (${EXTERNAL_CORE_ENV}); ` +
                "no jar is started and no block's coreEnv is applied"
        );
    } else if (!postgres.configured()) {
        console.log(
            "NOTICE: PostgreSQL scenarios skipped: set AUTHCORE_COMPAT_POSTGRES_URI=postgresql://user:pass@host:port/db to run them"
        );
    }
}

/** A core this process did not start: nothing to stop, no output to show. */
class ExternalCore {
    constructor(url) {
        this.url = url.replace(/\/+$/, "");
        this.port = Number(new URL(this.url).port);
        this.storage = "external";
        this.lines = [];
    }

    output() {
        return "";
    }

    async stop() {}
}

class Core {
    constructor(child, port, storage, database) {
        this.child = child;
        this.port = port;
        this.storage = storage;
        this.database = database;
        this.url = `http://${HOST}:${port}`;
        this.lines = [];
        // "close" rather than "exit": it comes after the last output line was read.
        this.exited = new Promise((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
    }

    /** Everything the core printed so far, stdout and stderr interleaved as they arrived. */
    output() {
        return this.lines.join("\n");
    }

    async stop() {
        if (this.child.exitCode === null && this.child.signalCode === null) {
            this.child.kill("SIGTERM");
            // Closing the guard's stdin makes it kill the core outright.
            const timer = setTimeout(() => this.child.stdin.end(), STOP_TIMEOUT_MS);
            await this.exited;
            clearTimeout(timer);
        }
        if (this.database) {
            await postgres.dropDatabase(this.database);
        }
    }
}

/**
 * Starts a core and resolves once it printed its "Started SuperTokens on" line.
 * options.env: extra environment variables (the core's config, e.g. {API_KEYS: "..."}).
 * options.storage: "memory" (default), "postgresql" (a fresh database on AUTHCORE_COMPAT_POSTGRES_URI) or
 *   "external" (the core at AUTHCORE_COMPAT_CORE_URL, left running).
 * options.testMode: pass test_mode on the command line (default true).
 */
async function startCore(options = {}) {
    if (options.storage === "external") {
        return new ExternalCore(process.env[EXTERNAL_CORE_ENV]);
    }
    // The free port may be taken between our probe and the core's bind; try another then.
    for (let attempt = 1; ; attempt++) {
        try {
            return await startOnce(options);
        } catch (error) {
            if (attempt >= 3 || !/already in use|BindException/i.test(error.message)) {
                throw error;
            }
        }
    }
}

async function startOnce(options) {
    const storage = options.storage || "memory";
    const env = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (!INHERITED_CONFIG.test(key)) {
            env[key] = value;
        }
    }
    let database;
    if (storage === "postgresql") {
        database = await postgres.createDatabase();
        env.POSTGRESQL_CONNECTION_URI = database.uri;
    } else if (storage !== "memory") {
        throw new Error(`unknown storage ${storage}`);
    }
    Object.assign(env, options.env || {});

    const port = await freePort();
    const args = [
        ...(process.env.AUTHCORE_COMPAT_JAVA_OPTS || "").split(/\s+/).filter(Boolean),
        "-jar",
        jarPath(),
        "start",
        "--foreground",
        `--host=${HOST}`,
        `--port=${port}`,
    ];
    if (options.testMode !== false) {
        args.push("test_mode");
    }
    // An empty working directory, so no config.yaml lying around is picked up.
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "authcore-compat-"));
    const child = spawn(process.execPath, [GUARD, javaExecutable(), ...args], {
        cwd,
        env,
        stdio: ["pipe", "pipe", "pipe"], // the guard's stdin stays open while this process lives
    });
    const core = new Core(child, port, storage, database);
    core.exited.then(() => fs.rmSync(cwd, { recursive: true, force: true }));

    await new Promise((resolve, reject) => {
        let settled = false;
        const settle = (error) => {
            if (!settled) {
                settled = true;
                clearTimeout(timer);
                error ? reject(error) : resolve();
            }
        };
        const timer = setTimeout(
            () => settle(new Error(`core did not start within ${START_TIMEOUT_MS} ms:\n${core.output()}`)),
            START_TIMEOUT_MS
        );
        const collect = (stream) => {
            let pending = "";
            stream.setEncoding("utf8");
            stream.on("data", (chunk) => {
                pending += chunk;
                let newline;
                while ((newline = pending.indexOf("\n")) >= 0) {
                    const line = pending.slice(0, newline);
                    pending = pending.slice(newline + 1);
                    core.lines.push(line);
                    if (line.startsWith(STARTED_PREFIX)) {
                        settle();
                    }
                }
            });
            stream.on("end", () => pending && core.lines.push(pending));
        };
        collect(child.stdout);
        collect(child.stderr);
        core.exited.then(({ code, signal }) =>
            settle(new Error(`core exited (code ${code}, signal ${signal}) before starting:\n${core.output()}`))
        );
    }).catch(async (error) => {
        await core.stop();
        throw error;
    });
    return core;
}

/**
 * Whether the core under test is the original SuperTokens core 11.4.7, run by hand through
 * AUTHCORE_COMPAT_CORE_URL to check the scenarios: it offers CDI versions up to 5.4 only, where
 * Authcore also offers 5.5 and 5.6. Scenarios ask it only where Authcore differs on purpose.
 */
async function isOriginalCore(core) {
    if (core.storage !== "external") {
        return false;
    }
    const answer = await fetch(`${core.url}/apiversion`);
    return !(await answer.json()).versions.includes("5.5");
}

module.exports = { startCore, storages, printStorageNotice, isOriginalCore };
