package io.authcore.http;

import io.undertow.io.Receiver;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads a request body on the I/O thread straight into an array of its Content-Length. Undertow's
 * receiver copies a body byte by byte through a growing stream and then copies it again, which was
 * a tenth of the non-crypto work of a session verify. Bodies without a length, chunked ones and
 * large ones still go to the receiver, which also enforces the size limit.
 */
final class BodyReader {
  static final int MAX_DIRECT_BYTES = 64 * 1024;

  private final HttpServerExchange exchange;
  private final StreamSourceChannel channel;
  private final ByteBuffer buffer;
  private final Receiver.FullBytesCallback done;
  private final Receiver.ErrorCallback failed;
  private final long timeoutMs;

  private BodyReader(
      HttpServerExchange exchange,
      byte[] body,
      Receiver.FullBytesCallback done,
      Receiver.ErrorCallback failed,
      long timeoutMs) {
    this.exchange = exchange;
    this.channel = exchange.getRequestChannel();
    this.buffer = ByteBuffer.wrap(body);
    this.done = done;
    this.failed = failed;
    this.timeoutMs = timeoutMs;
  }

  /**
   * Calls {@code done} with the whole body, or {@code failed}; on this thread if it is all here. A
   * body still incomplete after {@code timeoutMs} is given up on with its connection, so that a
   * client trickling bytes cannot hold a connection (and a buffer) for ever.
   */
  static void read(
      HttpServerExchange exchange,
      long timeoutMs,
      Receiver.FullBytesCallback done,
      Receiver.ErrorCallback failed) {
    long length = exchange.getRequestContentLength();
    if (length < 0
        || length > MAX_DIRECT_BYTES
        || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
      XnioExecutor.Key deadline = deadline(exchange, timeoutMs);
      exchange
          .getRequestReceiver()
          .receiveFullBytes(
              (ex, body) -> {
                deadline.remove();
                done.handle(ex, body);
              },
              (ex, e) -> {
                deadline.remove();
                failed.error(ex, e);
              });
      return;
    }
    if (length == 0) {
      done.handle(exchange, new byte[0]);
      return;
    }
    BodyReader reader = new BodyReader(exchange, new byte[(int) length], done, failed, timeoutMs);
    try {
      if (reader.readAvailable()) {
        done.handle(exchange, reader.buffer.array());
      } else {
        reader.awaitRest();
      }
    } catch (IOException e) {
      failed.error(exchange, e);
    }
  }

  // The rest of a body that arrives in pieces is read by the I/O thread as it comes.
  private void awaitRest() {
    XnioExecutor.Key deadline = deadline(exchange, timeoutMs);
    channel
        .getReadSetter()
        .set(
            ch -> {
              HttpHandler then;
              try {
                if (!readAvailable()) {
                  return;
                }
                then = ex -> done.handle(ex, buffer.array());
              } catch (IOException e) {
                then = ex -> failed.error(ex, e);
              }
              deadline.remove();
              ch.suspendReads();
              ch.getReadSetter().set(null);
              Connectors.executeRootHandler(then, exchange);
            });
    channel.resumeReads();
  }

  private static XnioExecutor.Key deadline(HttpServerExchange exchange, long timeoutMs) {
    return exchange
        .getIoThread()
        .executeAfter(
            () -> IoUtils.safeClose(exchange.getConnection()), timeoutMs, TimeUnit.MILLISECONDS);
  }

  // True once the body is complete; false when the socket has nothing more for now.
  private boolean readAvailable() throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer);
      if (n == 0) {
        return false;
      }
      if (n < 0) {
        throw new EOFException("the body ended before its Content-Length");
      }
    }
    // Undertow marks the request complete (and so lets the connection take the next one) only
    // when a read finds its end.
    if (channel.read(ByteBuffer.allocate(1)) != -1) {
      throw new IOException("the body went on past its Content-Length");
    }
    return true;
  }
}
