package io.authcore.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads HTTP/1.1 responses from bytes that arrive in arbitrary pieces. Handles Content-Length,
 * chunked bodies and {@code Connection: close}; a body delimited only by the end of the connection
 * is not supported (a keep-alive server never sends one).
 */
final class ResponseParser {
  private byte[] buf = new byte[16 * 1024];
  private int len;

  // The response being read; reset by take().
  private int headerEnd = -1;
  private int status;
  private long contentLength = -1;
  private boolean chunked;
  private boolean close;

  /** The buffer to read into, with at least {@code min} free bytes after {@link #length()}. */
  byte[] room(int min) {
    if (buf.length - len < min) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + min));
    }
    return buf;
  }

  int length() {
    return len;
  }

  void added(int n) {
    len += n;
  }

  void feed(byte[] data, int off, int n) {
    System.arraycopy(data, off, room(n), len, n);
    len += n;
  }

  /**
   * The complete response at the head of the buffer, removed from it; null while more bytes are
   * needed.
   *
   * @throws IllegalStateException if the bytes are not an HTTP/1.1 response this parser reads
   */
  Response take() {
    if (headerEnd < 0 && !parseHead()) {
      return null;
    }
    byte[] body;
    int consumed;
    if (chunked) {
      ChunkedBody decoded = ChunkedBody.decode(buf, headerEnd, len);
      if (decoded == null) {
        return null;
      }
      body = decoded.body;
      consumed = decoded.end;
    } else {
      long cl = contentLength < 0 ? 0 : contentLength;
      if (len - headerEnd < cl) {
        return null;
      }
      body = Arrays.copyOfRange(buf, headerEnd, headerEnd + (int) cl);
      consumed = headerEnd + (int) cl;
    }
    Response response = new Response(status, body, close);
    System.arraycopy(buf, consumed, buf, 0, len - consumed);
    len -= consumed;
    headerEnd = -1;
    return response;
  }

  /** Drops whatever was read: the connection it came from is gone. */
  void reset() {
    len = 0;
    headerEnd = -1;
  }

  private boolean parseHead() {
    int end = indexOfCrLfCrLf(buf, len);
    if (end < 0) {
      if (len > 64 * 1024) {
        throw new IllegalStateException("response head longer than 64 KiB");
      }
      return false;
    }
    // "HTTP/1.1 200 OK": the code is at 9..12.
    if (end < 12 || buf[0] != 'H' || buf[4] != '/' || buf[8] != ' ') {
      throw new IllegalStateException(
          "not an HTTP response: " + new String(buf, 0, Math.min(len, 40), StandardCharsets.UTF_8));
    }
    status = (buf[9] - '0') * 100 + (buf[10] - '0') * 10 + (buf[11] - '0');
    contentLength = -1;
    chunked = false;
    close = false;
    int line = indexOfCrLf(buf, 0, end) + 2;
    while (line < end) {
      int eol = indexOfCrLf(buf, line, end + 2);
      int colon = indexOf(buf, (byte) ':', line, eol);
      if (colon > 0) {
        // Read in place: this runs for every response, 100 000 times a second.
        int v = colon + 1;
        while (v < eol && (buf[v] == ' ' || buf[v] == '\t')) {
          v++;
        }
        if (nameIs(line, colon, "content-length")) {
          long n = 0;
          for (int i = v; i < eol && buf[i] >= '0' && buf[i] <= '9'; i++) {
            n = n * 10 + (buf[i] - '0');
          }
          contentLength = n;
        } else if (nameIs(line, colon, "transfer-encoding")) {
          chunked =
              new String(buf, v, eol - v, StandardCharsets.ISO_8859_1)
                  .toLowerCase()
                  .contains("chunked");
        } else if (nameIs(line, colon, "connection")) {
          close = eol - v >= 5 && nameIs(v, v + 5, "close");
        }
      }
      line = eol + 2;
    }
    headerEnd = end + 4;
    if (!chunked && contentLength < 0 && status >= 200 && status != 204 && status != 304) {
      throw new IllegalStateException("response " + status + " without a length (not keep-alive)");
    }
    return true;
  }

  private boolean nameIs(int from, int to, String lowerName) {
    if (to - from != lowerName.length()) {
      return false;
    }
    for (int i = 0; i < lowerName.length(); i++) {
      int c = buf[from + i];
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != lowerName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static int indexOfCrLfCrLf(byte[] b, int len) {
    for (int i = 0; i + 3 < len; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  static int indexOfCrLf(byte[] b, int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] b, byte c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  record Response(int status, byte[] body, boolean close) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A decoded chunked body and where it ended; null from decode() while incomplete. */
  private static final class ChunkedBody {
    final byte[] body;
    final int end;

    private ChunkedBody(byte[] body, int end) {
      this.body = body;
      this.end = end;
    }

    static ChunkedBody decode(byte[] b, int from, int len) {
      byte[] out = new byte[0];
      int pos = from;
      while (true) {
        int eol = indexOfCrLf(b, pos, len);
        if (eol < 0) {
          return null;
        }
        String sizeText = new String(b, pos, eol - pos, StandardCharsets.ISO_8859_1);
        int semi = sizeText.indexOf(';');
        int size = Integer.parseInt((semi < 0 ? sizeText : sizeText.substring(0, semi)).trim(), 16);
        pos = eol + 2;
        if (size == 0) {
          // Trailers (none expected), then the empty line.
          while (true) {
            int t = indexOfCrLf(b, pos, len);
            if (t < 0) {
              return null;
            }
            boolean empty = t == pos;
            pos = t + 2;
            if (empty) {
              return new ChunkedBody(out, pos);
            }
          }
        }
        if (len - pos < size + 2) {
          return null;
        }
        int old = out.length;
        out = Arrays.copyOf(out, old + size);
        System.arraycopy(b, pos, out, old, size);
        pos += size + 2;
      }
    }
  }
}
