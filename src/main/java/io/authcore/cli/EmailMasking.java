package io.authcore.cli;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import java.util.regex.Pattern;

/**
 * Emails in log lines, masked: none of Authcore's own lines prints one, but a database error's text
 * may quote a value (a unique email's constraint), and logs travel further than the database.
 */
final class EmailMasking {
  // What an address looks like in free text; its first character and domain stay, for support.
  private static final Pattern EMAIL =
      Pattern.compile("([A-Za-z0-9_%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

  private EmailMasking() {}

  /** {@code jane.doe@example.com} becomes {@code j***@example.com}. */
  static String mask(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    return EMAIL.matcher(text).replaceAll("$1***@$2");
  }

  /** A pattern layout whose {@code %msg} and stack traces are masked. */
  static PatternLayout patternLayout(Context context, String pattern) {
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    for (String word : new String[] {"m", "msg", "message"}) {
      layout.getInstanceConverterMap().put(word, MaskedMessage::new);
    }
    for (String word : new String[] {"ex", "exception", "throwable"}) {
      layout.getInstanceConverterMap().put(word, MaskedThrowable::new);
    }
    // Explicit, so the masked converter writes the stack trace rather than logback's default.
    layout.setPattern(pattern.contains("%nopex") ? pattern : pattern + "%ex");
    layout.start();
    return layout;
  }

  /** {@code %msg}, masked. */
  public static final class MaskedMessage extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
      return mask(super.convert(event));
    }
  }

  /** {@code %ex}, masked. */
  public static final class MaskedThrowable extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
      return mask(super.convert(event));
    }
  }
}
