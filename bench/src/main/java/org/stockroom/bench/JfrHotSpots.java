package org.stockroom.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A first look at a JFR recording of the server: where its CPU samples land (top frames, and
 * the first frame in a project or library package), and how busy the machine was.
 */
final class JfrHotSpots {

    private JfrHotSpots() {
    }

    static String summarize(Path recording, int top) throws IOException {
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> stockroomFrames = new HashMap<>();
        int samples = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        int cpuEvents = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.CPULoad")) {
                jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                machineCpu += event.getFloat("machineTotal");
                cpuEvents++;
            } else if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                topFrames.merge(name(frames.getFirst()), 1, Integer::sum);
                packages.merge(packageOf(frames.getFirst()), 1, Integer::sum);
                for (RecordedFrame frame : frames) {
                    if (frame.getMethod().getType().getName().startsWith("org.stockroom.")) {
                        stockroomFrames.merge(name(frame), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder();
        if (cpuEvents > 0) {
            text.append("CPU while recording: server JVM %.0f%%, whole machine %.0f%% (of %d CPUs; the rest is PostgreSQL and the load generator)%n"
                    .formatted(100 * jvmCpu / cpuEvents, 100 * machineCpu / cpuEvents, Runtime.getRuntime().availableProcessors()));
        }
        text.append("Execution samples: ").append(samples).append(System.lineSeparator());
        text.append(section("Top frames", topFrames, samples, top));
        text.append(section("Top frames by package", packages, samples, top));
        text.append(section("Innermost org.stockroom frame on the stack", stockroomFrames, samples, top));
        return text.toString();
    }

    private static String section(String title, Map<String, Integer> counts, int samples, int top) {
        StringBuilder text = new StringBuilder(title).append(':').append(System.lineSeparator());
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (Map.Entry<String, Integer> entry : entries.subList(0, Math.min(top, entries.size()))) {
            text.append("  %5.1f%%  %s%n".formatted(100.0 * entry.getValue() / Math.max(1, samples), entry.getKey()));
        }
        return text.toString();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String packageOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, Math.max(1, parts.length - 1))));
    }
}
