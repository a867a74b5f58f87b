package io.authcore.http;

import io.authcore.tenancy.TenantId;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** One request as an endpoint sees it: its tenant, CDI version, body, query and headers. */
public final class Call {
  private final HttpServerExchange exchange;
  private final TenantId tenant;
  private final CdiVersion cdi;
  private JsonBody body;

  Call(HttpServerExchange exchange, TenantId tenant, CdiVersion cdi) {
    this.exchange = exchange;
    this.tenant = tenant;
    this.cdi = cdi;
  }

  public TenantId tenant() {
    return tenant;
  }

  public CdiVersion cdi() {
    return cdi;
  }

  public String method() {
    return exchange.getRequestMethod().toString();
  }

  public JsonBody body() {
    if (body == null) {
      try {
        body = JsonBody.parse(readBody());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return body;
  }

  // With a Content-Length, one array of the right size; readAllBytes would allocate 16 KB chunks
  // for every request (the JSON bodies here are a few hundred bytes).
  private byte[] readBody() throws IOException {
    long length = exchange.getRequestContentLength();
    InputStream in = exchange.getInputStream();
    return length >= 0 && length <= Integer.MAX_VALUE
        ? in.readNBytes((int) length)
        : in.readAllBytes();
  }

  /**
   * True when the endpoint runs on the I/O thread (see {@link Route#inlineWhen}): it must not
   * block.
   */
  public boolean onIoThread() {
    return exchange.isInIoThread();
  }

  public Query query() {
    return new Query(exchange.getQueryParameters());
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }
}
