package fr.rep.caseengine.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The schemas' names. Records of different packages share simple names (the {@code Consent} of a command's body and
 * the {@code Consent} of the case's view): named by their simple names, swagger-core would describe both with
 * whichever it met first, and clients would read one where the other comes. springdoc names them by their full class
 * names ({@code springdoc.use-fqn}); this gives each its simple name back where it is the only one so called, and
 * otherwise its enclosing class's name before it ({@code RequestConsent}, {@code CaseViewConsent}). Applied by
 * {@link RequestConstraints} once it has found the request bodies' schemas by their classes' names.
 */
final class SchemaNames {

    private static final String REF = "#/components/schemas/";
    /** Words that say what a class is rather than what it holds: left out of the prefix. */
    private static final String ROLE_SUFFIX = "(Controller|Bodies|Page)$";

    private SchemaNames() {}

    @SuppressWarnings("rawtypes")
    /** Renames the schemas named after classes, and every reference to them. */
    static void shorten(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, String> names = names(components.getSchemas().keySet());
        Map<String, Schema> renamed = new LinkedHashMap<>();
        components.getSchemas().forEach((name, schema) -> renamed.put(names.get(name), schema));
        components.setSchemas(renamed);
        Consumer<Schema> rename = schema -> {
            String ref = schema.get$ref();
            if (ref != null && ref.startsWith(REF) && names.containsKey(ref.substring(REF.length()))) {
                schema.set$ref(REF + names.get(ref.substring(REF.length())));
            }
        };
        renamed.values().forEach(schema -> walk(schema, rename));
        if (api.getPaths() != null) {
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> walk(operation, rename)));
        }
    }

    /** Each schema's name: its class's simple name when no other has it, else led by its enclosing class's. */
    static Map<String, String> names(Set<String> classNames) {
        Map<String, List<String>> bySimpleName = classNames.stream()
                .collect(Collectors.groupingBy(SchemaNames::simpleName, LinkedHashMap::new, Collectors.toList()));
        Map<String, String> names = new HashMap<>();
        bySimpleName.forEach((simple, sharing) ->
                sharing.forEach(name -> names.put(name, sharing.size() == 1 ? simple : qualified(name))));
        return names;
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    private static String qualified(String className) {
        int nested = className.lastIndexOf('$');
        String outer = nested < 0
                ? className.substring(0, Math.max(0, className.lastIndexOf('.')))
                : className.substring(0, nested);
        String prefix = simpleName(outer).replaceAll(ROLE_SUFFIX, "");
        return Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + simpleName(className);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void walk(Schema schema, Consumer<Schema> visit) {
        if (schema == null) {
            return;
        }
        visit.accept(schema);
        List<Schema> inner = new ArrayList<>();
        if (schema.getProperties() != null) {
            inner.addAll(schema.getProperties().values());
        }
        inner.add(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            inner.add(additional);
        }
        for (List<Schema> combined :
                new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems()}) {
            if (combined != null) {
                inner.addAll(combined);
            }
        }
        inner.add(schema.getNot());
        inner.forEach(each -> walk(each, visit));
    }

    @SuppressWarnings("rawtypes")
    private static void walk(Operation operation, Consumer<Schema> visit) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                walk(parameter.getSchema(), visit);
                walk(parameter.getContent(), visit);
            }
        }
        if (operation.getRequestBody() != null) {
            walk(operation.getRequestBody().getContent(), visit);
        }
        if (operation.getResponses() != null) {
            for (ApiResponse response : operation.getResponses().values()) {
                walk(response.getContent(), visit);
                if (response.getHeaders() != null) {
                    for (Header header : response.getHeaders().values()) {
                        walk(header.getSchema(), visit);
                    }
                }
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void walk(Content content, Consumer<Schema> visit) {
        if (content != null) {
            content.values().forEach(media -> walk(media.getSchema(), visit));
        }
    }
}
