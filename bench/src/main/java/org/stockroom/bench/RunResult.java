package org.stockroom.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything one run measured. */
record RunResult(Instant started, Duration took, Machine machine, String postgresVersion, String pgbenchVersion,
                 Options options, String commit, String serverJvmOptions, AppServer.Start firstStart,
                 List<AppServer.Start> coldStarts, long idleRss,
                 Map<Long, Long> rssAfterLoad, long peakRss, Map<Long, Duration> seedTimes, List<Step> steps,
                 String jfrSummary, String loadGenerator) {

    /** One operation at one size and concurrency: each repetition, by HTTP and by pgbench. */
    record Step(long products, Operation operation, int clients, int pgbenchClients, List<Stats> server,
                List<Stats> pgbench) {

        Step {
            server = new ArrayList<>(server);
            pgbench = new ArrayList<>(pgbench);
        }

        Stats serverMedian() {
            return median(server);
        }

        Stats pgbenchMedian() {
            return median(pgbench);
        }

        /** Server requests/s over pgbench transactions/s, both medians; NaN without pgbench. */
        double ratio() {
            if (pgbench.isEmpty()) {
                return Double.NaN;
            }
            return serverMedian().perSecond() / pgbenchMedian().perSecond();
        }
    }

    /** The median of each figure over the repetitions; errors are summed, not medianed. */
    static Stats median(List<Stats> runs) {
        if (runs.isEmpty()) {
            return Stats.NONE;
        }
        return new Stats(
                (long) median(runs.stream().mapToDouble(Stats::requests).toArray()),
                runs.stream().mapToLong(Stats::errors).sum(),
                median(runs.stream().mapToDouble(Stats::perSecond).toArray()),
                median(runs.stream().mapToDouble(Stats::p50Millis).toArray()),
                median(runs.stream().mapToDouble(Stats::p99Millis).toArray()),
                new CpuMeter.Share(
                        median(runs.stream().mapToDouble(s -> s.cpu().server()).toArray()),
                        median(runs.stream().mapToDouble(s -> s.cpu().postgres()).toArray()),
                        median(runs.stream().mapToDouble(s -> s.cpu().loadGenerator()).toArray()),
                        median(runs.stream().mapToDouble(s -> s.cpu().pgbench()).toArray()),
                        median(runs.stream().mapToDouble(s -> s.cpu().machine()).toArray())));
    }

    static double median(double[] values) {
        double[] sorted = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The median restart's time to the first 200 on an authenticated GET (token issued before the restart). */
    Duration medianColdStart() {
        return medianStart(AppServer.Start::authenticated);
    }

    /** The median restart's time to the first 200 on /health/ready. */
    Duration medianReady() {
        return medianStart(AppServer.Start::ready);
    }

    private Duration medianStart(java.util.function.Function<AppServer.Start, Duration> figure) {
        List<AppServer.Start> starts = coldStarts.isEmpty() ? List.of(firstStart) : coldStarts;
        return Duration.ofNanos((long) median(starts.stream().map(figure).mapToDouble(Duration::toNanos).toArray()));
    }
}
