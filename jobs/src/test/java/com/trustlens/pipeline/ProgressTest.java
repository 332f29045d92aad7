package com.trustlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.testing.ProgressCapture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Progress lines: one per step with what it produced and its elapsed time; --quiet leaves only warnings. */
class ProgressTest {
  @AfterEach
  void speakAgain() {
    Progress.quiet(false);
  }

  @Test
  void stepLogsItsNameRowsAndElapsedSecondsOnOneLine() {
    try (ProgressCapture capture = new ProgressCapture()) {
      long rows = Progress.step("trust_metrics", () -> 12_345L, Progress::rows);
      assertEquals(12_345L, rows);
      List<String> lines = capture.lines();
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).matches("INFO trust_metrics {15,}12,345 rows \\(\\d+\\.\\d s\\)"), lines.get(0));
    }
  }

  @Test
  void quietSilencesStepsButNotWarnings() {
    Progress.quiet(true);
    try (ProgressCapture capture = new ProgressCapture()) {
      Progress.step("panel", () -> 1L, Progress::rows);
      Progress.info("run 1: run with conf.yaml");
      Progress.warn("could not record run 1");
      assertEquals(List.of("WARN could not record run 1"), capture.lines());
    }
  }
}
