package fr.rep.caseengine.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The versions Maven resolved for the app are at least the minimum safe version of each security-relevant dependency,
 * as listed in {@code security/minimum-versions.txt}. Versions are read from the jars on the test classpath, whose
 * path in the Maven repository names group, artifact and version: this holds for jars that carry no
 * {@code pom.properties} (Spring's, the PostgreSQL binaries'), and needs no Spring context nor database.
 */
class DependencyVersionsTest {

    private static final String MINIMUMS = "security/minimum-versions.txt";
    private static final String ABSENT = "absent";

    @Test
    void every_listed_dependency_is_at_least_its_minimum_safe_version_or_absent_when_it_must_be() {
        List<Minimum> minimums = minimums();
        assertThat(minimums).as("the list in " + MINIMUMS).hasSizeGreaterThanOrEqualTo(10);

        List<String> classpath =
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> problems = new ArrayList<>();
        for (Minimum minimum : minimums) {
            Optional<String> resolved = resolvedVersion(classpath, minimum.group(), minimum.artifact());
            if (minimum.mustBeAbsent()) {
                resolved.ifPresent(version -> problems.add(minimum.coordinates() + " " + version
                        + " is on the classpath but must be absent: " + minimum.advisory()));
            } else if (resolved.isEmpty()) {
                problems.add(minimum.coordinates() + " is not on the classpath: the list names an artifact the app "
                        + "no longer uses, or under another name; update " + MINIMUMS);
            } else if (compare(resolved.get(), minimum.version()) < 0) {
                problems.add(minimum.coordinates() + " " + resolved.get() + " is below the minimum safe version "
                        + minimum.version() + ": " + minimum.advisory());
            }
        }
        assertThat(problems).as("dependencies below their minimum safe version").isEmpty();
    }

    @Test
    void xstream_cannot_be_loaded_at_all() {
        // Absent from the classpath listing is not enough if a jar shaded it in: no class of it may load.
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void versions_compare_by_number_not_by_text() {
        assertThat(compare("17.9.0", "17.10.0")).isNegative();
        assertThat(compare("17.11.0", "17.10.0")).isPositive();
        assertThat(compare("2.13.4", "2.13.4.1")).isNegative();
        assertThat(compare("10.1.60", "10.1.56")).isPositive();
        assertThat(compare("6.2.18", "6.2.18")).isZero();
    }

    /** From a classpath entry laid out as {@code …/group/as/path/artifact/version/artifact-version.jar}. */
    static Optional<String> resolvedVersion(List<String> classpath, String group, String artifact) {
        String separator = "[/\\\\]";
        String groupPath = Arrays.stream(group.split("\\.")).map(Pattern::quote).collect(Collectors.joining(separator));
        Pattern layout = Pattern.compile(".*" + separator + groupPath
                + separator + Pattern.quote(artifact) + separator + "([^/\\\\]+)" + separator + Pattern.quote(artifact)
                + "-\\1(-[^/\\\\]+)?\\.jar");
        return classpath.stream()
                .map(layout::matcher)
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .findFirst();
    }

    /** Numeric comparison of the dotted numbers; a qualifier (-SNAPSHOT, .Final) is ignored. */
    static int compare(String left, String right) {
        int[] a = numbers(left);
        int[] b = numbers(right);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        Matcher leading = Pattern.compile("^[0-9]+(\\.[0-9]+)*").matcher(version);
        if (!leading.find()) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        return Arrays.stream(leading.group().split("\\."))
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    private static List<Minimum> minimums() {
        var stream = DependencyVersionsTest.class.getClassLoader().getResourceAsStream(MINIMUMS);
        assertThat(stream).as(MINIMUMS + " on the test classpath").isNotNull();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(Minimum::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Minimum(String group, String artifact, String version, String advisory) {

        static Minimum parse(String line) {
            String[] fields = line.split("\\s+", 3);
            String[] coordinates = fields[0].split(":");
            if (fields.length < 3 || coordinates.length != 2) {
                throw new IllegalArgumentException(
                        MINIMUMS + ": expected 'group:artifact minimum advisory' in: " + line);
            }
            return new Minimum(coordinates[0], coordinates[1], fields[1], fields[2]);
        }

        boolean mustBeAbsent() {
            return ABSENT.equals(version);
        }

        String coordinates() {
            return group + ":" + artifact;
        }
    }
}
