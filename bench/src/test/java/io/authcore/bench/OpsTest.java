package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OpsTest {
  @Test
  void spreadIsMinMedianAndMaxWithTheMeanOfTheMiddleTwoForAnEvenCount() {
    Spread odd = Spread.of(List.of(230.0, 120.0, 175.0));
    assertEquals(new Spread(3, 120, 175, 230), odd);
    assertEquals("120 / 175 / 230", odd.text());
    assertEquals(new Spread(4, 1, 2.5, 9), Spread.of(List.of(9L, 1L, 3L, 2L)));
    assertEquals("1,200 / 1,500 / 1,800", Spread.of(List.of(1200, 1800, 1500)).text());
    assertEquals(0, Spread.of(List.of()).n());
    assertEquals("-", Spread.of(List.of()).text());
  }

  @Test
  void statusFieldsAreReadInKib() {
    String status =
        "Name:\tjava\nVmPeak:\t 3977044 kB\nVmHWM:\t  656384 kB\nVmRSS:\t  612000 kB\nThreads:\t42\n";
    assertEquals(656_384, Proc.statusKb(status, "VmHWM"));
    assertEquals(612_000, Proc.statusKb(status, "VmRSS"));
    assertEquals(-1, Proc.statusKb(status, "VmSwap"));
    assertEquals(-1, Proc.statusKb(status, "Vm")); // a prefix of a field is not the field
  }

  @Test
  void theOpenFilesLimitIsTheSoftOne() {
    String limits =
        "Limit                     Soft Limit           Hard Limit           Units     \n"
            + "Max processes             95723                95723                processes \n"
            + "Max open files            20000                40000                files     \n";
    assertEquals(20_000, Proc.openFilesLimit(limits));
    assertEquals(-1, Proc.openFilesLimit("Limit Soft Hard\n"));
    assertEquals(
        Long.MAX_VALUE,
        Proc.openFilesLimit("Max open files            unlimited   unlimited  files\n"));
    long self = ProcessHandle.current().pid();
    assertTrue(Proc.openFilesLimit(self) > 0);
    assertTrue(Proc.openDescriptors(self) > 0);
    assertTrue(Proc.statusKb(self, "VmHWM") > 0);
  }

  @Test
  void statusCodesComeFromTheFirstLine() {
    assertEquals(200, Probe.statusCode("HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nHello"));
    assertEquals(500, Probe.statusCode("HTTP/1.1 500 Internal Server Error\r\n\r\n"));
    assertEquals(-1, Probe.statusCode(""));
    assertEquals(-1, Probe.statusCode("SSH-2.0-OpenSSH"));
    assertEquals(-1, Probe.statusCode("HTTP/1.1 abc"));
  }

  @Test
  void logLinesAreCountedAndStatusesListed() {
    List<String> log =
        List.of(
            "ERROR XNIO001007: Failed to accept a connection: java.io.IOException: Too many open files",
            "INFO ok",
            "Too many open files");
    assertEquals(2, Proc.count(log, "Too many open files"));
    Map<Integer, Integer> statuses = new TreeMap<>(Map.of(500, 148, -1, 1));
    assertEquals("1 × no answer, 148 × 500", Outage.statuses(statuses));
  }

  @Test
  void theMarkdownHasASectionPerScenario() {
    Ops.Result r =
        new Ops.Result(
            "20261207-190000-ops",
            "2026-12-07T19:00:00Z",
            "OpenJDK 17",
            2,
            "1.00 1.00 1.00",
            List.of("-Xmx256m"),
            List.of(
                new Ops.Section(
                    "outage",
                    "What was done.",
                    List.of(List.of("run", "ms"), List.of("0", "150")),
                    null)));
    String md = Ops.markdown(r);
    assertTrue(md.startsWith("# Operational run 20261207-190000-ops\n"), md);
    assertTrue(md.contains("\n## outage\n\nWhat was done.\n\n| run | ms  |\n"), md);
    assertTrue(md.contains("| 0   | 150 |"), md);
  }
}
