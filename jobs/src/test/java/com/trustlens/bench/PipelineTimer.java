package com.trustlens.bench;

import com.trustlens.cli.Main;
import com.trustlens.testing.ProgressCapture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times one {@code trustlens run} end to end, in this JVM, step by step: the seconds each step's
 * progress line reports (the pipeline's own timers), grouped into the benchmark's steps.
 */
final class PipelineTimer {
  /** Benchmark steps, in pipeline order, and the prefixes of the progress lines each gathers. */
  static final Map<String, List<String>> STEPS = steps();
  private static final Pattern SECONDS = Pattern.compile("\\(([0-9.]+) s\\)$");

  /** Seconds per step (and "end to end"), peak memory. */
  record Timing(Map<String, Double> seconds, long peakHeapMiB, long peakAfterGcMiB) {}

  private PipelineTimer() {}

  private static Map<String, List<String>> steps() {
    Map<String, List<String>> s = new LinkedHashMap<>();
    s.put("ingest", List.of("ingest ", "silver "));
    s.put("classify", List.of("classify"));
    s.put("cohorts", List.of("cohorts"));
    s.put("panel", List.of("panel", "trust_metrics"));
    s.put("estimate", List.of("class sums", "estimate"));
    s.put("publish", List.of("publish "));
    s.put("survival", List.of("survival"));
    s.put("audit", List.of("audit"));
    return s;
  }

  /** Runs the whole pipeline on {@code conf}; fails when the run does not exit 0. */
  static Timing run(Path conf) {
    try (MemoryWatch memory = new MemoryWatch(); ProgressCapture progress = new ProgressCapture()) {
      long t0 = System.nanoTime();
      int code = Main.execute("run", "--conf", conf.toString());
      double total = (System.nanoTime() - t0) / 1e9;
      if (code != 0) {
        throw new IllegalStateException("trustlens run --conf " + conf + " exited " + code);
      }
      Map<String, Double> seconds = bySteps(progress.lines());
      seconds.put("end to end", total);
      return new Timing(seconds, memory.peakUsedMiB(), memory.peakAfterGcMiB());
    }
  }

  /** Seconds per benchmark step from progress lines ("INFO name   summary (12.3 s)"). */
  static Map<String, Double> bySteps(List<String> lines) {
    Map<String, Double> out = new LinkedHashMap<>();
    STEPS.keySet().forEach(k -> out.put(k, 0.0));
    for (String line : lines) {
      Matcher m = SECONDS.matcher(line);
      if (!line.startsWith("INFO ") || !m.find()) continue;
      String text = line.substring(5);
      STEPS.forEach((step, prefixes) -> {
        if (prefixes.stream().anyMatch(text::startsWith)) {
          out.merge(step, Double.parseDouble(m.group(1)), Double::sum);
        }
      });
    }
    return out;
  }
}
