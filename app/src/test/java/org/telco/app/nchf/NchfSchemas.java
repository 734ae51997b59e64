package org.telco.app.nchf;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.telco.web.Json;

/**
 * Checks JSON against the schemas of the 3GPP Release 17 OpenAPI files in {@code
 * src/test/resources/3gpp/rel17} (TS 32.291 Nchf_ConvergedCharging and TS 29.571 common data, used
 * unchanged), so a test can say that what we read and write conforms to the specification.
 *
 * <p>A schema is named as in the YAML's {@code components/schemas}: {@code ChargingDataRequest} is
 * looked up in TS32291_Nchf_ConvergedCharging.yaml, and a name that file does not define, such as
 * {@code ProblemDetails}, in TS29571_CommonData.yaml; {@code "TS29571_CommonData.yaml#Uint32"}
 * names the file explicitly. An unknown name throws rather than passing. The validator is networknt
 * json-schema-validator with its OpenAPI 3.0 dialect ({@code nullable}, formats such as {@code
 * date-time} and {@code uuid} asserted); it resolves the cross-file {@code $ref}s from the class
 * path, so it needs no network. Schemas are loaded once per name and shared by all tests.
 *
 * <pre>{@code
 * assertThat(NchfSchemas.validate("ChargingDataResponse", json)).isEmpty();
 * assertThat(NchfSchemas.validateWritten("ProblemDetails", problem)).isEmpty();
 * }</pre>
 */
public final class NchfSchemas {
  /** The Nchf_ConvergedCharging file, where unqualified names are looked up first. */
  public static final String NCHF = "TS32291_Nchf_ConvergedCharging.yaml";

  /** The common data file, where ProblemDetails and the Uint and DateTime types live. */
  public static final String COMMON = "TS29571_CommonData.yaml";

  private static final String BASE = "classpath:3gpp/rel17/";
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private NchfSchemas() {}

  /**
   * The violations of a JSON document against a named schema, empty when it conforms. Each is
   * {@code "<JSON pointer>: <message> [<keyword>]"}.
   */
  public static List<String> validate(String schemaName, String json) {
    return describe(schema(schemaName).validate(json, InputFormat.JSON));
  }

  /** The violations of a JSON tree against a named schema, empty when it conforms. */
  public static List<String> validate(String schemaName, JsonNode json) {
    return describe(schema(schemaName).validate(json));
  }

  /**
   * The violations of a value as the platform writes it ({@code org.telco.web.Json.write}, as the
   * routes do) against a named schema.
   */
  public static List<String> validateWritten(String schemaName, Object value) {
    return validate(schemaName, new String(Json.write(value), StandardCharsets.UTF_8));
  }

  private static List<String> describe(List<Error> errors) {
    return errors.stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage() + " [" + e.getKeyword() + "]")
        .toList();
  }

  private static Schema schema(String schemaName) {
    return SCHEMAS.computeIfAbsent(schemaName, NchfSchemas::load);
  }

  private static Schema load(String schemaName) {
    String file;
    String name;
    int hash = schemaName.indexOf('#');
    if (hash >= 0) {
      file = schemaName.substring(0, hash);
      name = schemaName.substring(hash + 1);
    } else {
      name = schemaName;
      file = defines(NCHF, name) ? NCHF : COMMON;
    }
    if (!defines(file, name)) {
      throw new IllegalArgumentException("no schema " + name + " in " + file);
    }
    Schema schema =
        REGISTRY.getSchema(SchemaLocation.of(BASE + file + "#/components/schemas/" + name));
    // Resolve every $ref now, so a missing file fails here and not in the middle of a test.
    schema.initializeValidators();
    return schema;
  }

  private static boolean defines(String file, String name) {
    JsonNode document = REGISTRY.getSchema(SchemaLocation.of(BASE + file)).getSchemaNode();
    return document.path("components").path("schemas").has(name);
  }
}
