"use strict";
// The transport every recipe relies on: CDI negotiation, api keys, and /hello.

const assert = require("node:assert/strict");
const { describeOnEveryStorage } = require("../lib/harness");
const { querier, APP_INFO } = require("../lib/sdk");

const API_KEY = "compat-api-key-0123456789";
const SECOND_API_KEY = "compat-second-key-ABCDEFGHIJ=";

function recorder() {
    const requests = [];
    return {
        requests,
        networkInterceptor(request) {
            requests.push({ ...request, path: new URL(request.url).pathname });
            return request;
        },
    };
}

function apiKeyRejection(path) {
    return {
        message:
            `SuperTokens core threw an error for a GET request to path: '${path}'` +
            " with status code: 401 and message: Invalid API key\n",
    };
}

describeOnEveryStorage("CDI handshake without api keys", {}, (suite) => {
    const seen = recorder();

    suite.scenario(
        "the SDK negotiates CDI 5.4 through GET /apiversion",
        { sdk: { networkInterceptor: seen.networkInterceptor } },
        async () => {
            seen.requests.length = 0;
            assert.equal(await querier().getAPIVersion({}), "5.4");

            assert.equal(seen.requests.length, 1);
            const [handshake] = seen.requests;
            assert.equal(handshake.path, "/apiversion");
            assert.deepEqual(handshake.params, {
                apiDomain: APP_INFO.apiDomain,
                websiteDomain: APP_INFO.websiteDomain,
            });
            assert.equal(handshake.headers["api-key"], undefined);
        }
    );

    suite.scenario(
        "a request after the handshake carries cdi-version 5.4 and is accepted",
        { sdk: { networkInterceptor: seen.networkInterceptor } },
        async () => {
            seen.requests.length = 0;
            // /hello answers text, which the SDK hands back as a string.
            assert.equal(await querier().sendGetRequest("/hello", {}, {}), "Hello\n");
            assert.deepEqual(
                seen.requests.map((r) => [r.path, r.headers["cdi-version"]]),
                [
                    ["/apiversion", undefined],
                    ["/hello", "5.4"],
                ]
            );
        }
    );

    suite.scenario("an api key the core does not expect is ignored", { sdk: { apiKey: API_KEY } }, async () => {
        assert.equal(await querier().getAPIVersion({}), "5.4");
    });

    suite.scenario(
        "the SDK fails over from a core that refuses connections",
        { sdk: (core) => ({ connectionURI: `http://127.0.0.1:1;${core.url}` }) },
        async () => {
            assert.equal(await querier().getAPIVersion({}), "5.4");
            assert.equal(await querier().sendGetRequest("/hello", {}, {}), "Hello\n");
        }
    );

    suite.scenario("/hello answers Hello through plain fetch", { sdk: false }, async ({ core }) => {
        const response = await fetch(`${core.url}/hello`);
        assert.equal(response.status, 200);
        assert.equal(await response.text(), "Hello\n");
    });
});

describeOnEveryStorage("CDI handshake with api keys", { coreEnv: { API_KEYS: `${API_KEY},${SECOND_API_KEY}` } }, (suite) => {
    const seen = recorder();

    suite.scenario(
        "the SDK configured with the core's key negotiates and sends it",
        { sdk: { apiKey: API_KEY, networkInterceptor: seen.networkInterceptor } },
        async () => {
            seen.requests.length = 0;
            assert.equal(await querier().getAPIVersion({}), "5.4");
            assert.equal(await querier().sendGetRequest("/hello", {}, {}), "Hello\n");
            assert.deepEqual(
                seen.requests.map((r) => r.headers["api-key"]),
                [API_KEY, API_KEY]
            );
        }
    );

    suite.scenario("any one of several configured keys is accepted", { sdk: { apiKey: SECOND_API_KEY } }, async () => {
        assert.equal(await querier().getAPIVersion({}), "5.4");
    });

    suite.scenario("a wrong api key fails with 401 Invalid API key", { sdk: { apiKey: `${API_KEY}x` } }, async () => {
        await assert.rejects(querier().getAPIVersion({}), apiKeyRejection("/apiversion"));
    });

    suite.scenario("a missing api key fails with 401 Invalid API key", { sdk: {} }, async () => {
        await assert.rejects(querier().getAPIVersion({}), apiKeyRejection("/apiversion"));
        // Only a successful negotiation is cached, so the next call asks (and fails) again.
        await assert.rejects(querier().sendGetRequest("/hello", {}, {}), apiKeyRejection("/apiversion"));
    });

    suite.scenario("/hello needs no api key", { sdk: false }, async ({ core }) => {
        const response = await fetch(`${core.url}/hello`);
        assert.equal(response.status, 200);
        assert.equal(await response.text(), "Hello\n");
    });
});
