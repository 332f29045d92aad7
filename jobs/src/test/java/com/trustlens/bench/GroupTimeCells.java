package com.trustlens.bench;

import com.trustlens.estimate.EstimationSettings;
import com.trustlens.estimate.GroupTimeCell;
import com.trustlens.estimate.StudyDesign;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

/** The ATT(g,t) cells every engine of the benchmark computes, with their periods as dates. */
public record GroupTimeCells(List<Cell> cells) {
  /** One cell: indexes in the window and the period starts of g, t and the base. */
  public record Cell(int g, int t, Date gDate, Date tDate, Date baseDate) {}

  /** The cells TrustLens plans (varying base, not-yet-treated) for the given cohort indexes. */
  public static GroupTimeCells of(StudyDesign design, EstimationSettings settings) {
    List<Cell> out = new ArrayList<>();
    for (GroupTimeCell c : design.cells()) {
      out.add(new Cell(c.cohort(), c.period(), date(settings, c.cohort()), date(settings, c.period()),
          date(settings, c.base())));
    }
    return new GroupTimeCells(List.copyOf(out));
  }

  /** Up to {@code k} cells spread evenly over the list (all of them when k covers it). */
  public List<Cell> spread(int k) {
    if (k >= cells.size()) return cells;
    List<Cell> out = new ArrayList<>();
    for (int i = 0; i < k; i++) out.add(cells.get((int) ((long) i * cells.size() / k)));
    return out;
  }

  public int size() {
    return cells.size();
  }

  private static Date date(EstimationSettings s, int index) {
    return Date.valueOf(s.periodAt(index));
  }
}
