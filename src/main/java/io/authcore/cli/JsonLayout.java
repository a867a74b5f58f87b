package io.authcore.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The line of {@code USE_STRUCTURED_LOGGING=true}: one JSON object per event, with the original's
 * field names where it has them ({@code message}, {@code tenant}, {@code timestamp}, {@code level},
 * {@code pid}, {@code coreVersion}, {@code threadName}, {@code exception} as an array of lines),
 * and besides them {@code logger}, the request's MDC entries (request id, route, method) and the
 * event's key-value pairs (the access log's status and duration). Not the original's {@code
 * callerData}: a stack walk on every line. The timestamp is ISO-8601 in UTC, which log shippers
 * read without a pattern. Emails in messages and stack traces are masked.
 */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {
  /** The variable the original reads, with its parsing (only "true", in any case, turns it on). */
  static final String ENV = "USE_STRUCTURED_LOGGING";

  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  // The MDC entries that name the tenant, grouped in the original's "tenant" object.
  private static final String[] TENANT_KEYS = {"connectionUriDomain", "appId", "tenantId"};

  private final String pid = Long.toString(ProcessHandle.current().pid());
  private final String coreVersion = "v" + Version.version();

  static boolean requested(Map<String, String> env) {
    return Boolean.parseBoolean(env.get(ENV));
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("message", mask(event.getFormattedMessage()));
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc.containsKey("appId")) {
        json.writeObjectFieldStart("tenant");
        for (String key : TENANT_KEYS) {
          json.writeStringField(key, mdc.getOrDefault(key, ""));
        }
        json.writeEndObject();
      }
      json.writeStringField("timestamp", TIMESTAMP.format(event.getInstant()));
      json.writeStringField("level", event.getLevel().toString());
      json.writeStringField("logger", event.getLoggerName());
      json.writeStringField("pid", pid);
      json.writeStringField("coreVersion", coreVersion);
      json.writeStringField("threadName", event.getThreadName());
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        if (!isTenantKey(entry.getKey())) {
          json.writeStringField(entry.getKey(), entry.getValue());
        }
      }
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair pair : event.getKeyValuePairs()) {
          json.writeFieldName(pair.key);
          if (pair.value instanceof Number number) {
            json.writeNumber(number.toString());
          } else {
            json.writeString(pair.value == null ? null : mask(pair.value.toString()));
          }
        }
      }
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        json.writeArrayFieldStart("exception");
        for (String line : ThrowableProxyUtil.asString(thrown).split("\\R")) {
          json.writeString(mask(line));
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.append(System.lineSeparator()).toString();
  }

  private static boolean isTenantKey(String key) {
    for (String tenantKey : TENANT_KEYS) {
      if (tenantKey.equals(key)) {
        return true;
      }
    }
    return false;
  }

  private static String mask(String text) {
    return EmailMasking.mask(text);
  }
}
