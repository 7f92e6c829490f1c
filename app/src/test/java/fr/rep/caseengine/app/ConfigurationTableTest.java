package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.ClassPathResource;

/**
 * The README's configuration table names every setting of the app's own ({@code rep.*}): each property of each
 * {@code @ConfigurationProperties} record, and each {@code @Value("${rep...}")}, with its true default (the one
 * application.yml gives, else the code's); and it names none that the code does not read.
 */
class ConfigurationTableTest {

    private static final Pattern VALUE = Pattern.compile("\\$\\{(rep\\.[a-z0-9.-]+)(?::([^}]*))?}");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** Each setting the code reads, with the default it declares (null: none). */
    static Map<String, String> read = new TreeMap<>();
    /** Each row of the README's table: its names, and its default cell. */
    static Map<String, String> documented = new TreeMap<>();

    static Properties yaml;

    @BeforeAll
    static void readCodeAndReadme() throws Exception {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ClassPathResource("application.yml"));
        yaml = factory.getObject();

        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.rep.caseengine")) {
            type.tryGetAnnotationOfType(ConfigurationProperties.class)
                    .ifPresent(properties -> bound(
                            properties.prefix().isEmpty() ? properties.value() : properties.prefix(), type.reflect()));
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                for (JavaParameter parameter : unit.getParameters()) {
                    parameter.tryGetAnnotationOfType(Value.class).ifPresent(value -> injected(value.value()));
                }
            }
            for (JavaField field : type.getFields()) {
                field.tryGetAnnotationOfType(Value.class).ifPresent(value -> injected(value.value()));
            }
        }

        String readme = Files.readString(ProjectRoot.path().resolve("README.md"));
        String table = readme.substring(readme.indexOf("\n## Configuration\n"));
        table = table.substring(0, table.indexOf("\n## ", 1));
        for (String row : table.lines().filter(line -> line.startsWith("| `")).toList()) {
            String[] cells = row.split("(?<!\\\\)\\|");
            Matcher names = CODE.matcher(cells[1]);
            while (names.find()) {
                documented.put(names.group(1), cells[2].replace("\\|", "|"));
            }
        }
    }

    private static void bound(String prefix, Class<?> type) {
        if (!prefix.startsWith("rep.")) {
            return;
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Constructor<?> canonical;
            try {
                canonical = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            Parameter[] parameters = canonical.getParameters();
            for (int i = 0; i < components.length; i++) {
                DefaultValue given = parameters[i].getAnnotation(DefaultValue.class);
                read.put(
                        prefix + "." + kebab(components[i].getName())
                                + (Map.class.isAssignableFrom(components[i].getType()) ? ".<name>" : ""),
                        given == null || given.value().length == 0 ? null : String.join(",", given.value()));
            }
        } else {
            for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
                if (property.getWriteMethod() != null) {
                    read.put(prefix + "." + kebab(property.getName()), null);
                }
            }
        }
    }

    private static void injected(String expression) {
        Matcher value = VALUE.matcher(expression);
        while (value.find()) {
            read.put(value.group(1), value.group(2));
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    @Test
    void the_readme_names_every_setting_the_code_reads_and_no_other() {
        List<String> ours = documented.keySet().stream()
                .filter(name -> name.startsWith("rep."))
                .toList();

        assertThat(ours)
                .as("the rep.* settings of the README's configuration table")
                .containsExactlyInAnyOrderElementsOf(read.keySet());
    }

    @Test
    void the_readme_gives_each_setting_its_true_default() {
        List<String> wrong = new ArrayList<>();
        read.forEach((name, declared) -> {
            String actual = yaml.getProperty(name, declared);
            String cell = documented.get(name);
            if (actual != null && cell != null && Stream.of(codes(cell)).noneMatch(actual::equals)) {
                wrong.add(name + ": the README says " + cell.strip() + ", the app's default is " + actual);
            }
        });

        assertThat(wrong).isEmpty();
    }

    private static String[] codes(String cell) {
        return CODE.matcher(cell).results().map(result -> result.group(1)).toArray(String[]::new);
    }
}
