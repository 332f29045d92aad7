package com.trustlens.config;

import java.util.Map;

/** Where one raw input lives and how to read it. */
public record InputSpec(String path, InputFormat format, Map<String, String> options) {
  public InputSpec {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  public InputSpec withPath(String newPath) {
    return new InputSpec(newPath, format, options);
  }
}
