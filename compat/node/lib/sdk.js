"use strict";
// Initialises the unchanged supertokens-node SDK against one core, and resets its global state.

// The SDK's reset functions refuse to run unless this is set; it changes nothing else it does.
process.env.TEST_MODE = "testing";

const fs = require("node:fs");
const path = require("node:path");
const supertokens = require("supertokens-node");
const SuperTokens = require("supertokens-node/lib/build/supertokens").default;
const { Querier } = require("supertokens-node/lib/build/querier");
const { ProcessState } = require("supertokens-node/lib/build/processState");
const Session = require("supertokens-node/recipe/session");

const APP_INFO = {
    appName: "authcore-compat",
    apiDomain: "http://api.authcore.test",
    websiteDomain: "http://web.authcore.test",
};

// Every recipe keeps a singleton; all of them are reset, not only those a scenario named, so a
// recipe that another one initialised behind the scenes cannot leak into the next scenario.
const RECIPE_DIR = path.join(path.dirname(require.resolve("supertokens-node/lib/build/supertokens")), "recipe");
const RECIPES = fs
    .readdirSync(RECIPE_DIR)
    .filter((name) => fs.existsSync(path.join(RECIPE_DIR, name, "recipe.js")))
    .map((name) => require(path.join(RECIPE_DIR, name, "recipe.js")).default)
    .filter((recipe) => recipe && typeof recipe.reset === "function");

/**
 * supertokens.init against a core.
 * options.apiKey: the api key the SDK sends (none when undefined).
 * options.recipeList: recipe init functions, or a function returning them (default: Session only,
 *   because the SDK requires at least one recipe).
 * options.connectionURI: overrides core.url (e.g. to add /appid-<id>, or several ;-separated cores).
 * options.networkInterceptor: the SDK's hook to see (and change) every request it sends to the core.
 * options.config: any further top-level supertokens.init fields.
 */
function initSdk(core, options = {}) {
    resetSdk();
    const recipeList =
        typeof options.recipeList === "function" ? options.recipeList() : options.recipeList || [Session.init()];
    supertokens.init({
        appInfo: APP_INFO,
        supertokens: {
            connectionURI: options.connectionURI || core.url,
            apiKey: options.apiKey,
            networkInterceptor: options.networkInterceptor,
        },
        recipeList,
        ...(options.config || {}),
    });
}

function resetSdk() {
    SuperTokens.reset(); // also resets the Querier (negotiated CDI version), OpenId, JWT, OAuth2Provider
    for (const recipe of RECIPES) {
        recipe.reset(); // Session's also forgets the cached JWKS
    }
    ProcessState.getInstance().reset();
}

/** The Querier the SDK's recipes use; rid is the recipe id it sends on recipe paths. */
function querier(rid) {
    return Querier.getNewInstanceOrThrowError(SuperTokens.getInstanceOrThrowError(), rid);
}

module.exports = { initSdk, resetSdk, querier, APP_INFO };
