package com.trustlens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrowthCheckTest {
  private static final InputFile A = new InputFile("file:/in/events/a.jsonl", 100, 1000);
  private static final InputFile B = new InputFile("file:/in/events/b.jsonl", 50, 2000);

  private static Map<String, InputState> events(InputFile... files) {
    return Map.of("events", new InputState("events", List.of(files), null, null, null));
  }

  @Test
  void aNewFileInAFolderIsTheOnlyThingRead() {
    RunPlan plan = GrowthCheck.plan("h", events(A), "h", events(A, B));
    assertNull(plan.fullReason());
    assertEquals(Map.of("events", List.of(B.path())), plan.newFiles());
  }

  @Test
  void nothingNewIsAnIncrementalRunWithNothingToRead() {
    RunPlan plan = GrowthCheck.plan("h", events(A), "h", events(A));
    assertNull(plan.fullReason());
    assertEquals(true, plan.nothingNew());
  }

  @Test
  void aFileThatGrewInPlaceMakesTheRunFull() {
    RunPlan plan = GrowthCheck.plan("h", events(A), "h", events(new InputFile(A.path(), 120, 3000), B));
    assertEquals("input events: file:/in/events/a.jsonl changed (size or modification time) since the last run",
        plan.fullReason());
  }

  @Test
  void aVanishedFileMakesTheRunFull() {
    assertEquals("input events: file:/in/events/a.jsonl vanished since the last run",
        GrowthCheck.plan("h", events(A, B), "h", events(B)).fullReason());
  }

  @Test
  void aNewConfigurationMakesTheRunFull() {
    assertEquals("the configuration changed since the last run (hash h -> k)",
        GrowthCheck.plan("h", events(A), "k", events(A, B)).fullReason());
  }

  @Test
  void aFirstRunIsFull() {
    assertEquals("no record of a complete earlier run in this lake",
        GrowthCheck.plan(null, Map.of(), "h", events(A)).fullReason());
  }

  @Test
  void newCsvColumnsMakeTheRunFull() {
    Map<String, InputState> before = Map.of("exposures", new InputState("exposures", List.of(A), "a,b", null, null));
    Map<String, InputState> now = Map.of("exposures", new InputState("exposures", List.of(A, B), "a,b\na,b,c", null, null));
    assertEquals("the columns of input exposures changed", GrowthCheck.plan("h", before, "h", now).fullReason());
  }

  @Test
  void aDeltaInputRewrittenSinceTheLastRunMakesTheRunFull() {
    Map<String, InputState> before = Map.of("events", new InputState("events", List.of(A), "s", 3L, null));
    Map<String, InputState> now = Map.of("events", new InputState("events", List.of(A, B), "s", 5L, "commit 4 is a DELETE"));
    assertEquals("Delta input events was not only appended to since version 3: commit 4 is a DELETE",
        GrowthCheck.plan("h", before, "h", now).fullReason());
  }
}
