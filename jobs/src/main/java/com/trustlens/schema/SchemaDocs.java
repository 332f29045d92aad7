package com.trustlens.schema;

import java.util.List;
import java.util.Map;

/** Renders every table schema of schemas/ as Markdown (docs/schemas.md is this output). */
public final class SchemaDocs {
  private static final Map<String, String> LAYER_TITLES = Map.of(
      "input", "Inputs (contract)",
      "silver", "Silver tables (typed, deduplicated, pseudonymised; under `_silver/`)",
      "internal", "Internal tables (under `_internal/`)",
      "output", "Output tables (Delta, one commit per run)");

  private SchemaDocs() {}

  public static String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# TrustLens table schemas\n\n")
        .append("Generated from `schemas/` by `bin/trustlens schemas`; do not edit by hand. Column descriptions are ")
        .append("also the Delta column comments, table descriptions the Delta table comments.\n");
    for (String layer : Schemas.LAYERS) {
      b.append("\n## ").append(LAYER_TITLES.get(layer)).append("\n");
      for (String table : Schemas.TABLES.get(layer)) {
        table(b, Schemas.load(layer, table));
      }
    }
    return b.toString();
  }

  private static void table(StringBuilder b, TableSchema t) {
    b.append("\n### ").append(t.table()).append("\n\n").append(t.description()).append("\n");
    if (!t.key().isEmpty()) b.append("Key: `").append(String.join("`, `", t.key())).append("`.\n");
    b.append("\n| column | type | | description |\n|---|---|---|---|\n");
    for (ColumnSpec c : t.columns()) {
      b.append("| `").append(c.name()).append("` | ").append(c.type().replace("<", "&lt;").replace(">", "&gt;"))
          .append(" | ").append(flags(t, c)).append(" | ").append(c.description() == null ? "" : c.description().replace("|", "\\|"))
          .append(" |\n");
    }
  }

  private static String flags(TableSchema t, ColumnSpec c) {
    List<String> f = new java.util.ArrayList<>();
    if (c.isRequired()) f.add("required");
    else if (!c.isNullable()) f.add("not null");
    if (c.pii() != null) f.add("PII: " + c.pii());
    if (!c.allowed().isEmpty()) f.add("one of " + String.join(", ", c.allowed()));
    if (c.min() != null || c.max() != null) f.add("range " + num(c.min()) + ".." + num(c.max()));
    if (c.defaultValue() != null) f.add("default " + c.defaultValue());
    return String.join("; ", f);
  }

  private static String num(Double d) {
    if (d == null) return "";
    return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
  }
}
