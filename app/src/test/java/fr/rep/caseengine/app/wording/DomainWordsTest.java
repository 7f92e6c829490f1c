package fr.rep.caseengine.app.wording;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.rep.caseengine.events.familycase.CaseStage;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule a command can be refused with, every enum constant a page may show and every event type has French words
 * in the bundle, and every key of the bundle names one of them. The rules, enums and events are found by scanning the
 * compiled classes, so a new one without words fails here.
 */
class DomainWordsTest {

    /** Enums of the views that are never shown: the report's internal fact kinds, the live views' group names. */
    private static final Set<String> NOT_SHOWN = Set.of(
            "fr.rep.caseengine.query.report.ActivityReportProjection$FactKind", "fr.rep.caseengine.query.live.View");

    private static JavaClasses classes;
    private static DomainWords words;

    @BeforeAll
    static void scan() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.rep.caseengine");
        words = new DomainWords();
    }

    @Test
    void every_rule_every_shown_enum_constant_and_every_event_type_has_french_words_and_nothing_else_does() {
        Set<String> expected = new TreeSet<>();
        expected.addAll(ruleKeys());
        expected.addAll(enumKeys());
        expected.addAll(eventKeys());

        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(words.all().keySet());
        Set<String> naming = new TreeSet<>(words.all().keySet());
        naming.removeAll(expected);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(missing)
                    .as("keys missing from " + DomainWords.BUNDLE)
                    .isEmpty();
            softly.assertThat(naming)
                    .as("keys of " + DomainWords.BUNDLE + " that name no rule, constant or event")
                    .isEmpty();
        });
    }

    @Test
    void the_scan_finds_the_rules_enums_and_events_it_is_meant_to() {
        assertThat(ruleKeys())
                .contains(
                        "rule.consents-required-for-visit",
                        "rule.talking-group-at-most-eight",
                        "rule.suspension-lifted-once");
        assertThat(enumKeys())
                .contains(
                        "enum.Prison.MA_AMIENS",
                        "enum.CaseStage.CLOSED.meaning",
                        "enum.ConsentState.WITHDRAWN",
                        "enum.SuspensionReason.STAFF_SHORTAGE");
        assertThat(eventKeys())
                .contains("event.RequestReceived", "event.TalkingGroupSessionHeld", "event.PrisonVisitsSuspended")
                .doesNotContain("event.ChildOnCase", "event.CaseId");
    }

    @Test
    void two_shown_enums_never_share_a_simple_name_since_keys_are_made_of_it() {
        var bySimpleName = shownEnums().stream()
                .collect(Collectors.groupingBy(
                        Class::getSimpleName, TreeMap::new, Collectors.mapping(Class::getName, Collectors.toList())));
        assertThat(bySimpleName.values()).allSatisfy(names -> assertThat(names).hasSize(1));
    }

    @Test
    void words_are_french_sentences_of_valid_utf8_with_no_constant_left_in_them() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DomainWords.BUNDLE)) {
            byte[] bytes = in.readAllBytes();
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        }
        assertThat(words.all()).allSatisfy((key, value) -> {
            assertThat(value).as(key).isNotBlank().doesNotContainPattern("[A-Z]{2,}_[A-Z]");
        });
        assertThat(words.label(fr.rep.caseengine.events.familycase.Prison.MA_AMIENS))
                .isEqualTo("Maison d'arrêt d'Amiens");
        assertThat(words.meaning(CaseStage.SETTING_UP)).endsWith(".");
        assertThat(words.rule("consents-required-for-visit")).contains("adhésion");
    }

    private Set<String> ruleKeys() {
        Set<String> keys = new TreeSet<>();
        for (JavaClass rules : classes) {
            if (rules.isEnum()
                    && rules.getPackageName().startsWith("fr.rep.caseengine.command")
                    && rules.getSimpleName().endsWith("Rule")) {
                for (Object rule : rules.reflect().getEnumConstants()) {
                    keys.add("rule." + code(rule));
                }
            }
        }
        return keys;
    }

    private Set<String> enumKeys() {
        Set<String> keys = new TreeSet<>();
        for (Class<?> shown : shownEnums()) {
            for (Object constant : shown.getEnumConstants()) {
                String key = "enum." + shown.getSimpleName() + "." + ((Enum<?>) constant).name();
                keys.add(key);
                if (shown == CaseStage.class) {
                    keys.add(key + ".meaning");
                }
            }
        }
        return keys;
    }

    /** The enums of the events, the views and the store verification that pages show. */
    private Set<Class<?>> shownEnums() {
        Set<Class<?>> shown = new java.util.HashSet<>();
        for (JavaClass candidate : classes) {
            String name = candidate.getPackageName();
            if (candidate.isEnum()
                    && !NOT_SHOWN.contains(candidate.getName())
                    && (name.startsWith("fr.rep.caseengine.events")
                            || name.startsWith("fr.rep.caseengine.query")
                            || name.equals("fr.rep.caseengine.app.hashchain"))) {
                shown.add(candidate.reflect());
            }
        }
        return shown;
    }

    /** Events are the records of the events packages that say when they happened and when they were recorded. */
    private Set<String> eventKeys() {
        Set<String> keys = new TreeSet<>();
        for (JavaClass candidate : classes) {
            if (candidate.reflect().isRecord() && candidate.getPackageName().startsWith("fr.rep.caseengine.events")) {
                Set<String> components = Arrays.stream(candidate.reflect().getRecordComponents())
                        .map(RecordComponent::getName)
                        .collect(Collectors.toSet());
                if (components.containsAll(Set.of("occurredAt", "recordedAt"))) {
                    keys.add("event." + candidate.getSimpleName());
                }
            }
        }
        return keys;
    }

    private static String code(Object rule) {
        try {
            return (String)
                    ((Enum<?>) rule).getDeclaringClass().getMethod("code").invoke(rule);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(rule.getClass() + " is a rule without code()", e);
        }
    }
}
