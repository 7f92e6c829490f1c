package fr.rep.caseengine.app.api;

import fr.rep.caseengine.events.input.NotInTheFuture;
import fr.rep.caseengine.events.input.PlausibleDate;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The request bodies' schemas say every input rule the server checks, read from the same bean-validation annotations
 * that the server validates. swagger-core reads most of them, but lets {@code @Size(max = ...)} undo what
 * {@code @NotEmpty} and {@code @NotBlank} say (it writes {@code minItems: 0} over a list that may not be empty),
 * writes {@code @Pattern} unanchored where Java matches the whole value, and knows nothing of the dates' bounds
 * ({@link PlausibleDate}, {@link NotInTheFuture}, {@code @Past}), nor that an id is a UUID: this completes them,
 * field by field, from the annotations and the types themselves.
 */
@Configuration(proxyBeanMethods = false)
class RequestConstraints {

    /** The earliest date a date field accepts (ISO-8601). */
    static final String NOT_BEFORE = "x-not-before";
    /** How far after today a date field may lie (ISO-8601 period; P0D: not after today). */
    static final String AHEAD = "x-ahead";
    /** A date strictly before today. */
    static final String PAST = "x-past";
    /** An instant not after the server's clock, give or take the tolerance given (ISO-8601 duration). */
    static final String NOT_IN_THE_FUTURE = "x-not-in-the-future";

    @Bean
    OpenApiCustomizer requestConstraintsFromAnnotations(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return api -> {
            if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return;
            }
            Set<Class<?>> seen = new HashSet<>();
            mappings.getObject().getHandlerMethods().values().forEach(handler -> {
                for (MethodParameter parameter : handler.getMethodParameters()) {
                    if (parameter.hasParameterAnnotation(RequestBody.class)) {
                        constrain(
                                parameter.getParameterType(),
                                api.getComponents().getSchemas(),
                                seen);
                    }
                }
            });
            // The schemas are still named by their classes' full names (springdoc.use-fqn): now the short names.
            SchemaNames.shorten(api);
        };
    }

    @SuppressWarnings("rawtypes")
    private static void constrain(Class<?> type, Map<String, Schema> schemas, Set<Class<?>> seen) {
        // springdoc.use-fqn names a nested record Outer.Inner (its canonical name).
        Schema model = schemas.get(type.getCanonicalName());
        if (model == null || model.getProperties() == null || !seen.add(type)) {
            return;
        }
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Schema property = (Schema) model.getProperties().get(field.getName());
            ResolvableType fieldType = ResolvableType.forField(field);
            Class<?> nested = fieldType.asCollection() != ResolvableType.NONE
                    ? fieldType.asCollection().resolveGeneric(0)
                    : fieldType.resolve();
            if (property != null) {
                constrain(property, field);
                if (isIdentifier(nested)) {
                    (property.getItems() != null ? property.getItems() : property).setFormat("uuid");
                }
            }
            if (nested != null && nested.isRecord() && !isIdentifier(nested)) {
                constrain(nested, schemas, seen);
            }
        }
    }

    /** An identifier written as its UUID (a SubjectId, a CaseId: a record of one UUID). */
    private static boolean isIdentifier(Class<?> type) {
        return type != null
                && type.isRecord()
                && type.getRecordComponents().length == 1
                && UUID.class.equals(type.getRecordComponents()[0].getType());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void constrain(Schema property, Field field) {
        boolean array = property.getItems() != null || "array".equals(type(property));
        if (field.isAnnotationPresent(NotEmpty.class) || field.isAnnotationPresent(NotBlank.class)) {
            if (array) {
                property.setMinItems(Math.max(1, property.getMinItems() == null ? 0 : property.getMinItems()));
            } else {
                property.setMinLength(Math.max(1, property.getMinLength() == null ? 0 : property.getMinLength()));
            }
        }
        Pattern pattern = field.getAnnotation(Pattern.class);
        if (pattern != null) {
            // Java's @Pattern matches the whole value; a JSON Schema pattern matches anywhere in it.
            property.setPattern("^(?:" + pattern.regexp() + ")$");
        } else if (field.isAnnotationPresent(NotBlank.class) && !array) {
            property.setPattern("\\S");
        }
        PlausibleDate dates = field.getAnnotation(PlausibleDate.class);
        if (dates != null) {
            property.addExtension(NOT_BEFORE, dates.notBefore());
            property.addExtension(AHEAD, dates.ahead());
            property.setDescription(sentence(
                    property.getDescription(),
                    "Not before " + dates.notBefore() + ", not after today + " + dates.ahead() + "."));
        }
        if (field.isAnnotationPresent(NotInTheFuture.class)) {
            property.addExtension(NOT_IN_THE_FUTURE, NotInTheFuture.TOLERANCE);
            property.setDescription(sentence(
                    property.getDescription(),
                    "Not in the future (a fact that has " + "happened; " + NotInTheFuture.TOLERANCE
                            + " of tolerance for clocks that drift)."));
        }
        if (field.isAnnotationPresent(Past.class)) {
            property.addExtension(PAST, true);
            property.setDescription(sentence(property.getDescription(), "Before today."));
        }
    }

    @SuppressWarnings("rawtypes")
    private static String type(Schema property) {
        if (property.getType() != null) {
            return property.getType();
        }
        return property.getTypes() == null
                ? null
                : (String) property.getTypes().stream()
                        .filter(type -> !"null".equals(type))
                        .findFirst()
                        .orElse(null);
    }

    private static String sentence(String description, String rule) {
        return description == null || description.isBlank() ? rule : description + " " + rule;
    }
}
