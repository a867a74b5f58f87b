package io.authcore.bench;

import java.util.Map;

/**
 * One figure of one side in one round, with what the bounds need: the connections, the mean
 * latency, the CPU the load client and PostgreSQL used (% of one core, -1 unknown) and, in the mix,
 * the mean latency of the requests that are not sign-ins.
 */
record SideBySideSample(
    String backend,
    String side,
    int round,
    String scenario,
    double rps,
    double p50Ms,
    double p99Ms,
    long errors,
    Map<String, Integer> errorReasons,
    double idleRssMb,
    int conns,
    double meanMs,
    double clientCpuPercent,
    double databaseCpuPercent,
    double othersMeanMs) {}
