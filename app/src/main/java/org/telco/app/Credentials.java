package org.telco.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's demo credentials: per node an admin and a partner API key, per operator an SMPP
 * login, two console logins (an admin and a care user), and one signing key per pair of nodes.
 * Generated with a secure random source on first start, kept in {@code credentials.json}
 * (owner-only) and reused afterwards. Nodes themselves keep only hashes of the API keys.
 *
 * @param nodes credentials by node name
 * @param peerKeys hex signing key by node pair, the two names sorted and joined by ':'
 */
public record Credentials(Map<String, NodeCredentials> nodes, Map<String, String> peerKeys) {
  /** Longest password an SMPP 3.4 bind carries. */
  static final int SMPP_PASSWORD_MAX = 8;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One node's credentials.
   *
   * @param adminApiKey full access to the node's API
   * @param partnerApiKey partner access (status queries, top-ups by third parties)
   * @param smppSystemId SMPP system_id (operators only, else null)
   * @param smppPassword SMPP password (operators only, else null)
   * @param consoleUser the console's admin login name
   * @param consolePassword its password
   * @param careUser the console's customer-care login name (files from before it get one)
   * @param carePassword its password
   */
  public record NodeCredentials(
      String adminApiKey,
      String partnerApiKey,
      String smppSystemId,
      String smppPassword,
      String consoleUser,
      String consolePassword,
      String careUser,
      String carePassword) {}

  /** Loads the file, or generates and writes it (mode 0600) if it does not exist yet. */
  public static Credentials loadOrCreate(Path file, List<NodeSpec> nodes) throws IOException {
    if (Files.exists(file)) {
      Credentials existing = MAPPER.readValue(file.toFile(), Credentials.class);
      Credentials completed = existing.completedFor(nodes);
      if (!completed.equals(existing)) {
        completed.write(file);
      }
      return completed;
    }
    Credentials created = new Credentials(Map.of(), Map.of()).completedFor(nodes);
    created.write(file);
    return created;
  }

  /** These credentials plus fresh ones for any node or pair that has none yet. */
  Credentials completedFor(List<NodeSpec> specs) {
    Map<String, NodeCredentials> allNodes = new TreeMap<>(nodes);
    for (NodeSpec spec : specs) {
      allNodes.computeIfAbsent(spec.name(), name -> generate(spec));
      allNodes.computeIfPresent(
          spec.name(), (name, own) -> withConsoleLogins(withSmppPasswordThatFits(own)));
    }
    Map<String, String> keys = new TreeMap<>(peerKeys);
    List<String> names = List.copyOf(allNodes.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        keys.computeIfAbsent(pair(names.get(i), names.get(j)), p -> secret(32));
      }
    }
    return new Credentials(allNodes, keys);
  }

  /** The signing key shared by two nodes. */
  public byte[] peerKey(String a, String b) {
    String hex = peerKeys.get(pair(a, b));
    if (hex == null) {
      throw new IllegalStateException("no signing key for " + pair(a, b));
    }
    return HexFormat.of().parseHex(hex);
  }

  /** One node's credentials. */
  public NodeCredentials of(String node) {
    NodeCredentials found = nodes.get(node);
    if (found == null) {
      throw new IllegalStateException("no credentials for node " + node);
    }
    return found;
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) < 0 ? a + ":" + b : b + ":" + a;
  }

  /** SMPP 3.4 passwords have at most 8 characters; files from before that check get a new one. */
  private static NodeCredentials withSmppPasswordThatFits(NodeCredentials own) {
    if (own.smppPassword() == null || own.smppPassword().length() <= SMPP_PASSWORD_MAX) {
      return own;
    }
    return new NodeCredentials(
        own.adminApiKey(),
        own.partnerApiKey(),
        own.smppSystemId(),
        secret(SMPP_PASSWORD_MAX / 2),
        own.consoleUser(),
        own.consolePassword(),
        own.careUser(),
        own.carePassword());
  }

  /** Files from before the console had two logins get the missing ones; set ones are kept. */
  private static NodeCredentials withConsoleLogins(NodeCredentials own) {
    boolean admin = own.consoleUser() != null && own.consolePassword() != null;
    boolean care = own.careUser() != null && own.carePassword() != null;
    if (admin && care) {
      return own;
    }
    return new NodeCredentials(
        own.adminApiKey(),
        own.partnerApiKey(),
        own.smppSystemId(),
        own.smppPassword(),
        admin ? own.consoleUser() : "admin",
        admin ? own.consolePassword() : secret(8),
        care ? own.careUser() : "care",
        care ? own.carePassword() : secret(8));
  }

  private static NodeCredentials generate(NodeSpec spec) {
    boolean operator = spec.kind() == NodeKind.OPERATOR;
    return new NodeCredentials(
        "tk_admin_" + spec.name() + "_" + secret(20),
        "tk_partner_" + spec.name() + "_" + secret(20),
        operator ? spec.name() : null,
        operator ? secret(SMPP_PASSWORD_MAX / 2) : null,
        "admin",
        secret(8),
        "care",
        secret(8));
  }

  private static String secret(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temporary);
    Files.createFile(
        temporary,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("nodes", nodes);
    document.put("peerKeys", peerKeys);
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), document);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
