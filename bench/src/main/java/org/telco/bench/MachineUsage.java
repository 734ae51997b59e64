package org.telco.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CPU went during a window: the whole machine (from {@code /proc/stat}), this JVM, and
 * its garbage collector. On a small machine the client, the engine and PostgreSQL share the cores,
 * so this tells which side a bottleneck is on. Figures are in cores (1.0 = one core busy for the
 * whole window).
 *
 * @param wallNanos when the snapshot was taken
 * @param machineBusy busy jiffies of all cores, or -1 without {@code /proc/stat}
 * @param machineTotal all jiffies of all cores
 * @param jvmCpuNanos CPU time of this JVM, or -1 if unknown
 * @param gcMillis time the collectors report having spent
 * @param heapUsed heap bytes in use, garbage included
 */
record MachineUsage(
    long wallNanos,
    long machineBusy,
    long machineTotal,
    long jvmCpuNanos,
    long gcMillis,
    long heapUsed) {
  /** The counters now. */
  static MachineUsage now() {
    long busy = 0;
    long total = 0;
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      for (int i = 1; i < fields.length && i <= 8; i++) {
        long value = Long.parseLong(fields[i]);
        total += value;
        if (i != 4 && i != 5) { // idle, iowait
          busy += value;
        }
      }
    } catch (IOException | RuntimeException e) {
      busy = -1;
    }
    long jvm = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      jvm = os.getProcessCpuTime();
    }
    long gc = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, collector.getCollectionTime());
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new MachineUsage(System.nanoTime(), busy, total, jvm, gc, heap);
  }

  /** What happened between {@code earlier} and this snapshot, in one line. */
  String since(MachineUsage earlier) {
    double wall = wallNanos - earlier.wallNanos;
    int cores = Runtime.getRuntime().availableProcessors();
    StringBuilder line = new StringBuilder();
    double machine = Double.NaN;
    if (machineBusy >= 0 && earlier.machineBusy >= 0 && machineTotal > earlier.machineTotal) {
      machine =
          cores
              * (double) (machineBusy - earlier.machineBusy)
              / (machineTotal - earlier.machineTotal);
      line.append(String.format("machine %.2f of %d cores busy", machine, cores));
    }
    if (jvmCpuNanos >= 0) {
      double jvm = (jvmCpuNanos - earlier.jvmCpuNanos) / wall;
      line.append(
          String.format(
              "; this JVM %.2f cores (GC %.1f%% of the window)",
              jvm, 100.0 * (gcMillis - earlier.gcMillis) * 1e6 / wall));
      if (!Double.isNaN(machine)) {
        line.append(
            String.format(
                "; everything else (PostgreSQL, other processes) %.2f cores", machine - jvm));
      }
    }
    line.append(
        String.format(
            "; heap in use at the end %,d MB of %,d MB",
            heapUsed >> 20, Runtime.getRuntime().maxMemory() >> 20));
    return line.toString();
  }
}
