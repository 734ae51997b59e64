package org.telco.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unpacking the shipped binaries, also by two installers racing for the same directory. */
class PostgresBinariesTest {
  private final Path cache = PostgresForTests.dataDirectory();

  @AfterEach
  void deleteCache() {
    PostgresForTests.deleteTree(cache);
  }

  @Test
  void racingInstallersLeaveOneCompleteCopy() throws Exception {
    Path home = cache.resolve("postgres-" + PostgresBinaries.VERSION);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Callable<PostgresBinaries> install = () -> PostgresBinaries.in(home).install();
      for (Future<PostgresBinaries> done : threads.invokeAll(List.of(install, install))) {
        done.get();
      }
    } finally {
      threads.shutdown();
    }

    assertThat(home.resolve("bin/postgres")).isExecutable();
    assertThat(home.resolve("bin/initdb")).isExecutable();
    assertThat(home.resolve("lib/libpq.so")).isSymbolicLink();
    assertThat(Files.getPosixFilePermissions(home.resolve("bin")))
        .containsAll(PosixFilePermissions.fromString("r-xr-xr-x"));
    try (Stream<Path> siblings = Files.list(cache)) {
      assertThat(siblings).containsExactly(home);
    }
  }
}
