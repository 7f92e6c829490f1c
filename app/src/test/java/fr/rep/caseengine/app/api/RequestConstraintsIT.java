package fr.rep.caseengine.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * What the description allows of every request body is what the server accepts. For each property of each body
 * with a rule in the served description (length, range, enum, pattern, number of items, date bounds, required), the
 * test sends a value just outside the rule, which must be a 400 naming that field, and one just inside, which must not
 * be refused for that field. Each probe carries that one field alone (other fields are then missing and refused for
 * themselves), so nothing is ever recorded.
 */
class RequestConstraintsIT extends EmbeddedDatabaseTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Values tried against each pattern: one that matches and one that does not must be among them. */
    private static final List<String> PATTERN_CANDIDATES =
            List.of("80", "2A", "06 12 34 56 78", "x", "", " ", "800", "a b", "abc", "ab", "+33 6 12 34 56 78");

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    private JsonNode api;

    @Test
    void every_rule_of_every_request_body_in_the_description_is_the_one_the_server_checks() throws Exception {
        CaseApi.ensureAccount(accounts, "rules.caseworker", Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, "rules.manager", Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, "rules.admin", Set.of(Role.ADMINISTRATOR), null);
        List<CaseApi> callers = List.of(
                CaseApi.inSession(http, "rules.caseworker"),
                CaseApi.inSession(http, "rules.manager"),
                CaseApi.inSession(http, "rules.admin"));
        api = new ObjectMapper().readTree(callers.get(2).get("/v3/api-docs").getBody());

        List<String> disagreements = new ArrayList<>();
        int probes = 0;
        Set<String> kinds = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.at("/paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode schema = path.getValue().at("/post/requestBody/content/application~1json/schema");
            // A body used by two operations (a consent and its withdrawal) is validated the same way for both.
            if (schema.isMissingNode() || !bodies.add(schema.path("$ref").asText(path.getKey()))) {
                continue;
            }
            String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            CaseApi caller = callers.stream()
                    .filter(candidate -> {
                        int status = candidate
                                .post(url, "{}", Map.of())
                                .getStatusCode()
                                .value();
                        return status != 401 && status != 403;
                    })
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no test account may call " + url));
            for (Probe probe : probes(resolve(schema), "", body -> body)) {
                probes++;
                kinds.add(probe.rule());
                String where = "POST " + path.getKey() + " " + probe.field() + " (" + probe.rule() + ")";
                if (probe.outside() != null) {
                    ResponseEntity<String> outside =
                            caller.post(url, probe.outside().toString(), Map.of());
                    if (outside.getStatusCode().value() != 400
                            || !namedFields(outside).contains(probe.field())) {
                        disagreements.add(where + ": " + probe.outside() + " is outside the description, the "
                                + "server answered " + outside.getStatusCode().value() + " " + outside.getBody());
                    }
                }
                if (probe.inside() != null) {
                    ResponseEntity<String> inside =
                            caller.post(url, probe.inside().toString(), Map.of());
                    if (inside.getStatusCode().value() == 400
                            && namedFields(inside).contains(probe.field())) {
                        disagreements.add(where + ": " + probe.inside() + " is inside the description, the server "
                                + "refused it: " + inside.getBody());
                    }
                }
            }
        }

        System.out.println(probes + " probes of the request bodies' rules");
        assertThat(disagreements).isEmpty();
        assertThat(probes).isGreaterThan(150);
        assertThat(kinds)
                .contains(
                        "maxLength",
                        "minLength",
                        "maximum",
                        "minimum",
                        "maxItems",
                        "minItems",
                        "enum",
                        "pattern",
                        "required",
                        "no minItems",
                        "no minLength",
                        RequestConstraints.NOT_BEFORE,
                        RequestConstraints.AHEAD,
                        RequestConstraints.PAST,
                        RequestConstraints.NOT_IN_THE_FUTURE);
    }

    /** One rule of one field: a body just outside it, and one just inside (null when none can be made). */
    record Probe(String field, String rule, JsonNode outside, JsonNode inside) {}

    /**
     * The probes of an object schema. {@code prefix} is the field path as problems name it; {@code wrap} puts a
     * value of this object where it belongs in a whole body.
     */
    private List<Probe> probes(JsonNode object, String prefix, Function<JsonNode, JsonNode> wrap) {
        List<Probe> probes = new ArrayList<>();
        Set<String> required = new HashSet<>();
        object.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        object.path("properties").fields();
                properties.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = properties.next();
            String name = entry.getKey();
            String field = prefix + name;
            JsonNode property = resolve(entry.getValue());
            Function<JsonNode, JsonNode> at =
                    value -> wrap.apply(NODES.objectNode().set(name, value));
            if (required.contains(name)) {
                probes.add(new Probe(field, "required", at.apply(NODES.nullNode()), null));
            }
            for (Values values : values(property)) {
                probes.add(new Probe(
                        field,
                        values.rule(),
                        values.outside() == null ? null : at.apply(values.outside()),
                        values.inside() == null ? null : at.apply(values.inside())));
            }
            if (property.has("properties")) {
                probes.addAll(probes(property, field + ".", at));
            }
            JsonNode items = resolve(property.path("items"));
            if (items.has("properties")) {
                probes.addAll(probes(
                        items,
                        field + "[0].",
                        value -> at.apply(NODES.arrayNode().add(value))));
            } else {
                for (Values values : values(items)) {
                    probes.add(new Probe(
                            field + "[0]",
                            values.rule(),
                            values.outside() == null
                                    ? null
                                    : at.apply(NODES.arrayNode().add(values.outside())),
                            values.inside() == null
                                    ? null
                                    : at.apply(NODES.arrayNode().add(values.inside()))));
                }
            }
        }
        return probes;
    }

    record Values(String rule, JsonNode outside, JsonNode inside) {}

    /** For each rule the description gives a single value: one just outside it, one just inside (all its rules). */
    private List<Values> values(JsonNode property) {
        List<Values> values = new ArrayList<>();
        String pattern = property.path("pattern").asText(null);
        int minLength = property.path("minLength").asInt(0);
        int maxLength = property.path("maxLength").asInt(Integer.MAX_VALUE);
        String filler = filler(pattern);
        JsonNode items = resolve(property.path("items"));
        if (property.has("maxLength")) {
            values.add(new Values(
                    "maxLength",
                    NODES.textNode(filler.repeat(maxLength + 1)),
                    validText(List.of(filler.repeat(maxLength)), pattern, minLength, maxLength)));
        }
        if (minLength > 0) {
            List<String> longer = new ArrayList<>();
            for (int length = minLength; length < minLength + 5; length++) {
                longer.add(filler.repeat(length));
            }
            values.add(new Values(
                    "minLength",
                    NODES.textNode(filler.repeat(minLength - 1)),
                    validText(longer, pattern, minLength, maxLength)));
        }
        if (property.has("maximum")) {
            long max = property.get("maximum").asLong();
            values.add(new Values("maximum", NODES.numberNode(max + 1), NODES.numberNode(max)));
        }
        if (property.has("minimum")) {
            long min = property.get("minimum").asLong();
            values.add(new Values("minimum", NODES.numberNode(min - 1), NODES.numberNode(min)));
        }
        if (property.has("enum")) {
            values.add(new Values(
                    "enum",
                    NODES.textNode("NOT_ONE_OF_THEM"),
                    property.get("enum").get(0)));
        }
        if (pattern != null) {
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern);
            List<String> candidates = new ArrayList<>(PATTERN_CANDIDATES);
            for (int length = minLength; length < minLength + 5; length++) {
                candidates.add(filler.repeat(length));
            }
            String other = candidates.stream()
                    .filter(value -> !regex.matcher(value).find())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("every candidate matches " + pattern + ": add one"));
            JsonNode matching = validText(candidates, pattern, minLength, maxLength);
            assertThat(matching)
                    .as("a candidate matching " + pattern + " (add one)")
                    .isNotNull();
            values.add(new Values("pattern", NODES.textNode(other), matching));
        }
        // With no lower bound in the description, the emptiest value must be accepted too (a list the server
        // refuses when empty must say minItems: 1).
        if (items.isObject() && !items.isEmpty() && property.path("minItems").asInt() == 0) {
            values.add(new Values("no minItems", null, items(items, 0)));
        }
        if ("string".equals(type(property))
                && minLength == 0
                && pattern == null
                && !property.has("enum")
                && !property.has("format")) {
            values.add(new Values("no minLength", null, NODES.textNode("")));
        }
        if (property.has("maxItems")) {
            int max = property.get("maxItems").asInt();
            values.add(new Values("maxItems", items(items, max + 1), items(items, max)));
        }
        if (property.path("minItems").asInt() > 0) {
            int min = property.get("minItems").asInt();
            values.add(new Values("minItems", items(items, min - 1), items(items, min)));
        }
        boolean dateTime = "date-time".equals(property.path("format").asText());
        LocalDate today = LocalDate.now();
        if (property.has(RequestConstraints.NOT_BEFORE)) {
            LocalDate first =
                    LocalDate.parse(property.get(RequestConstraints.NOT_BEFORE).asText());
            values.add(new Values(
                    RequestConstraints.NOT_BEFORE, date(first.minusDays(1), dateTime), date(first, dateTime)));
        }
        // A past date or an instant that has happened is a closer bound than the days ahead: that one is probed.
        if (property.has(RequestConstraints.PAST)) {
            values.add(new Values(
                    RequestConstraints.PAST, date(today.plusDays(1), dateTime), date(today.minusDays(2), dateTime)));
        } else if (property.has(RequestConstraints.NOT_IN_THE_FUTURE)) {
            Duration tolerance = Duration.parse(
                    property.get(RequestConstraints.NOT_IN_THE_FUTURE).asText());
            OffsetDateTime now = OffsetDateTime.now().withNano(0);
            values.add(new Values(
                    RequestConstraints.NOT_IN_THE_FUTURE,
                    NODES.textNode(now.plus(tolerance).plusHours(1).toString()),
                    NODES.textNode(now.minusHours(1).toString())));
        } else if (property.has(RequestConstraints.AHEAD)) {
            LocalDate last = today.plus(
                    Period.parse(property.get(RequestConstraints.AHEAD).asText()));
            // A day of margin each side: the server's "today" may be another day than the test's around midnight.
            values.add(new Values(
                    RequestConstraints.AHEAD, date(last.plusDays(2), dateTime), date(last.minusDays(1), dateTime)));
        }
        return values;
    }

    /** The first of {@code candidates} that keeps every rule of a string property; null when none does. */
    private static JsonNode validText(List<String> candidates, String pattern, int minLength, int maxLength) {
        return candidates.stream()
                .filter(value -> value.length() >= minLength && value.length() <= maxLength)
                .filter(value -> pattern == null
                        || java.util.regex.Pattern.compile(pattern)
                                .matcher(value)
                                .find())
                .findFirst()
                .<JsonNode>map(NODES::textNode)
                .orElse(null);
    }

    /** The property's type, its null left aside (an optional property may be null). */
    private static String type(JsonNode property) {
        if (!property.path("type").isArray()) {
            return property.path("type").asText();
        }
        for (JsonNode type : property.path("type")) {
            if (!"null".equals(type.asText())) {
                return type.asText();
            }
        }
        return "";
    }

    /** A character the property's pattern accepts, to make strings of a given length. */
    private static String filler(String pattern) {
        if (pattern == null) {
            return "a";
        }
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern);
        return List.of("a", "1", "A").stream()
                .filter(c -> regex.matcher(c.repeat(4)).find())
                .findFirst()
                .orElse("a");
    }

    private ArrayNode items(JsonNode items, int count) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            if (items.has("enum")) {
                array.add(items.get("enum").get(i % items.get("enum").size()));
            } else if ("object".equals(type(items)) || items.has("properties")) {
                array.add(NODES.objectNode());
            } else {
                array.add(UUID.randomUUID().toString());
            }
        }
        return array;
    }

    private static JsonNode date(LocalDate date, boolean dateTime) {
        return NODES.textNode(dateTime ? date + "T12:00:00+01:00" : date.toString());
    }

    /** The schema a reference or an optional (nullable) reference stands for. */
    private JsonNode resolve(JsonNode schema) {
        for (JsonNode alternative : schema.path("anyOf")) {
            if (alternative.has("$ref")) {
                return resolve(alternative);
            }
        }
        String ref = schema.path("$ref").asText(null);
        return ref == null ? schema : api.at(ref.substring(1));
    }

    private static Set<String> namedFields(ResponseEntity<String> answer) throws Exception {
        Set<String> fields = new HashSet<>();
        if (answer.getBody() != null && answer.getStatusCode().value() == 400) {
            new ObjectMapper()
                    .readTree(answer.getBody())
                    .path("errors")
                    .forEach(error -> fields.add(error.path("field").asText()));
        }
        return fields;
    }
}
