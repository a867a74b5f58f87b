package io.authcore.recipe.multitenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Json;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deprecated v1 create-or-update endpoints of tenants and apps (supertokens-node 15 to 18), as
 * the original 11.4.7 answered a scripted run at 2.21, 3.0, 4.0, 5.0, 5.1 and 5.4: tenants written
 * through v1 and read back through v1 and v2, v2 tenants changed through v1, the public tenant and
 * apps, the permission 403s and the 400 texts. The run is replayed in order on a fresh server.
 *
 * <p>The original keeps factor lists in a HashSet's order (or the order sent), Authcore in
 * alphabetical order: the lists are compared as sets.
 */
class TenantV1WritesTest extends ServerOnEachBackend {
  private static final Pattern REQUEST = Pattern.compile("^> (\\S+) (\\S+) (\\S+) ?(.*)$");
  private static final Pattern STATUS = Pattern.compile("^ \\[(\\d{3})\\]$");
  private static final String MT = "/recipe/multitenancy";
  private static final String CDI = "cdi-version";

  record Exchange(String cdi, String method, String path, String body, int status, String answer) {}

  static List<Exchange> transcript() throws IOException {
    List<Exchange> out = new ArrayList<>();
    try (InputStream in =
        TenantV1WritesTest.class.getResourceAsStream("/multitenancy/v1-writes-original.txt")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
      Matcher request = null;
      StringBuilder answer = new StringBuilder();
      for (String line : lines) {
        if (line.startsWith("#")) {
          continue;
        }
        Matcher m = REQUEST.matcher(line);
        Matcher s = STATUS.matcher(line);
        if (m.matches()) {
          request = m;
          answer.setLength(0);
        } else if (s.matches() && request != null) {
          out.add(
              new Exchange(
                  request.group(1),
                  request.group(2),
                  request.group(3),
                  request.group(4).isEmpty() ? null : request.group(4),
                  Integer.parseInt(s.group(1)),
                  answer.toString()));
          request = null;
        } else if (request != null) {
          answer.append(line).append('\n');
        }
      }
    }
    return out;
  }

  @Test
  void answersTheOriginalsRun() throws IOException {
    List<Exchange> run = transcript();
    assertTrue(run.size() > 500, "transcript read");
    for (Exchange e : run) {
      Reply reply = http.send(e.method(), e.path(), e.body(), "cdi-version", e.cdi());
      String what = e.cdi() + " " + e.method() + " " + e.path() + " " + e.body();
      assertEquals(e.status(), reply.status(), what + " -> " + reply.body());
      if (e.answer().startsWith("{")) {
        assertEquals(sorted(e.answer()), sorted(reply.body()), what);
      } else {
        assertEquals(e.answer(), reply.body(), what);
      }
    }
  }

  /**
   * CDI 5.5 and 5.6 are newer than the recorded original; the newest original (12.x) still serves
   * the v1 writes there, through the same 5.0 rules (its BaseCreateOrUpdate is unchanged since
   * 11.4).
   */
  @Test
  void newerVersionsWriteByThe5_0Rules() {
    for (String v : new String[] {"5.5", "5.6"}) {
      String t = "v1-" + v.replace(".", "");
      Reply empty =
          http.put(MT + "/tenant", "{\"tenantId\":\"" + t + "\",\"firstFactors\":[]}", CDI, v);
      assertEquals(400, empty.status());
      assertEquals(
          "firstFactors cannot be empty. Set null instead to remove all first factors.\n",
          empty.body());
      Reply created =
          http.put(
              MT + "/tenant", "{\"tenantId\":\"" + t + "\",\"passwordlessEnabled\":true}", CDI, v);
      assertEquals("{\"status\":\"OK\",\"createdNew\":true}\n", created.body());
      // As the 5.0 run: a new tenant has no factor list, so the switch alone says it.
      assertEquals(
          "{\"tenantId\":\""
              + t
              + "\",\"emailPassword\":{\"enabled\":false},"
              + "\"thirdParty\":{\"enabled\":false,\"providers\":[]},"
              + "\"passwordless\":{\"enabled\":true},\"coreConfig\":{},\"status\":\"OK\"}\n",
          http.get("/" + t + MT + "/tenant", CDI, v).body());
    }
  }

  private static JsonNode sorted(String json) throws IOException {
    return sortFactors(Json.MAPPER.readTree(json));
  }

  private static JsonNode sortFactors(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.fields()
          .forEachRemaining(
              f -> {
                if (f.getKey().endsWith("Factors") && f.getValue() instanceof ArrayNode a) {
                  List<String> items = new ArrayList<>();
                  a.forEach(i -> items.add(i.asText()));
                  items.sort(null);
                  a.removeAll();
                  items.forEach(a::add);
                } else {
                  sortFactors(f.getValue());
                }
              });
    } else if (node instanceof ArrayNode a) {
      a.forEach(TenantV1WritesTest::sortFactors);
    }
    return node;
  }
}
