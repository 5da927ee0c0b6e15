package com.cmobile.ecosystem.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.testkit.MarkdownTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration tables of the READMEs against {@link AppConfig#settings()}, where each setting
 * is declared: the module README lists every setting with its default and meaning (the top-level
 * README only links to it).
 */
class AppConfigReadmeTest {

    private static final Map<String, ConfigKey> SETTINGS = AppConfig.settings().configKeys();

    @Test
    void moduleReadmeListsEverySettingWithItsDefaultAndMeaning() {
        var table = MarkdownTable.under(repoFile("streams-app/README.md"), "### Configuration");

        assertThat(fullTableDisagreements(table)).as(table.source()).isEmpty();
    }

    @Test
    void aTableThatDisagreesWithTheDeclarationsIsCaught(@TempDir Path dir) throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, """
                ## Configuration

                | Variable | Default | Meaning |
                | --- | --- | --- |
                | `HTTP_PORT` | 8081 | HTTP API |
                | `HTTP_PORT` / `QUERY_TIMEOUT_MS` | 8080 / 5000 (five seconds) | port / bound |
                | `HTTP_THREADS` | 4 | not a setting |
                """);

        var table = MarkdownTable.under(readme, "## Configuration");

        assertThat(fullTableDisagreements(table)).contains(
                "HTTP_PORT: default is '8080', the README says '8081'",
                "`HTTP_PORT` / `QUERY_TIMEOUT_MS`: one variable per row in the full table",
                "HTTP_THREADS is not a setting of AppConfig",
                "BOOTSTRAP_SERVERS is missing");
    }

    /** One variable per row, every setting listed, each with its default and its declared meaning. */
    private static List<String> fullTableDisagreements(MarkdownTable table) {
        var disagreements = new ArrayList<String>();
        Set<String> listed = new HashSet<>();
        for (Map<String, String> row : table.rows()) {
            List<String> names = list(row.get("Variable"));
            if (names.size() != 1) {
                disagreements.add(row.get("Variable") + ": one variable per row in the full table");
                continue;
            }
            String name = names.get(0);
            listed.add(name);
            disagreements.addAll(compare(name, row.get("Default")));
            ConfigKey key = SETTINGS.get(name);
            if (key != null && !oneLine(key.documentation).equals(oneLine(row.get("Meaning")))) {
                disagreements.add(name + ": meaning is '" + key.documentation + "', the README says '"
                        + row.get("Meaning") + "'");
            }
        }
        SETTINGS.keySet().stream().filter(name -> !listed.contains(name))
                .forEach(name -> disagreements.add(name + " is missing"));
        return disagreements;
    }

    private static List<String> compare(String name, String documentedDefault) {
        ConfigKey key = SETTINGS.get(name);
        if (key == null) {
            return List.of(name + " is not a setting of AppConfig");
        }
        String declared = key.alternativeString != null
                ? key.alternativeString
                : ConfigDef.convertToString(key.defaultValue, key.type);
        String documented = unquote(documentedDefault.replaceFirst("\\s*\\(.*\\)$", ""));
        return declared.equals(documented)
                ? List.of()
                : List.of(name + ": default is '" + declared + "', the README says '" + documented + "'");
    }

    /** The items of a cell listing several ({@code `A` / `B`} or {@code `A`, `B`}), without backticks. */
    private static List<String> list(String cell) {
        var items = new ArrayList<String>();
        for (String item : cell.split("\\s+/\\s+|,\\s+")) {
            items.add(unquote(item));
        }
        return items;
    }

    private static String unquote(String text) {
        return text.strip().replace("`", "");
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** From the module directory (Maven) or the repository root (an IDE). */
    private static Path repoFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("streams-app/README.md"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
