package io.authcore.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
  private static final int BLOCK = 4096;
  private static final int BLOCKS = 8192; // 32 MB

  @Test
  void trimmingGivesBackWhatMallocKeptAfterFree() throws IOException {
    Optional<NativeHeap> heap = NativeHeap.ofThisProcess();
    assumeTrue(heap.isPresent() && Files.exists(Path.of("/proc/self/status")), "glibc on Linux");
    long[] blocks = new long[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
      blocks[i] = Native.malloc(BLOCK);
      new Pointer(blocks[i]).setMemory(0, BLOCK, (byte) 1);
    }
    // The last block stays, so malloc cannot give the rest back by shrinking its heap's top.
    for (int i = 0; i < BLOCKS - 1; i++) {
      Native.free(blocks[i]);
    }
    try {
      long before = residentKb();
      assertTrue(heap.get().trim(), "memory was released");
      long released = before - residentKb();
      assertTrue(released > 16 * 1024, "released " + released + " kB of the 32 MB freed");
    } finally {
      Native.free(blocks[BLOCKS - 1]);
    }
  }

  private static long residentKb() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
        .findFirst()
        .orElseThrow();
  }
}
