package io.osprey.bench.ims;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Live heap of this JVM: used heap after {@code System.gc()} (MemoryMXBean) and a class histogram of live objects
 * (the {@code GC.class_histogram} diagnostic command, which runs a full collection first), so two snapshots give the
 * bytes and instances a piece of state added, by class.
 */
final class HeapMeter {

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    private static final int SETTLE_ROUNDS = 3;

    private HeapMeter() {
    }

    /** Instances and bytes of one class. */
    record Entry(long instances, long bytes) {
    }

    /** What grew between two snapshots for one class. */
    record Growth(String className, long instances, long bytes) {
    }

    /** Used heap after GC, and the live objects per class. */
    record Snapshot(long heapUsed, long histogramBytes, Map<String, Entry> classes) {
    }

    static Snapshot snapshot() throws JMException, InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < SETTLE_ROUNDS; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long used = memory.getHeapMemoryUsage().getUsed();
        Map<String, Entry> classes = histogram();
        long total = classes.values().stream().mapToLong(Entry::bytes).sum();
        return new Snapshot(used, total, classes);
    }

    /** The {@code limit} classes whose bytes grew most from {@code before} to {@code after}. */
    static List<Growth> growth(Snapshot before, Snapshot after, int limit) {
        List<Growth> growth = new ArrayList<>();
        after.classes().forEach((name, entry) -> {
            Entry old = before.classes().getOrDefault(name, new Entry(0, 0));
            growth.add(new Growth(name, entry.instances() - old.instances(), entry.bytes() - old.bytes()));
        });
        growth.sort(Comparator.comparingLong(Growth::bytes).reversed());
        return growth.subList(0, Math.min(limit, growth.size()));
    }

    /** Parses lines such as {@code "   1:   1234   56789  [B (java.base@25)"}. */
    private static Map<String, Entry> histogram() throws JMException {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Entry> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[0].endsWith(":")) {
                continue;
            }
            classes.merge(fields[3], new Entry(Long.parseLong(fields[1]), Long.parseLong(fields[2])),
                    (a, b) -> new Entry(a.instances() + b.instances(), a.bytes() + b.bytes()));
        }
        return classes;
    }
}
