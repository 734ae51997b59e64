package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  @TempDir Path directory;

  @Test
  void newFileHasAnAdminAndACareLoginPerNode() throws Exception {
    Credentials created =
        Credentials.loadOrCreate(directory.resolve("c.json"), NodeSpec.ALL_IN_ONE);

    for (NodeSpec spec : NodeSpec.ALL_IN_ONE) {
      Credentials.NodeCredentials own = created.of(spec.name());
      assertThat(own.consoleUser()).isEqualTo("admin");
      assertThat(own.careUser()).isEqualTo("care");
      assertThat(own.consolePassword()).hasSize(16).isNotEqualTo(own.carePassword());
    }
  }

  @Test
  void fileFromBeforeTheCareLoginKeepsEverythingAndGainsOne() throws Exception {
    Path file = directory.resolve("credentials.json");
    Files.writeString(
        file,
        """
        {"nodes": {"alpha": {"adminApiKey": "tk_admin_alpha_1", "partnerApiKey": "tk_partner_alpha_1",
          "smppSystemId": "alpha", "smppPassword": "abcd1234", "consoleUser": "admin",
          "consolePassword": "old-secret"}},
         "peerKeys": {}}
        """);

    Credentials loaded = Credentials.loadOrCreate(file, List.of(alpha()));

    Credentials.NodeCredentials own = loaded.of("alpha");
    assertThat(own.adminApiKey()).isEqualTo("tk_admin_alpha_1");
    assertThat(own.consolePassword()).isEqualTo("old-secret");
    assertThat(own.careUser()).isEqualTo("care");
    assertThat(own.carePassword()).hasSize(16);
    assertThat(Credentials.loadOrCreate(file, List.of(alpha())).of("alpha")).isEqualTo(own);
  }

  private static NodeSpec alpha() {
    return NodeSpec.ALL_IN_ONE.stream()
        .filter(s -> s.name().equals("alpha"))
        .findFirst()
        .orElseThrow();
  }
}
