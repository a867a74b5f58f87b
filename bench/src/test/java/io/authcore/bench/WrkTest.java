package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WrkTest {
  static final String OUTPUT =
      """
      Running 10s test @ http://127.0.0.1:3999/recipe/session/verify
        1 threads and 32 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     0.93ms  376.12us  12.31ms   88.37%
          Req/Sec    36.28k     1.02k   38.11k    71.00%
        Latency Distribution
           50%  866.00us
           75%    1.04ms
           90%    1.27ms
           99%    2.35ms
        361063 requests in 10.00s, 95.74MB read
        Non-2xx or 3xx responses: 3
      Requests/sec:  36103.61
      Transfer/sec:      9.57MB
      Not OK replies: 10
      """;

  @Test
  void everyReplyWithoutStatusOkIsAnErrorIncludingTheNon2xxOnes() {
    LoadResult.Figures f = Wrk.parse("verify", OUTPUT, 10, 150).figures();
    assertEquals(36103.61, f.rps(), 0.001);
    assertEquals(361063, f.count());
    assertEquals(10, f.errors(), "the script's count already holds the 3 non-2xx replies");
    assertEquals(3, f.errorReasons().get("verify: non-2xx"));
    assertEquals(7, f.errorReasons().get("verify: not 200 with status OK"));
    assertEquals(0.866, f.p50Ms(), 1e-9);
    assertEquals(2.35, f.p99Ms(), 1e-9);
  }

  @Test
  void aGetHasNoScriptCountAndCountsNon2xxAlone() {
    LoadResult.Figures f =
        Wrk.parse("hello", OUTPUT.replace("Not OK replies: 10\n", ""), 10, 150).figures();
    assertEquals(3, f.errors());
  }
}
