"use strict";
// A pass-through HTTP proxy between an SDK and a core that keeps every exchange: what the SDK sent
// (method, path, cdi-version, body) and what the core answered (status, body). Older SDK majors have
// no networkInterceptor, and none of them shows the responses; this sees both, for every major alike.

const http = require("node:http");

const SHOWN_CHARS = 600;

function startRecordingProxy(target) {
    const upstream = new URL(target);
    const exchanges = [];
    const server = http.createServer((request, response) => {
        const chunks = [];
        request.on("data", (chunk) => chunks.push(chunk));
        request.on("end", () => {
            const requestBody = Buffer.concat(chunks);
            const exchange = {
                method: request.method,
                path: request.url,
                cdiVersion: request.headers["cdi-version"],
                requestBody: requestBody.toString("utf8"),
            };
            exchanges.push(exchange);
            const forwarded = http.request(
                {
                    host: upstream.hostname,
                    port: upstream.port,
                    method: request.method,
                    path: request.url,
                    headers: { ...request.headers, host: upstream.host },
                },
                (answer) => {
                    const answerChunks = [];
                    answer.on("data", (chunk) => answerChunks.push(chunk));
                    answer.on("end", () => {
                        const body = Buffer.concat(answerChunks);
                        exchange.status = answer.statusCode;
                        exchange.responseBody = body.toString("utf8");
                        response.writeHead(answer.statusCode, answer.headers);
                        response.end(body);
                    });
                }
            );
            forwarded.on("error", (error) => {
                exchange.status = 502;
                exchange.responseBody = `proxy: ${error.message}`;
                response.writeHead(502);
                response.end();
            });
            forwarded.end(requestBody);
        });
    });
    return new Promise((resolve, reject) => {
        server.on("error", reject);
        server.listen(0, "127.0.0.1", () => {
            resolve({
                url: `http://127.0.0.1:${server.address().port}`,
                exchanges,
                transcript: () => exchanges.map(describe).join("\n"),
                close: () => new Promise((done) => server.close(done)),
            });
        });
    });
}

function shorten(text) {
    const flat = (text || "").trim();
    return flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS)}…(${flat.length} chars)` : flat;
}

function describe(exchange) {
    const sent = exchange.requestBody ? ` ${shorten(exchange.requestBody)}` : "";
    return (
        `> ${exchange.method} ${exchange.path} cdi-version=${exchange.cdiVersion || "-"}${sent}\n` +
        `< ${exchange.status ?? "(no answer)"} ${shorten(exchange.responseBody)}`
    );
}

module.exports = { startRecordingProxy };
