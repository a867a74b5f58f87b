package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
  private static void feed(ResponseParser p, String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    p.feed(b, 0, b.length);
  }

  @Test
  void readsAContentLengthResponseThatArrivesByteByByte() {
    String wire = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nHello\n";
    ResponseParser p = new ResponseParser();
    for (int i = 0; i < wire.length() - 1; i++) {
      feed(p, wire.substring(i, i + 1));
      assertNull(p.take(), "complete after " + (i + 1) + " bytes?");
    }
    feed(p, wire.substring(wire.length() - 1));
    ResponseParser.Response r = p.take();
    assertEquals(200, r.status());
    assertEquals("Hello\n", r.text());
    assertFalse(r.close());
    assertEquals(0, p.length());
  }

  @Test
  void decodesChunkedBodiesAndKeepsWhatFollows() {
    ResponseParser p = new ResponseParser();
    feed(
        p,
        "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3;x=y\r\n:1}\r\n0\r\n\r\n"
            + "HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\nConnection: close\r\n\r\nNot found\n");
    ResponseParser.Response first = p.take();
    assertEquals("{\"a\":1}", first.text());
    ResponseParser.Response second = p.take();
    assertEquals(404, second.status());
    assertEquals("Not found\n", second.text());
    assertTrue(second.close());
    assertNull(p.take());
  }

  @Test
  void waitsForTheWholeChunkedBody() {
    ResponseParser p = new ResponseParser();
    feed(p, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHel");
    assertNull(p.take());
    feed(p, "lo\r\n0\r\n");
    assertNull(p.take());
    feed(p, "\r\n");
    assertEquals("Hello", p.take().text());
  }

  @Test
  void refusesABodyWithoutALength() {
    ResponseParser p = new ResponseParser();
    feed(p, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nHello");
    assertThrows(IllegalStateException.class, p::take);
  }

  @Test
  void percentilesAreNearestRank() {
    LongList l = new LongList();
    for (int i = 100; i >= 1; i--) {
      l.add(i);
    }
    long[] s = l.sorted();
    assertEquals(50, LongList.percentile(s, 50));
    assertEquals(99, LongList.percentile(s, 99));
    assertEquals(100, LongList.percentile(s, 100));
    assertEquals(0, LongList.percentile(new long[0], 99));
  }
}
