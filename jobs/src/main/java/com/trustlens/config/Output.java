package com.trustlens.config;

/** Where the Delta tables are written: one table per sub-folder of path. */
public record Output(String path) {}
