package org.stockroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on, from /proc where Linux provides it. */
record Machine(int processors, long memoryBytes, String cpuModel, String kernel, String jdk) {

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemTotal(), readCpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    }

    private static long readMemTotal() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static String readCpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    String describe() {
        return "%d CPUs (as the JVM sees them), %.1f GiB RAM, %s; %s".formatted(processors,
                memoryBytes / (1024.0 * 1024 * 1024), cpuModel, kernel);
    }
}
