package io.authcore.http;

import io.authcore.tenancy.TenantId;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.List;
import java.util.Optional;

/** One request as an endpoint sees it: its tenant, CDI version, body, query and headers. */
public final class Call {
  private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

  private final HttpServerExchange exchange;
  private final TenantId tenant;
  private final CdiVersion cdi;
  private final List<CdiVersion> offered;
  private JsonBody body;

  Call(HttpServerExchange exchange, TenantId tenant, CdiVersion cdi, List<CdiVersion> offered) {
    this.exchange = exchange;
    this.tenant = tenant;
    this.cdi = cdi;
    this.offered = offered;
  }

  public TenantId tenant() {
    return tenant;
  }

  public CdiVersion cdi() {
    return cdi;
  }

  /**
   * The versions the app offers in the handshake: every one up to its {@code
   * supertokens_max_cdi_version} (the minimum only refuses requests, as in the original).
   */
  public List<CdiVersion> offeredVersions() {
    return offered;
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

  // None was kept for a request without a body that an inline endpoint answered on the I/O thread.
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

  /**
   * For an endpoint on the I/O thread that finds it must block: {@code throw call.leaveIoThread()}
   * before any side effect, and it runs again from the start on a worker.
   */
  public RuntimeException leaveIoThread() {
    if (!exchange.isInIoThread()) {
      return new IllegalStateException("not on the I/O thread");
    }
    return LeaveIoThread.INSTANCE;
  }

  /** Thrown through the handler chain to {@link Dispatch}; carries no stack trace. */
  static final class LeaveIoThread extends RuntimeException {
    private static final LeaveIoThread INSTANCE = new LeaveIoThread();

    private LeaveIoThread() {
      super("leave the I/O thread", null, false, false);
    }
  }

  public Query query() {
    return new Query(exchange.getQueryParameters());
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }
}
