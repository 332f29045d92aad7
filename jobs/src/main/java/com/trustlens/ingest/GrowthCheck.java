package com.trustlens.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides whether the inputs only grew since the last complete run: then a run reads only the
 * new files; anything else (a file changed or gone, a new configuration, new columns, a Delta
 * input rewritten) calls for a full run, with the reason.
 */
public final class GrowthCheck {
  private GrowthCheck() {}

  /**
   * @param lastHash configuration hash of the last complete run, null when there is none
   * @param last what that run read, per input
   * @param hash configuration hash of this run
   * @param current what the inputs hold now, per input
   */
  public static RunPlan plan(String lastHash, Map<String, InputState> last, String hash,
      Map<String, InputState> current) {
    Optional<String> reason = reasonForFull(lastHash, last, hash, current);
    if (reason.isPresent()) return RunPlan.full(reason.get(), current);
    Map<String, List<String>> added = new LinkedHashMap<>();
    for (InputState now : current.values()) {
      Map<String, InputFile> before = byPath(last.get(now.source()));
      added.put(now.source(), now.files().stream().map(InputFile::path).filter(p -> !before.containsKey(p)).toList());
    }
    return new RunPlan(null, added, current);
  }

  static Optional<String> reasonForFull(String lastHash, Map<String, InputState> last, String hash,
      Map<String, InputState> current) {
    if (lastHash == null || last.isEmpty()) {
      return Optional.of("no record of a complete earlier run in this lake");
    }
    if (!lastHash.equals(hash)) {
      return Optional.of("the configuration changed since the last run (hash " + lastHash + " -> " + hash + ")");
    }
    if (!last.keySet().equals(current.keySet())) {
      return Optional.of("the inputs configured changed: " + last.keySet() + " -> " + current.keySet());
    }
    for (InputState now : current.values()) {
      Optional<String> r = changed(last.get(now.source()), now);
      if (r.isPresent()) return r;
    }
    return Optional.empty();
  }

  private static Optional<String> changed(InputState before, InputState now) {
    String source = now.source();
    if (now.rewrite() != null) {
      return Optional.of("Delta input " + source + " was not only appended to since version " + before.deltaVersion()
          + ": " + now.rewrite());
    }
    if (!Objects.equals(before.shape(), now.shape())) {
      return Optional.of("the columns of input " + source + " changed");
    }
    Map<String, InputFile> files = byPath(now);
    List<String> problems = new ArrayList<>();
    for (InputFile f : before.files()) {
      InputFile n = files.get(f.path());
      if (n == null) problems.add(f.path() + " vanished");
      else if (!n.sameAs(f)) problems.add(f.path() + " changed (size or modification time)");
    }
    if (problems.isEmpty()) return Optional.empty();
    return Optional.of("input " + source + ": " + problems.get(0)
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "") + " since the last run");
  }

  private static Map<String, InputFile> byPath(InputState state) {
    if (state == null) return Map.of();
    return state.files().stream().collect(Collectors.toMap(InputFile::path, Function.identity(), (a, b) -> a));
  }
}
