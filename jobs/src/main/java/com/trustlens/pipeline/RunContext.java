package com.trustlens.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Facts of one run collected while it goes: id, start, counts per input, versions written. */
public final class RunContext {
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String runId;
  private final String command;
  private final Instant startedAt;
  private final String configHash;
  final Map<String, Long> inputRows = new LinkedHashMap<>();
  final Map<String, Long> quarantinedRows = new LinkedHashMap<>();
  final Map<String, Long> duplicateRows = new LinkedHashMap<>();
  final Map<String, Long> outputVersions = new LinkedHashMap<>();

  public RunContext(String command, String configHash, Instant startedAt) {
    this.command = command;
    this.configHash = configHash;
    this.startedAt = startedAt;
    this.runId = ID_TIME.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String runId() {
    return runId;
  }

  public String command() {
    return command;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public String configHash() {
    return configHash;
  }

  public void wrote(String table, long version) {
    outputVersions.put(table, version);
  }

  public Map<String, Long> outputVersions() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputVersions));
  }

  public Map<String, Long> inputRows() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputRows));
  }

  public Map<String, Long> quarantinedRows() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quarantinedRows));
  }

  public Map<String, Long> duplicateRows() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(duplicateRows));
  }
}
