package com.cmobile.ecosystem.producers;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.testkit.MarkdownTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table against {@link PublisherConfig#settings()}: each declared
 * setting with its variable, default and meaning; the other rows are the pass-through prefixes.
 */
class PublisherConfigReadmeTest {

    private static final String PASS_THROUGH = "<NAME>";

    private final MarkdownTable table = MarkdownTable.under(repoFile("producers/README.md"), "### Configuration");

    @Test
    void everyDeclaredSettingIsListedWithItsVariableDefaultAndMeaning() {
        Map<String, Map<String, String>> byProperty = table.rows().stream()
                .filter(row -> !row.get("Environment variable").contains(PASS_THROUGH))
                .collect(Collectors.toMap(row -> unquote(row.get("Property")), row -> row));
        var disagreements = new ArrayList<String>();

        for (ConfigDef.ConfigKey key : PublisherConfig.settings().configKeys().values()) {
            Map<String, String> row = byProperty.remove(key.name);
            if (row == null) {
                disagreements.add(key.name + " is missing");
                continue;
            }
            expect(disagreements, key.name, "variable", PublisherConfig.environmentVariables().get(key.name),
                    unquote(row.get("Environment variable")));
            expect(disagreements, key.name, "default", ConfigDef.convertToString(key.defaultValue, key.type),
                    unquote(row.get("Default")));
            expect(disagreements, key.name, "meaning", key.documentation, row.get("Meaning"));
        }
        byProperty.keySet().forEach(property -> disagreements.add(property + " is not a setting of PublisherConfig"));

        assertThat(disagreements).as(table.source()).isEmpty();
    }

    @Test
    void passThroughRowsNameTheDeclaredPrefixes() {
        List<String> prefixes = table.rows().stream().map(row -> unquote(row.get("Environment variable")))
                .filter(variable -> variable.contains(PASS_THROUGH))
                .map(variable -> variable.substring(0, variable.indexOf(PASS_THROUGH)))
                .toList();

        assertThat(prefixes).as(table.source())
                .containsExactlyInAnyOrder(PublisherConfig.ENV_CLIENT_PREFIX, PublisherConfig.ENV_REGISTRY_PREFIX);
    }

    private static void expect(List<String> disagreements, String property, String what, String declared,
                               String documented) {
        if (!declared.strip().replaceAll("\\s+", " ").equals(documented.strip().replaceAll("\\s+", " "))) {
            disagreements.add(property + ": " + what + " is '" + declared + "', the README says '" + documented + "'");
        }
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }

    /** From the module directory (Maven) or the repository root (an IDE). */
    private static Path repoFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("producers/README.md"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
