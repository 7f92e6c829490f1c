package fr.rep.caseengine.app.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every French word a template asks for exists: each literal {@code #{key}}, and for each key built from an enum
 * ({@code #{'enum.CaseStage.' + ...}}) the label of every constant of that enum. A missing one would show as
 * {@code ??key_fr_FR??} on a page.
 */
class PageMessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
    private static final Pattern ENUM_KEY = Pattern.compile("#\\{'enum\\.([A-Za-z]+)\\.'");
    private static final Pattern PREFIX_KEY = Pattern.compile("#\\{'([a-z.]+\\.)'");
    /** An enum's labels handed to a fragment that says its values ({@code choice(..., 'enum.Court')}). */
    private static final Pattern ENUM_ARGUMENT = Pattern.compile(", 'enum\\.([A-Za-z]+)'[,)]");

    @Test
    void every_key_a_template_uses_has_its_french_words() throws IOException {
        Properties words = bundle();
        Set<String> missing = new TreeSet<>();
        for (String template : templates()) {
            Matcher literal = LITERAL_KEY.matcher(template);
            while (literal.find()) {
                if (!words.containsKey(literal.group(1))) {
                    missing.add(literal.group(1));
                }
            }
            for (Pattern enumPattern : List.of(ENUM_KEY, ENUM_ARGUMENT)) {
                Matcher enumKey = enumPattern.matcher(template);
                while (enumKey.find()) {
                    for (Enum<?> constant : constantsOf(enumKey.group(1))) {
                        String key = "enum." + enumKey.group(1) + "." + constant.name();
                        if (!words.containsKey(key)) {
                            missing.add(key);
                        }
                    }
                }
            }
        }
        for (Enum<?> problem : constantsOf("Problem")) {
            if (!words.containsKey("verification.meaning." + problem.name())) {
                missing.add("verification.meaning." + problem.name());
            }
        }
        for (Enum<?> stage : constantsOf("CaseStage")) {
            if (!words.containsKey("case.stage.meaning." + stage.name())) {
                missing.add("case.stage.meaning." + stage.name());
            }
        }
        assertThat(missing).as("keys used by the pages without French words").isEmpty();
    }

    @Test
    void the_dynamic_keys_of_the_templates_are_all_checked_above() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        for (String template : templates()) {
            Matcher prefix = PREFIX_KEY.matcher(template);
            while (prefix.find()) {
                prefixes.add(prefix.group(1));
            }
        }
        // enum.*, case.stage.meaning.* and verification.meaning.* are checked constant by constant; the others come
        // from the domain bundle
        // (rules, event types) or are fixed lists of this application (action names, checked by the browser tests).
        assertThat(prefixes)
                .isSubsetOf("case.stage.meaning.", "verification.meaning.", "rule.", "event.", "actions.done.");
    }

    private static Properties bundle() throws IOException {
        Properties words = new Properties();
        for (String file : List.of("i18n/messages_fr.properties", "i18n/domain_fr.properties")) {
            try (var in = PageMessagesTest.class.getClassLoader().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return words;
    }

    private static List<String> templates() throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            files.filter(file -> file.toString().endsWith(".html")).forEach(file -> {
                try {
                    all.add(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertThat(all).isNotEmpty();
        return all;
    }

    private static List<Enum<?>> constantsOf(String simpleName) {
        for (String pkg : List.of(
                "fr.rep.caseengine.events.familycase.",
                "fr.rep.caseengine.events.staff.",
                "fr.rep.caseengine.query.asof.CaseAsOf$",
                "fr.rep.caseengine.events.familycase.CaseFacts$",
                "fr.rep.caseengine.query.audit.",
                "fr.rep.caseengine.query.rebuild.RebuildProgress$",
                "fr.rep.caseengine.app.hashchain.VerificationReport$",
                "fr.rep.caseengine.events.prison.")) {
            try {
                Class<?> type = Class.forName(pkg + simpleName);
                return Arrays.asList((Enum<?>[]) type.getEnumConstants());
            } catch (ClassNotFoundException notHere) {
                // Try the next package.
            }
        }
        throw new AssertionError("no enum " + simpleName + " among the events' and views' types");
    }
}
