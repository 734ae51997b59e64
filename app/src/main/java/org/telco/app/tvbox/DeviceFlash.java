package org.telco.app.tvbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * What a TV box keeps in its flash memory: who it is, where its service platform is, its secret,
 * and, once bound, the binding token from the activation SMS. Never the paying number: the device
 * does not learn it.
 *
 * <p>Kept as a JSON file readable by its owner only, written whole to a temporary file and moved
 * into place, so a device that loses power mid-write keeps the old state rather than half of one.
 *
 * @param deviceId the device id printed on its label
 * @param operatorUrl its operator's service platform, e.g. {@code http://127.0.0.1:8081}
 * @param operator its operator's id
 * @param dataSim the number of its data SIM, where the activation SMS arrives
 * @param secret its credential, handed out once at registration
 * @param token the binding token; null when not bound
 */
public record DeviceFlash(
    String deviceId,
    String operatorUrl,
    String operator,
    String dataSim,
    String secret,
    String token) {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Requires everything but the token. */
  public DeviceFlash {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(operatorUrl, "operatorUrl");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(dataSim, "dataSim");
    Objects.requireNonNull(secret, "secret");
  }

  /** The same flash holding {@code newToken} (null: none). */
  public DeviceFlash withToken(String newToken) {
    return new DeviceFlash(deviceId, operatorUrl, operator, dataSim, secret, newToken);
  }

  /** Whether it holds a binding token. */
  public boolean hasToken() {
    return token != null;
  }

  /** The file of device {@code deviceId} under {@code directory}. */
  public static Path file(Path directory, String deviceId) {
    return directory.resolve(deviceId + ".json");
  }

  /** Reads the flash in {@code file}. */
  public static DeviceFlash read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), DeviceFlash.class);
  }

  /** Writes it to {@code file}, readable by the owner only where the file system allows. */
  public void write(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".flash-", ".json");
    try {
      restrict(temporary);
      MAPPER.writeValue(temporary.toFile(), this);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: it keeps the directory's permissions.
    }
  }

  /** Hides the secret and the token. */
  @Override
  public String toString() {
    return "DeviceFlash[" + deviceId + " at " + operatorUrl + ", bound=" + hasToken() + "]";
  }
}
