package org.stockroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Who used the CPUs during a step, from /proc (Linux; elsewhere every share is NaN): the server
 * JVM, PostgreSQL (all its processes, with the backends that ended since, which their postmaster
 * has reaped), this JVM (the Java load generator) and its reaped children (pgbench, or wrk), and the whole
 * machine. Each as a percentage of the whole machine (all CPUs) over the step, from its start to
 * the end of its last request (the HTTP clients finish the requests in flight when the window closes).
 *
 * <p>PostgreSQL's backends come and go with pgbench's connections; one that ends while /proc is
 * being read can be missed or counted twice. So {@link #stop} first waits until the number of
 * PostgreSQL processes has settled (the backends of a finished pgbench have ended and been reaped);
 * the shares are taken over the step's time without that wait.
 * They are approximate to a few percent.
 */
final class CpuMeter {

    /** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on Linux. */
    private static final double TICKS = 100;

    /** CPU shares of one step, in percent of the whole machine. */
    record Share(double server, double postgres, double loadGenerator, double pgbench, double machine) {

        static final Share NONE = new Share(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /**
         * For an HTTP step: the reaped children are the load generator too. wrk runs as a child of
         * this JVM, and its CPU time shows in this JVM's children's times once it has been waited for.
         */
        Share childrenAsLoad() {
            return new Share(server, postgres, loadGenerator + pgbench, 0, machine);
        }
    }

    private record Snapshot(long nanos, long server, long postgres, long self, long children, long machineBusy) {
    }

    private final long serverPid;
    private Snapshot start;

    CpuMeter(long serverPid) {
        this.serverPid = serverPid;
    }

    void start() {
        start = snapshot();
    }

    Share stop() {
        long stepEnd = System.nanoTime();
        settle();
        Snapshot end = snapshot();
        if (start == null || end == null) {
            return Share.NONE;
        }
        double seconds = (stepEnd - start.nanos) / 1e9;
        double machineTicks = seconds * TICKS * Runtime.getRuntime().availableProcessors();
        return new Share(
                100 * (end.server - start.server) / machineTicks,
                100 * (end.postgres - start.postgres) / machineTicks,
                100 * (end.self - start.self) / machineTicks,
                100 * (end.children - start.children) / machineTicks,
                100 * (end.machineBusy - start.machineBusy) / machineTicks);
    }

    /** Waits (up to 2 s) until the count of PostgreSQL processes is the same twice, 100 ms apart. */
    private static void settle() {
        long previous = -1;
        for (int i = 0; i < 20; i++) {
            long now = postgresProcesses();
            if (now == previous) {
                return;
            }
            previous = now;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long postgresProcesses() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return Files.readString(p.resolve("comm")).strip().equals("postgres");
                        } catch (IOException | RuntimeException gone) {
                            return false;
                        }
                    }).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private Snapshot snapshot() {
        try {
            long self = ProcessHandle.current().pid();
            long[] own = times(self);
            long postgres = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                            long[] t = times(Long.parseLong(process.getFileName().toString()));
                            postgres += t[0] + t[1] + t[2] + t[3];
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            long[] server = times(serverPid);
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) {  // not idle, not iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return new Snapshot(System.nanoTime(), server[0] + server[1], postgres, own[0] + own[1], own[2] + own[3], busy);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime, stime, cutime, cstime of a process, in clock ticks. */
    private static long[] times(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is the state (field 3 of stat); utime is field 14, so index 11.
        return new long[]{Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                Long.parseLong(fields[13]), Long.parseLong(fields[14])};
    }
}
