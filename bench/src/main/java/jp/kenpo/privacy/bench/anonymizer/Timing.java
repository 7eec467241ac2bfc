package jp.kenpo.privacy.bench.anonymizer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.function.Supplier;

/** Runs a piece of work a few times after warming up and reports the best and median times. */
final class Timing {

    record Figures<T>(T last, double bestMillis, double medianMillis, int runs) {}

    private Timing() {}

    static <T> Figures<T> measure(int warmups, int runs, Supplier<T> work) {
        T last = null;
        for (int i = 0; i < warmups; i++) {
            last = work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Figures<>(last, millis[0], millis[runs / 2], runs);
    }

    /**
     * The sum of the peak usage of every heap pool since start-up: an upper bound of the peak
     * heap, since the pools need not peak at the same moment.
     */
    static double peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1024.0 / 1024.0;
    }

    static String maxHeap() {
        return Math.round(Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0) + " MiB";
    }
}
