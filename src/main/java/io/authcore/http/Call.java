package io.authcore.http;

import io.authcore.tenancy.TenantId;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.Optional;

/** One request as an endpoint sees it: its tenant, CDI version, body, query and headers. */
public final class Call {
  private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

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
      body = JsonBody.parse(readBody());
    }
    return body;
  }

  /** Keeps the body {@link Dispatch} read on the I/O thread for the endpoint. */
  static void keepBody(HttpServerExchange exchange, byte[] body) {
    exchange.putAttachment(BODY, body);
  }

  // Endpoints that run on the I/O thread take no body.
  private byte[] readBody() {
    byte[] kept = exchange.getAttachment(BODY);
    return kept == null ? new byte[0] : kept;
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
