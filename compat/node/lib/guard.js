"use strict";
// Runs one core (the command line after this script) and kills it as soon as the test process that
// started it is gone, however abruptly it went: that process holds our stdin open, and the system
// closes it when the process dies. Without this, a killed test run leaves cores running.

const { spawn } = require("node:child_process");

const [command, ...args] = process.argv.slice(2);
const core = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"] });

core.on("error", (error) => {
    console.error(`cannot run ${command}: ${error.message}`);
    process.exit(127);
});
core.on("exit", (code, signal) => process.exit(code === null ? 128 + 15 : code));

process.on("SIGTERM", () => core.kill("SIGTERM"));
process.on("SIGINT", () => core.kill("SIGINT"));
process.stdin.on("close", () => core.kill("SIGKILL"));
process.stdin.resume();
