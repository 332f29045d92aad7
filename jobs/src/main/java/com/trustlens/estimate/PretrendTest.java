package com.trustlens.estimate;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Joint Wald test that the pre-period ATT(e) are all zero, with their covariance estimated from
 * bucket influence functions. As that covariance has B - 1 degrees of freedom, the statistic is
 * referred to Hotelling's F(k, B - k) rather than chi-square(k), which keeps the test's size at
 * its nominal level when k is not small against B. A singular covariance uses its pseudo-inverse
 * and its rank as k.
 */
final class PretrendTest {
  private PretrendTest() {}

  /** Result: statistic W, degrees of freedom k, p-value. */
  record Result(double statistic, int df, double pValue) {}

  /** @return null when there are no pre-period estimates with a standard error above zero (beyond rounding) */
  static Result test(List<Estimate> pre, int occupiedBuckets) {
    List<Estimate> usable = pre.stream().filter(Estimate::hasVariance).toList();
    if (usable.isEmpty()) return null;
    int k = usable.size();
    int buckets = usable.get(0).phi().length;
    double[][] cov = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double c = 0;
        double[] a = usable.get(i).phi();
        double[] b = usable.get(j).phi();
        for (int x = 0; x < buckets; x++) c += a[x] * b[x];
        cov[i][j] = c;
        cov[j][i] = c;
      }
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(cov, false));
    int rank = svd.getRank();
    RealMatrix inverse = svd.getSolver().getInverse();
    RealVector theta = new ArrayRealVector(usable.stream().mapToDouble(Estimate::att).toArray());
    double w = theta.dotProduct(inverse.operate(theta));
    int denominator = occupiedBuckets - rank;
    double p = denominator >= 1
        ? 1 - new FDistribution(null, rank, denominator).cumulativeProbability(w * denominator / (rank * (occupiedBuckets - 1.0)))
        : 1 - new ChiSquaredDistribution(null, rank).cumulativeProbability(w);
    return new Result(w, rank, p);
  }
}
