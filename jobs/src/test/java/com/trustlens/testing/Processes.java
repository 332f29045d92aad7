package com.trustlens.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command for a test and returns what it printed, failing with its output when it fails. */
public final class Processes {
  private Processes() {}

  /** What a finished command printed. */
  public record Output(int exitCode, String stdout, String stderr, double seconds) {}

  /** Runs the command in dir with extra environment variables; fails the test on a non-zero exit or a timeout. */
  public static Output run(Path dir, Map<String, String> env, long timeoutSeconds, List<String> command) {
    Output out = start(dir, env, timeoutSeconds, command);
    if (out.exitCode() != 0) {
      throw new AssertionError(String.join(" ", command) + " exited with " + out.exitCode() + "\n--- stdout\n"
          + tail(out.stdout()) + "\n--- stderr\n" + tail(out.stderr()));
    }
    return out;
  }

  /** Runs the command and returns its output whatever its exit code (a timeout still fails). */
  public static Output start(Path dir, Map<String, String> env, long timeoutSeconds, List<String> command) {
    try {
      Path stdout = Files.createTempFile("trustlens-test", ".out");
      Path stderr = Files.createTempFile("trustlens-test", ".err");
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
      pb.environment().putAll(env);
      long t0 = System.nanoTime();
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s\n"
            + tail(Files.readString(stderr, StandardCharsets.UTF_8)));
      }
      Output out = new Output(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1e9);
      Files.delete(stdout);
      Files.delete(stderr);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  static String tail(String s) {
    return s.length() <= 6000 ? s : "..." + s.substring(s.length() - 6000);
  }
}
