package fr.rep.caseengine.app.wording;

import fr.rep.caseengine.events.familycase.CaseStage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The domain's words in French, read from the bundle {@value #BUNDLE} (the same file the pages' message source
 * reads): a rule by its code, an enum constant, an event type, what a stage means. Every rule, constant and event type
 * has its words (DomainWordsTest); asking for one that has none is a programming error.
 */
@Component
public class DomainWords {

    static final String BUNDLE = "i18n/domain_fr.properties";

    private final Map<String, String> words;

    public DomainWords() {
        this.words = load();
    }

    /** The value as a caseworker names it, e.g. « Maison d'arrêt d'Amiens » for {@code Prison.MA_AMIENS}. */
    public String label(Enum<?> constant) {
        return word("enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name());
    }

    /** What a stage means to a caseworker, in one sentence. */
    public String meaning(CaseStage stage) {
        return word("enum.CaseStage." + stage.name() + ".meaning");
    }

    /** The rule a refused command broke, by its code (the problem's {@code rule}), as a French sentence. */
    public String rule(String code) {
        return word("rule." + code);
    }

    /** An event type by its simple name (the history's {@code type}), as the timeline names it. */
    public String event(String type) {
        return word("event." + type);
    }

    /** Every key and its words, for checks. */
    Map<String, String> all() {
        return words;
    }

    private String word(String key) {
        String word = words.get(key);
        if (word == null) {
            throw new IllegalArgumentException("No French words for " + key + " in " + BUNDLE);
        }
        return word;
    }

    private static Map<String, String> load() {
        try (InputStream in = DomainWords.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> loaded = new TreeMap<>();
            properties.forEach((key, value) -> loaded.put((String) key, (String) value));
            return Map.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BUNDLE, e);
        }
    }
}
