"use strict";
// A tiny backend: a node http server that hands every request to the SDK's middleware (its "custom" framework
// adapter), as an app's backend does, so that the SDK's own API handlers (the dashboard's sign-in, for one) can be
// driven over HTTP as a browser would. Requests the SDK does not handle get a 404.

const http = require("node:http");
const { middleware, PreParsedRequest, CollectingResponse } = require("supertokens-node/framework/custom");

/** Starts the server on a free loopback port; resolves to { url, close() }. */
async function startSdkServer() {
    const handle = middleware(
        (req) => req,
        (res) => res
    );
    const server = http.createServer(async (req, res) => {
        const chunks = [];
        for await (const chunk of req) {
            chunks.push(chunk);
        }
        const text = Buffer.concat(chunks).toString("utf8");
        const url = new URL(req.url, "http://localhost");
        const request = new PreParsedRequest({
            method: req.method,
            url: req.url,
            query: Object.fromEntries(url.searchParams),
            headers: new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
            cookies: {},
            getJSONBody: async () => (text === "" ? {} : JSON.parse(text)),
            getFormBody: async () => Object.fromEntries(new URLSearchParams(text)),
        });
        const response = new CollectingResponse();
        const result = await handle(request, response);
        if (result.error) {
            res.writeHead(500, { "content-type": "text/plain" });
            res.end(String(result.error));
            return;
        }
        if (!result.handled) {
            res.writeHead(404, { "content-type": "text/plain" });
            res.end("not handled by the SDK");
            return;
        }
        res.writeHead(response.statusCode, Object.fromEntries(response.headers.entries()));
        res.end(response.body);
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((resolve) => server.close(resolve)),
    };
}

module.exports = { startSdkServer };
