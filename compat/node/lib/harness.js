"use strict";
// Runs scenarios on every available storage. One core is started per describe block and storage;
// the SDK is initialised afresh for every scenario, because it keeps global state.

const { describe, it, before, after } = require("node:test");
const { startCore, storages, printStorageNotice } = require("./core");
const { initSdk, resetSdk } = require("./sdk");

/**
 * describeOnEveryStorage(title, {coreEnv}, (suite) => { suite.scenario(...) })
 *
 * coreEnv: environment variables for the core (its configuration, e.g. {API_KEYS: "..."}).
 * suite.scenario(name, {sdk, todo}, async ({core, t}) => {...}): one test. sdk = initSdk's options, a
 *   function of the core returning them, or false to leave the SDK uninitialised. todo = why the
 *   scenario is expected to fail for now (node:test's todo: it runs, a failure is reported, not counted).
 */
function describeOnEveryStorage(title, options, body) {
    printStorageNotice();
    for (const storage of storages()) {
        describe(`${title} [${storage}]`, () => {
            const suite = {
                core: undefined,
                scenario(name, scenarioOptions, fn) {
                    it(name, { todo: scenarioOptions.todo }, async (t) => {
                        const core = suite.core;
                        const firstLine = core.lines.length;
                        try {
                            const sdk =
                                typeof scenarioOptions.sdk === "function"
                                    ? scenarioOptions.sdk(core)
                                    : scenarioOptions.sdk;
                            if (sdk !== false) {
                                initSdk(core, sdk || {});
                            }
                            await fn({ core, t });
                        } catch (error) {
                            if (scenarioOptions.todo) {
                                throw error; // an expected failure: its message is enough
                            }
                            // The core's output is noise when all is well, and the first clue otherwise.
                            const lines = [...core.lines];
                            lines.splice(firstLine, 0, `----- "${name}" starts here -----`);
                            console.log(
                                `----- output of the core (${storage}, port ${core.port}) -----\n` +
                                    lines.join("\n") +
                                    "\n----- end of the core's output -----"
                            );
                            throw error;
                        } finally {
                            resetSdk();
                        }
                    });
                },
            };
            before(async () => {
                suite.core = await startCore({ storage, env: options.coreEnv });
            });
            after(async () => {
                if (suite.core) {
                    await suite.core.stop();
                }
            });
            body(suite);
        });
    }
}

module.exports = { describeOnEveryStorage };
