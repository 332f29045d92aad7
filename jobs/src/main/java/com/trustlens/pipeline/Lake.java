package com.trustlens.pipeline;

/**
 * Where each table of a run lives under output.path: gold tables in their own sub-folder,
 * silver tables under _silver/, internal ones under _internal/.
 */
public record Lake(String root) {

  public String gold(String table) {
    return join(root, table);
  }

  public String silver(String source) {
    return join(root, "_silver/" + source);
  }

  public String internal(String table) {
    return join(root, "_internal/" + table);
  }

  private static String join(String base, String child) {
    return base.endsWith("/") ? base + child : base + "/" + child;
  }
}
