package com.trustlens.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Collects the progress lines TrustLens logs (logger com.trustlens.progress) while it is open. */
public final class ProgressCapture implements AutoCloseable {
  private static final String LOGGER = "com.trustlens.progress";
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final AbstractAppender appender;
  private final LoggerConfig config;

  public ProgressCapture() {
    appender = new AbstractAppender("progress-capture", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
      }
    };
    appender.start();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    config = ctx.getConfiguration().getLoggerConfig(LOGGER);
    config.addAppender(appender, Level.ALL, null);
    ctx.updateLoggers();
  }

  /** Lines logged so far, each as "LEVEL message". */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    config.removeAppender(appender.getName());
    ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    appender.stop();
  }
}
