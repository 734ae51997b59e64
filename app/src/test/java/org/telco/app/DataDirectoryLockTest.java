package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One platform per data directory, and the directory free again once it stops. */
class DataDirectoryLockTest {
  @TempDir Path directory;

  @Test
  void aSecondHolderIsRefusedUntilTheFirstLetsGo() throws Exception {
    DataDirectoryLock first = DataDirectoryLock.acquire(directory);
    assertThat(Files.readString(directory.resolve(DataDirectoryLock.FILE)).trim())
        .isEqualTo(Long.toString(ProcessHandle.current().pid()));

    assertThatThrownBy(() -> DataDirectoryLock.acquire(directory))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another Telco platform is running on");

    first.close();
    DataDirectoryLock.acquire(directory).close();
  }

  @Test
  void anotherDirectoryIsNotLocked() throws Exception {
    Path other = Files.createDirectory(directory.resolve("other"));
    try (DataDirectoryLock first = DataDirectoryLock.acquire(directory);
        DataDirectoryLock second = DataDirectoryLock.acquire(other)) {
      assertThat(first).isNotNull();
      assertThat(second).isNotNull();
    }
  }
}
