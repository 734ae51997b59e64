package org.telco.bench.routing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.telco.porting.routing.RoutingReplica;

/**
 * A plain timed loop of lookups on the calling thread that reports lookups per second of wall time
 * and per second of the thread's CPU time. On a shared machine JMH's figure is per wall second and
 * falls with the load of other processes; the CPU-time figure shows what the thread did while it
 * ran. Memory stalls count as CPU time, so it is no measure of computation alone.
 *
 * @param lookups lookups made in the measured time
 * @param ported how many of them found a routing
 * @param wallSeconds elapsed time
 * @param cpuSeconds the thread's CPU time
 */
record CpuTimedLookups(long lookups, long ported, double wallSeconds, double cpuSeconds) {

  /** Looks up {@code queries} over and over for about {@code seconds}, after one untimed pass. */
  static CpuTimedLookups measure(RoutingReplica replica, long[] queries, double seconds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    pass(replica, queries);
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    long lookups = 0;
    long ported = 0;
    while (System.nanoTime() - wallStart < seconds * 1e9) {
      ported += pass(replica, queries);
      lookups += queries.length;
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    return new CpuTimedLookups(lookups, ported, wall, cpu);
  }

  double perWallSecond() {
    return lookups / wallSeconds;
  }

  double perCpuSecond() {
    return lookups / cpuSeconds;
  }

  private static int pass(RoutingReplica replica, long[] queries) {
    int ported = 0;
    for (long msisdn : queries) {
      if (replica.lookup(msisdn).isPresent()) {
        ported++;
      }
    }
    return ported;
  }
}
