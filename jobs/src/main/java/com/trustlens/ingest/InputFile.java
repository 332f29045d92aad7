package com.trustlens.ingest;

/** One file an input is read from, as listed when a run starts: its identity for incremental runs. */
public record InputFile(String path, long size, long modifiedAt) {

  /** True when the file is the one read before: same path, length and modification time. */
  public boolean sameAs(InputFile other) {
    return path.equals(other.path) && size == other.size && modifiedAt == other.modifiedAt;
  }
}
