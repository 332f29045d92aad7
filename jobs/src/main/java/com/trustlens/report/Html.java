package com.trustlens.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Escaping for HTML text and inline JSON, and the page's assets from the classpath (report/). */
final class Html {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Html() {}

  /** Text or attribute value made safe for HTML. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A value as JSON fit for a script element: '<', '>' and '&' become \\u escapes, so no text
   * of the data can close the element or start a comment; JSON.parse reads them back.
   */
  static String inlineJson(Object value) {
    try {
      return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report data is not serialisable as JSON: " + e.getMessage(), e);
    }
  }

  /** A text resource shipped under report/ in the jar. */
  static String asset(String name) {
    try (InputStream in = Html.class.getResourceAsStream("/report/" + name)) {
      if (in == null) throw new IllegalStateException("report asset /report/" + name + " is missing from the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report asset " + name, e);
    }
  }

  /** A script to inline verbatim; refuses one that would end its own script element early. */
  static String script(String code, String name) {
    if (code.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
      throw new IllegalStateException(name + " contains '</script' and cannot be inlined");
    }
    return "<script>\n" + code + "\n</script>\n";
  }
}
