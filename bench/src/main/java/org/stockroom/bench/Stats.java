package org.stockroom.bench;

/**
 * One measured step: one operation at one concurrency, by the HTTP load generator or by pgbench.
 *
 * @param requests   completed requests (or pgbench transactions) in the measured window
 * @param errors     requests that failed (a status other than the expected one, or an exception)
 * @param perSecond  completed requests per second
 * @param p50Millis  median latency
 * @param p99Millis  99th percentile latency
 * @param cpu        who used the CPUs meanwhile
 */
public record Stats(long requests, long errors, double perSecond, double p50Millis, double p99Millis, CpuMeter.Share cpu) {

    public static final Stats NONE = new Stats(0, 0, Double.NaN, Double.NaN, Double.NaN, CpuMeter.Share.NONE);

    Stats withCpu(CpuMeter.Share share) {
        return new Stats(requests, errors, perSecond, p50Millis, p99Millis, share);
    }
}
