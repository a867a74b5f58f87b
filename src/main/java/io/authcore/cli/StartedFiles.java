package io.authcore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code .started} directory: one file per running instance, named {@code <host>-<port>} and
 * holding {@code "<pid>\n<base_path>"}, the original's format, which {@code list} and {@code stop}
 * read.
 */
final class StartedFiles {
  /** One running (or crashed without cleaning up) instance, as its file describes it. */
  record Instance(String host, int port, long pid, String basePath, Path file) {
    String address() {
      return host + ":" + port;
    }

    boolean alive() {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  private final Path dir;

  StartedFiles(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path write(String host, int port, long pid, String basePath) throws IOException {
    Files.createDirectories(dir);
    // Others may start instances from the same installation, as in the original.
    dir.toFile().setWritable(true, false);
    Path file = dir.resolve(host + "-" + port);
    Files.writeString(file, pid + "\n" + basePath, StandardCharsets.UTF_8);
    return file;
  }

  /** Every instance that has a file, sorted by address; unreadable or foreign files are skipped. */
  List<Instance> read() throws IOException {
    List<Instance> result = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return result;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        parse(file).ifPresent(result::add);
      }
    }
    result.sort(Comparator.comparing(Instance::host).thenComparingInt(Instance::port));
    return result;
  }

  static Optional<Instance> parse(Path file) {
    String name = file.getFileName().toString();
    int dash = name.lastIndexOf('-');
    if (dash <= 0 || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(name.substring(dash + 1));
      String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
      long pid = Long.parseLong(lines[0].trim());
      String basePath = lines.length > 1 ? lines[1].trim() : "";
      return Optional.of(new Instance(name.substring(0, dash), port, pid, basePath, file));
    } catch (NumberFormatException | IOException e) {
      return Optional.empty();
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (NoSuchFileException e) {
      // already gone: the instance removed it itself
    } catch (IOException e) {
      // left behind; list and stop recognise a dead pid and clean it up later
    }
  }
}
