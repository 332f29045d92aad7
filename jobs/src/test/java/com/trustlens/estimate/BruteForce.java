package com.trustlens.estimate;

import com.trustlens.config.ControlGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference for the estimator: ATT(g,t) and ATT(e) computed customer by customer from a
 * {@link World}, straight from their definitions (no sums, no buckets), optionally without one
 * customer (for the jackknife), and the customer-level influence functions.
 */
final class BruteForce {
  private final World world;
  private final ControlGroup group;
  private final StudyDesign design;
  private final boolean weighted;

  BruteForce(World world, ControlGroup group) {
    this(world, group, false);
  }

  /** @param weighted whether controls get attrition weights */
  BruteForce(World world, ControlGroup group, boolean weighted) {
    this.world = world;
    this.group = group;
    this.weighted = weighted;
    List<Integer> cohorts = world.customers.stream().filter(c -> c.cohort() != null).map(World.Customer::cohort).toList();
    this.design = StudyDesign.plan(World.TREATMENT, cohorts, world.periods, group);
  }

  StudyDesign design() {
    return design;
  }

  private boolean treated(World.Customer c, GroupTimeCell cell) {
    return c.cohort() != null && c.cohort() == cell.cohort();
  }

  private boolean control(World.Customer c, GroupTimeCell cell) {
    boolean reachable = c.exit() == null || c.exit() >= cell.cohort();
    boolean never = c.cohort() == null;
    boolean notYet = never || (c.cohort() > cell.period() && c.cohort() != cell.cohort());
    return reachable && (group == ControlGroup.NEVER_TREATED ? never : notYet);
  }

  /**
   * 1 / P(staying untreated from g+1 to min(horizon, exit)), the per-period probabilities being one
   * minus the share of the stratum's reachable untreated customers first treated then.
   */
  double weight(World.Customer c, GroupTimeCell cell, int left) {
    if (!weighted) return 1;
    double[] h = hazards.computeIfAbsent(left + "|" + c.stratum(), k -> hazards(c.stratum(), left));
    double w = 1;
    for (int u = cell.cohort() + 1; u <= horizon(c, cell); u++) {
      w /= 1 - h[u];
    }
    return w;
  }

  private final Map<String, double[]> hazards = new java.util.HashMap<>();

  private double[] hazards(String stratum, int left) {
    double[] h = new double[world.periods];
    for (int u = 0; u < world.periods; u++) {
      double atRisk = 0;
      double first = 0;
      for (int i = 0; i < world.customers.size(); i++) {
        World.Customer o = world.customers.get(i);
        if (i == left || !o.stratum().equals(stratum)) continue;
        if (atRisk(o, u)) atRisk++;
        if (firstTreated(o, u)) first++;
      }
      h[u] = atRisk == 0 ? 0 : first / atRisk;
    }
    return h;
  }

  private static boolean atRisk(World.Customer o, int u) {
    return (o.cohort() == null || o.cohort() >= u) && (o.exit() == null || o.exit() >= u);
  }

  private static boolean firstTreated(World.Customer o, int u) {
    return o.cohort() != null && o.cohort() == u && atRisk(o, u);
  }

  private int horizon(World.Customer c, GroupTimeCell cell) {
    int horizon = group == ControlGroup.NEVER_TREATED ? world.periods - 1 : cell.period();
    return c.exit() == null ? horizon : Math.min(horizon, c.exit());
  }

  /**
   * The influence of estimating the hazards on ATT(g,t), customer by customer: the controls' mean
   * of stratum s moves by dmu/dh(v) = sum over controls reaching v of w (change - mu) / W / (1 - h(v)),
   * and customer j moves h(v) by (E_j(v) - h(v) R_j(v)) / R(v).
   */
  private void addHazardInfluence(double[] phi, GroupTimeCell cell, String stratum, double share, double muC, double wC) {
    for (int v = cell.cohort() + 1; v < world.periods; v++) {
      double moved = 0;
      double atRisk = 0;
      double first = 0;
      for (World.Customer c : world.customers) {
        if (!c.stratum().equals(stratum)) continue;
        if (atRisk(c, v)) atRisk++;
        if (firstTreated(c, v)) first++;
        if (!treated(c, cell) && control(c, cell) && horizon(c, cell) >= v) {
          moved += weight(c, cell, -1) * (change(c, cell) - muC);
        }
      }
      if (moved == 0 || atRisk == 0) continue;
      double h = first / atRisk;
      double k = moved / wC / (1 - h);
      for (int j = 0; j < phi.length; j++) {
        World.Customer c = world.customers.get(j);
        if (!c.stratum().equals(stratum)) continue;
        phi[j] -= share * k * ((firstTreated(c, v) ? 1 : 0) - h * (atRisk(c, v) ? 1 : 0)) / atRisk;
      }
    }
  }

  private double change(World.Customer c, GroupTimeCell cell) {
    return c.revenue()[cell.period()] - (cell.hasBase() ? c.revenue()[cell.base()] : 0);
  }

  /** ATT(g,t) without the customer at index {@code left} (-1: everyone), or NaN without controls. */
  double att(GroupTimeCell cell, int left) {
    Map<String, double[]> byStratum = new TreeMap<>(); // nT, sumT, nC, sumC
    for (int i = 0; i < world.customers.size(); i++) {
      World.Customer c = world.customers.get(i);
      if (i == left) continue;
      double[] s = byStratum.computeIfAbsent(c.stratum(), k -> new double[4]);
      if (treated(c, cell)) {
        s[0]++;
        s[1] += change(c, cell);
      } else if (control(c, cell)) {
        double w = weight(c, cell, left);
        s[2] += w;
        s[3] += w * change(c, cell);
      }
    }
    double n = 0;
    double att = 0;
    for (double[] s : byStratum.values()) {
      if (s[0] == 0 || s[2] == 0) continue;
      n += s[0];
      att += s[0] * (s[1] / s[0] - s[3] / s[2]);
    }
    return n == 0 ? Double.NaN : att / n;
  }

  /** ATT(e): ATT(g, g+e) averaged over cohorts, weighted by their customers. */
  double eventStudy(int e, int left) {
    double weight = 0;
    double sum = 0;
    for (GroupTimeCell cell : design.cells()) {
      if (cell.eventTime() != e) continue;
      double att = att(cell, left);
      if (Double.isNaN(att)) continue;
      double size = cohortSize(cell.cohort(), left);
      weight += size;
      sum += size * att;
    }
    return sum / weight;
  }

  private double cohortSize(int g, int left) {
    int n = 0;
    for (int i = 0; i < world.customers.size(); i++) {
      if (i != left && world.customers.get(i).cohort() != null && world.customers.get(i).cohort() == g) n++;
    }
    return n;
  }

  /** Customer-level influence function of ATT(g,t) (sum-normalised: the error is their sum). */
  double[] influence(GroupTimeCell cell) {
    double att = att(cell, -1);
    Map<String, double[]> s = new LinkedHashMap<>();
    for (World.Customer c : world.customers) {
      double[] x = s.computeIfAbsent(c.stratum(), k -> new double[4]);
      if (treated(c, cell)) { x[0]++; x[1] += change(c, cell); }
      else if (control(c, cell)) { double w = weight(c, cell, -1); x[2] += w; x[3] += w * change(c, cell); }
    }
    double n = s.values().stream().filter(x -> x[0] > 0 && x[2] > 0).mapToDouble(x -> x[0]).sum();
    double[] phi = new double[world.customers.size()];
    for (int i = 0; i < phi.length; i++) {
      World.Customer c = world.customers.get(i);
      double[] x = s.get(c.stratum());
      if (x[0] == 0 || x[2] == 0) continue;
      double muC = x[3] / x[2];
      if (treated(c, cell)) phi[i] = (change(c, cell) - muC - att) / n;
      else if (control(c, cell)) phi[i] = -(x[0] / n) * weight(c, cell, -1) * (change(c, cell) - muC) / x[2];
    }
    if (weighted) {
      s.forEach((stratum, x) -> {
        if (x[0] > 0 && x[2] > 0) addHazardInfluence(phi, cell, stratum, x[0] / n, x[3] / x[2], x[2]);
      });
    }
    return phi;
  }

  /** Customer-level influence function of ATT(e), with the estimated cohort weights (wif). */
  double[] eventInfluence(int e) {
    int n = world.customers.size();
    List<GroupTimeCell> keep = new ArrayList<>();
    for (GroupTimeCell cell : design.cells()) {
      if (cell.eventTime() == e && !Double.isNaN(att(cell, -1))) keep.add(cell);
    }
    double total = keep.stream().mapToDouble(c -> cohortSize(c.cohort(), -1) / n).sum();
    double[] phi = new double[n];
    for (GroupTimeCell cell : keep) {
      double p = cohortSize(cell.cohort(), -1) / n;
      double[] f = influence(cell);
      double att = att(cell, -1);
      for (int i = 0; i < n; i++) {
        double centeredSum = 0;
        for (GroupTimeCell other : keep) {
          centeredSum += in(i, other.cohort()) - cohortSize(other.cohort(), -1) / n;
        }
        double wif = (in(i, cell.cohort()) - p) / total - centeredSum * p / (total * total);
        phi[i] += p / total * f[i] + wif * att / n;
      }
    }
    return phi;
  }

  private double in(int i, int g) {
    Integer c = world.customers.get(i).cohort();
    return c != null && c == g ? 1 : 0;
  }

  static double sumOfSquares(double[] xs) {
    double s = 0;
    for (double x : xs) s += x * x;
    return s;
  }
}
