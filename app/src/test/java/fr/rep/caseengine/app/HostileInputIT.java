package fr.rep.caseengine.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.RawHttp.Answer;
import fr.rep.caseengine.app.RawHttp.Header;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile input against every operation the served OpenAPI describes, signed in with a role that reaches it (and
 * anonymously): control and non-Latin-1 bytes in the custom headers, NUL and control characters in every string field
 * and parameter, dates at ±999999999 years and at the calendar's ends, duplicated JSON keys, ids of another kind,
 * encoded paths and odd {@code Accept} headers. No answer may be a 5xx; every 4xx is {@code application/problem+json};
 * a refused field, parameter or header is named in the problem's {@code errors}.
 *
 * <p>The variants are generated from the description with a fixed seed: a failure reproduces. Requests go through a
 * raw socket, so that Tomcat's own refusals (before any filter) are seen as clients see them.
 */
class HostileInputIT extends EmbeddedDatabaseTest {

    static final long SEED = 0x5EED_2026L;

    static final String CLAIRE = "claire"; // caseworker, Somme–Aisne–Oise
    static final String SOPHIE = "sophie.manager"; // team manager, Somme–Aisne–Oise
    static final String ALICE = "alice.audit"; // auditor
    static final String ROOT = "root.admin"; // administrator
    static final String ANONYMOUS = "(anonymous)";

    static final List<String> CONTROL_TEXT = List.of(
            "a\u0000b",
            "\u0001",
            "line\u0007",
            "\u001b[31mred",
            "del\u007f",
            "c1\u0085",
            "c1\u009b",
            "surrogate\ud800");
    static final List<String> EXTREME_INSTANTS = List.of(
            "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z");
    static final List<String> EXTREME_DATES =
            List.of("-999999999-01-01", "+999999999-12-31", "0001-01-01", "9999-12-31");
    static final List<String> CUSTOM_HEADERS = List.of("Idempotency-Key", "X-Correlation-Id", "X-Access-Purpose");
    static final List<String> ODD_ACCEPTS = List.of(
            "application/xml",
            "text/html",
            "*/*;q=bogus",
            "garbage",
            "application/",
            "text/event-stream",
            "application/json;q=2, image/png");
    static final List<String> ENCODED_SEGMENTS = List.of("%2F", "a%5Cb", "%00", "%ZZ", "a%2Fb", "%2e%2e");
    static final Pattern PATH_PARAMETER = Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}");

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @LocalServerPort
    int port;

    /** Non-ASCII written as \\u escapes: a lone surrogate has no UTF-8 form, but JSON can still carry it. */
    final ObjectMapper json =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    final Random random = new Random(SEED);
    RawHttp raw;
    final Map<String, SignedIn> sessions = new LinkedHashMap<>();
    DocumentContext caseA;
    String talkingGroup;
    String suspension;

    /** One hostile request and what it must get. */
    record Probe(
            String account,
            String method,
            String target,
            List<Header> headers,
            String body,
            String what,
            String namedField,
            boolean mustBeRefused) {}

    @Test
    void no_hostile_request_gets_a_5xx_and_every_refusal_is_a_problem_naming_what_was_refused() throws IOException {
        raw = new RawHttp(port);
        fixtures();
        JsonNode docs =
                json.readTree(send(new Probe(ALICE, "GET", "/v3/api-docs", List.of(), null, "docs", null, false))
                        .body());

        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        json.writerWithDefaultPrettyPrinter()
                .writeValue(
                        java.nio.file.Path.of("target", "hostile-input-api-docs.json")
                                .toFile(),
                        docs);
        List<Probe> probes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields();
        int operations = 0;
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations++;
                    probes.addAll(new Operation(docs, method.toUpperCase(), path.getKey(), operation).probes());
                }
            }
        }
        probes.add(new Probe(ANONYMOUS, "GET", "/error", List.of(), null, "anonymous /error", null, true));
        probes.add(new Probe(CLAIRE, "GET", "/error", List.of(), null, "signed-in /error", null, true));

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Probe probe : probes) {
            Answer answer = send(probe);
            statuses.merge(answer.status(), 1, Integer::sum);
            String failure = judge(probe, answer);
            if (failure != null) {
                failures.add(probe.account() + " " + probe.method() + " " + probe.target() + " [" + probe.what()
                        + "] -> " + answer.status() + " " + answer.contentType() + " " + shortened(answer.body())
                        + ": " + failure);
            }
        }

        assertThat(operations).as("operations described by /v3/api-docs").isGreaterThan(50);
        assertThat(failures)
                .as("%d hostile requests (seed %d), statuses %s; failures", probes.size(), SEED, statuses)
                .isEmpty();
    }

    @Test
    void an_authorization_header_that_is_not_basic_does_not_spare_a_session_its_csrf_token() {
        raw = new RawHttp(port);
        CaseApi.ensureAccount(accounts, CLAIRE, Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        String session = SignedIn.as(http, CLAIRE).cookie();

        Answer forged = raw.send(
                "POST",
                "/api/cases",
                List.of(
                        Header.of("Content-Type", "application/json"),
                        Header.of("Cookie", session),
                        Header.of("Authorization", "Bearer x")),
                CaseApi.newFamily().getBytes(UTF_8));

        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("urn:rep:problem:csrf");
    }

    /** Why the answer is wrong, or null. */
    private String judge(Probe probe, Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return "a server error";
        }
        if (status >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return "a refusal that is not application/problem+json";
            }
            JsonNode problem;
            try {
                problem = json.readTree(answer.body());
            } catch (IOException e) {
                return "a problem that is not JSON";
            }
            if (problem.path("status").asInt() != status
                    || problem.path("title").asText().isBlank()) {
                return "a problem without its status and title";
            }
            if (status == 400 && problem.path("detail").asText().isBlank()) {
                return "a 400 that does not say what is wrong";
            }
        }
        if (probe.account().equals(ANONYMOUS) && probe.target().startsWith("/api/") && status != 401 && status != 400) {
            return "an anonymous request must be refused with 401 (or 400 for input refused before sign-in)";
        }
        if (probe.mustBeRefused()
                && !probe.account().equals(ANONYMOUS)
                && (status < 400 || status == 401 || status == 403)) {
            return "hostile input was not refused (or the probe's account cannot reach the operation)";
        }
        if (probe.namedField() != null) {
            if (status != 400) {
                return "expected a 400 naming " + probe.namedField();
            }
            List<String> fields = new ArrayList<>();
            try {
                json.readTree(answer.body())
                        .path("errors")
                        .forEach(error -> fields.add(error.path("field").asText()));
            } catch (IOException e) {
                return "a problem that is not JSON";
            }
            if (!fields.contains(probe.namedField())) {
                return "the problem does not name " + probe.namedField() + " (it names " + fields + ")";
            }
        }
        return null;
    }

    /** The requests generated for one operation of the description. */
    private final class Operation {

        private final JsonNode docs;
        private final String method;
        private final String template;
        private final JsonNode operation;
        private final String account;
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final Map<String, String> requiredQuery = new LinkedHashMap<>();
        private final List<JsonNode> queryParameters = new ArrayList<>();
        private final JsonNode bodySchema;
        private final List<Probe> probes = new ArrayList<>();

        Operation(JsonNode docs, String method, String template, JsonNode operation) {
            this.docs = docs;
            this.method = method;
            this.template = template;
            this.operation = operation;
            this.account = accountFor(method, template);
            for (JsonNode parameter : operation.path("parameters")) {
                String name = parameter.path("name").asText();
                switch (parameter.path("in").asText()) {
                    case "path" -> pathValues.put(name, pathValue(name));
                    case "query" -> {
                        queryParameters.add(parameter);
                        if (parameter.path("required").asBoolean()) {
                            requiredQuery.put(name, validQueryValue(name, resolve(parameter.path("schema"))));
                        }
                    }
                    default -> {}
                }
            }
            JsonNode content = operation.path("requestBody").path("content");
            JsonNode schema = content.path("application/json").path("schema");
            bodySchema = schema.isMissingNode() ? null : resolve(schema);
        }

        List<Probe> probes() {
            boolean stream = template.endsWith("/stream");
            String target = path(pathValues) + query(requiredQuery);
            String body = bodySchema == null ? null : write(example(bodySchema, ""));
            String harmlessBody = bodySchema == null ? null : "{}";
            if (bodySchema != null) {
                bodyProbes(target);
            }
            for (JsonNode parameter : queryParameters) {
                queryProbes(parameter);
            }
            for (String header : CUSTOM_HEADERS) {
                if (stream && header.equals("X-Access-Purpose")) {
                    continue;
                }
                byte[] nonLatin1 = "clé-€-😀".getBytes(StandardCharsets.UTF_8);
                byte[] invalidUtf8 = {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
                byte[] control = {'a', (byte) (random.nextBoolean() ? 0x01 : 0x7F), 'b'};
                boolean freeText = header.equals("X-Access-Purpose");
                add(
                        account,
                        target,
                        List.of(new Header(header, nonLatin1)),
                        body,
                        header + " non-Latin-1",
                        freeText ? null : header,
                        !freeText);
                add(
                        account,
                        target,
                        List.of(new Header(header, invalidUtf8)),
                        body,
                        header + " not UTF-8",
                        freeText ? null : header,
                        !freeText);
                add(account, target, List.of(new Header(header, control)), body, header + " control byte", null, true);
            }
            for (String accept : pick(ODD_ACCEPTS, 3)) {
                if (stream && !accept.equals("application/xml")) {
                    continue;
                }
                add(
                        account,
                        target,
                        List.of(Header.of("Accept", accept)),
                        harmlessBody,
                        "Accept: " + accept,
                        null,
                        false);
            }
            for (String segment : ENCODED_SEGMENTS) {
                String encoded = pathValues.isEmpty()
                        ? target.replaceFirst("/api/", "/api/" + segment + "/")
                        : path(Map.of(pathValues.keySet().iterator().next(), segment), pathValues);
                add(account, encoded, List.of(), harmlessBody, "encoded path " + segment, null, true);
            }
            add(account, target.replaceFirst("/api/", "/api//"), List.of(), harmlessBody, "double slash", null, true);
            add(account, target + "/", List.of(), harmlessBody, "trailing slash", null, false);
            for (Map.Entry<String, String> parameter : pathValues.entrySet()) {
                for (String wrong : wrongIds(parameter.getKey())) {
                    if (!stream) {
                        add(
                                account,
                                path(Map.of(parameter.getKey(), wrong), pathValues),
                                List.of(),
                                body,
                                "wrong id for " + parameter.getKey(),
                                null,
                                false);
                    }
                }
            }
            add(ANONYMOUS, target, List.of(), body, "anonymous", null, true);
            add(
                    ANONYMOUS,
                    target,
                    List.of(Header.of("Authorization", "Bearer x")),
                    body,
                    "anonymous bearer",
                    null,
                    true);
            return probes;
        }

        private void bodyProbes(String target) {
            JsonNode example = example(bodySchema, "");
            Map<String, JsonNode> leaves = new LinkedHashMap<>();
            leaves(bodySchema, "", leaves);
            for (Map.Entry<String, JsonNode> leaf : leaves.entrySet()) {
                String field = leaf.getKey();
                JsonNode schema = leaf.getValue();
                List<String> values = switch (schema.path("format").asText()) {
                    case "date-time" -> EXTREME_INSTANTS;
                    case "date" -> EXTREME_DATES;
                    default -> schema.path("type").asText().equals("string") ? pick(CONTROL_TEXT, 3) : List.of();
                };
                for (String value : values) {
                    JsonNode variant = example.deepCopy();
                    if (replace(variant, field, value)) {
                        add(account, target, List.of(), write(variant), field + " = " + printable(value), field, true);
                    }
                }
            }
            String text = write(example);
            if (example instanceof ObjectNode object && object.size() > 0) {
                String first = object.fieldNames().next();
                String duplicated = "{\"" + first + "\": " + write(object.get(first)) + ", " + text.substring(1);
                add(account, target, List.of(), duplicated, "duplicated key " + first, first, true);
            }
        }

        private void queryProbes(JsonNode parameter) {
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            if (schema.path("type").asText().equals("array")) {
                schema = resolve(schema.path("items"));
            }
            List<String> values;
            boolean named = true;
            switch (schema.path("format").asText()) {
                case "date-time" -> values = EXTREME_INSTANTS;
                case "date" -> values = EXTREME_DATES;
                case "uuid" -> {
                    values = List.of("not-a-uuid", "\u0000");
                    named = false;
                }
                case "int32", "int64" -> {
                    values = List.of("99999999999999999999", "1e3", "-");
                    named = false;
                }
                default -> {
                    if (schema.has("enum")) {
                        values = List.of("NOPE", "\u0000");
                        named = false;
                    } else {
                        values = new ArrayList<>(pick(CONTROL_TEXT.subList(0, CONTROL_TEXT.size() - 1), 3));
                        values.add("clé-€-😀");
                    }
                }
            }
            for (String value : values) {
                Map<String, String> query = new LinkedHashMap<>(requiredQuery);
                query.put(name, value);
                boolean plainNonAscii = value.equals("clé-€-😀");
                add(
                        account,
                        path(pathValues) + query(query),
                        List.of(),
                        null,
                        "?" + name + "=" + printable(value),
                        named && !plainNonAscii ? name : null,
                        !plainNonAscii);
            }
        }

        private void add(
                String who,
                String target,
                List<Header> headers,
                String body,
                String what,
                String field,
                boolean refused) {
            probes.add(new Probe(who, method, target, headers, body, what, field, refused));
        }

        /** Every string, date and id leaf of a body, by its path as problems name it (a.b[0].c). */
        private void leaves(JsonNode schema, String path, Map<String, JsonNode> into) {
            JsonNode resolved = resolve(schema);
            if (isId(resolved)) {
                into.put(
                        path,
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("type", "string")
                                .put("format", "uuid"));
            } else if (resolved.has("properties")) {
                resolved.path("properties")
                        .fields()
                        .forEachRemaining(property -> leaves(
                                property.getValue(),
                                path.isEmpty() ? property.getKey() : path + "." + property.getKey(),
                                into));
            } else if (resolved.path("type").asText().equals("array")) {
                leaves(resolved.path("items"), path + "[0]", into);
            } else if (resolved.path("type").asText().equals("string")) {
                into.put(path, resolved);
            }
        }

        /** A body that passes every input rule this test knows of, so that only the hostile value is refused. */
        private JsonNode example(JsonNode schema, String path) {
            JsonNode resolved = resolve(schema);
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            String name = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[0]$", "");
            String id = idFor(path, name);
            if (isId(resolved)
                    || resolved.path("format").asText().equals("uuid")
                    || (id != null && resolved.path("type").asText().equals("string") && !resolved.has("enum"))) {
                return nodes.textNode(
                        id != null
                                ? id
                                : UUID.nameUUIDFromBytes(name.getBytes(UTF_8)).toString());
            }
            if (resolved.has("properties")) {
                ObjectNode object = nodes.objectNode();
                resolved.path("properties")
                        .fields()
                        .forEachRemaining(property -> object.set(
                                property.getKey(),
                                example(
                                        property.getValue(),
                                        path.isEmpty() ? property.getKey() : path + "." + property.getKey())));
                return object;
            }
            if (resolved.has("enum")) {
                List<String> values = new ArrayList<>();
                resolved.path("enum").forEach(value -> values.add(value.asText()));
                // A party of a new case is any adult but the detained parent, who has a field of their own.
                return nodes.textNode(values.contains("FREE_PARENT") ? "FREE_PARENT" : values.get(0));
            }
            return switch (resolved.path("type").asText()) {
                case "array" -> nodes.arrayNode().add(example(resolved.path("items"), path + "[0]"));
                case "integer", "number" -> nodes.numberNode(1);
                case "boolean" -> nodes.booleanNode(true);
                case "object" -> nodes.objectNode();
                default ->
                    switch (resolved.path("format").asText()) {
                        case "date-time" -> nodes.textNode(CaseApi.daysAgo(1));
                        case "date" -> nodes.textNode("2020-01-15");
                        default -> nodes.textNode(textFor(name));
                    };
            };
        }

        private JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            while (current.has("$ref")) {
                String ref = current.path("$ref").asText();
                current = docs.at(ref.substring(1));
            }
            if (current.has("allOf") && current.path("allOf").size() == 1) {
                return resolve(current.path("allOf").get(0));
            }
            // An optional field may be null: a reference or null, a type or null (OpenAPI 3.1).
            for (JsonNode alternative : current.path("anyOf")) {
                if (alternative.has("$ref")) {
                    return resolve(alternative);
                }
            }
            if (current.path("type").isArray()) {
                ObjectNode single = current.deepCopy();
                current.path("type").forEach(type -> {
                    if (!type.asText().equals("null")) {
                        single.put("type", type.asText());
                    }
                });
                return single;
            }
            return current;
        }

        private String path(Map<String, String> values) {
            return path(values, values);
        }

        private String path(Map<String, String> override, Map<String, String> values) {
            return PATH_PARAMETER.matcher(template).replaceAll(match -> {
                String name = match.group(1);
                return java.util.regex.Matcher.quoteReplacement(override.getOrDefault(name, values.get(name)));
            });
        }
    }

    /** An id type shown as an object with one {@code value} (a record with @JsonValue). */
    private static boolean isId(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        return properties.size() == 1
                && properties.has("value")
                && properties.path("value").path("format").asText().equals("uuid");
    }

    /** The id a body field takes (ids are shown as plain strings), or null for a field that is no id. */
    private String idFor(String path, String field) {
        return switch (field) {
            case "caseId", "participants", "members" -> caseA.read("$.caseId");
            case "party", "subject" -> caseA.read("$.detainedParent");
            // A child's holder of authority is a ref inside a new case, a subject id when adding a child.
            case "parentalAuthority" -> path.equals(field) ? caseA.read("$.parties.mother") : null;
            case "child", "children" -> caseA.read("$.children[0]");
            case "visitId" -> UUID.nameUUIDFromBytes(field.getBytes(UTF_8)).toString();
            default -> null;
        };
    }

    private static String textFor(String field) {
        return switch (field) {
            case "department" -> "80";
            case "phone" -> "06 12 34 56 78";
            case "username", "caseworker", "accompanier" -> CLAIRE;
            case "ref", "parentalAuthority" -> "mother";
            case "storeLink" -> "00".repeat(32);
            default -> "Hostile input test value";
        };
    }

    private String validQueryValue(String name, JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "date-time" -> Instant.now().toString();
            case "date" -> "2021-12-31";
            case "int32", "int64" -> name.equals("to") ? "2021" : "2020";
            default -> schema.has("enum") ? schema.path("enum").get(0).asText() : textFor(name);
        };
    }

    private String pathValue(String name) {
        return switch (name) {
            case "caseId" -> caseA.read("$.caseId");
            case "groupId" -> talkingGroup;
            case "suspensionId" -> suspension;
            case "username" -> "nobody.here";
            case "name" -> "no-such-view";
            case "year" -> "2021";
            case "requestId" -> "999999999";
            default ->
                throw new AssertionError(
                        "no value known for the path parameter " + name + ": tell this test what to send");
        };
    }

    private List<String> wrongIds(String parameter) {
        return switch (parameter) {
            case "caseId" -> List.of(talkingGroup, suspension, UUID.randomUUID().toString(), "not-a-uuid");
            case "groupId" -> List.of(caseA.read("$.caseId"), suspension, "not-a-uuid");
            case "suspensionId" -> List.of(caseA.read("$.caseId"), talkingGroup, "not-a-uuid");
            case "year" -> List.of("99999999999", "0", "1899");
            default -> List.of("%C3%A9t%C3%A9", "a.b");
        };
    }

    /** The account whose role reaches the operation (docs/security.md's table). */
    static String accountFor(String method, String path) {
        if (path.startsWith("/api/accounts")
                || path.startsWith("/api/projections")
                || (method.equals("POST") && path.endsWith("/erasures"))) {
            return ROOT;
        }
        if (path.startsWith("/api/prison-suspensions") || (method.equals("POST") && path.endsWith("/assignment"))) {
            return SOPHIE;
        }
        if (method.equals("POST") || path.startsWith("/api/account") || path.startsWith("/api/work-queue")) {
            return CLAIRE;
        }
        if (path.startsWith("/api/caseload") || path.startsWith("/api/reports")) {
            return SOPHIE;
        }
        return ALICE;
    }

    private void fixtures() {
        CaseApi.ensureAccount(accounts, CLAIRE, Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, SOPHIE, Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, ALICE, Set.of(Role.AUDITOR), null);
        CaseApi.ensureAccount(accounts, ROOT, Set.of(Role.ADMINISTRATOR), null);
        CaseApi claire = new CaseApi(http, CLAIRE);
        caseA = claire.openCase();
        talkingGroup = CaseApi.json(
                        claire.post("/api/talking-groups", SecurityMatrixIT.talkingGroupOf(caseA), Map.of()))
                .read("$.talkingGroupId");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1)).withNano(0);
        String location = new CaseApi(http, SOPHIE)
                .post("/api/prison-suspensions", """
                {"occurredAt": "%s", "prison": "CP_BEAUVAIS", "from": "%s", "until": "%s",
                 "reason": "SANITARY_MEASURES"}""".formatted(now, now.plusDays(200), now.plusDays(201)), Map.of())
                .getHeaders()
                .getLocation()
                .toString();
        suspension = location.substring(location.lastIndexOf('/') + 1);
        for (String account : List.of(CLAIRE, SOPHIE, ALICE, ROOT)) {
            sessions.put(account, SignedIn.as(http, account));
        }
    }

    private Answer send(Probe probe) {
        List<Header> headers = new ArrayList<>();
        if (probe.body() != null) {
            headers.add(Header.of("Content-Type", "application/json"));
        }
        if (!probe.account().equals(ANONYMOUS)) {
            SignedIn session = sessions.get(probe.account());
            headers.add(Header.of("Cookie", session.cookie() + "; XSRF-TOKEN=" + session.token()));
            headers.add(Header.of("X-XSRF-TOKEN", session.token()));
        }
        headers.addAll(probe.headers());
        return raw.send(
                probe.method(),
                probe.target(),
                headers,
                probe.body() == null ? null : probe.body().getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces the leaf at {@code path} (a.b[0].c) with a string; false when the example has no such leaf. */
    private static boolean replace(JsonNode root, String path, String value) {
        String[] steps = path.replace("[", ".[").split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, steps[i]);
            if (parent == null) {
                return false;
            }
        }
        String last = steps[steps.length - 1];
        if (last.startsWith("[") && parent instanceof ArrayNode array && array.size() > 0) {
            array.set(0, JsonNodeFactory.instance.textNode(value));
            return true;
        }
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.put(last, value);
            return true;
        }
        return false;
    }

    private static JsonNode step(JsonNode node, String step) {
        if (step.startsWith("[")) {
            return node instanceof ArrayNode array && array.size() > 0 ? array.get(0) : null;
        }
        return node.get(step);
    }

    private List<String> pick(List<String> values, int count) {
        List<String> shuffled = new ArrayList<>(values);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
                .map(parameter ->
                        parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String printable(String value) {
        return value.chars()
                .mapToObj(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate((char) c)
                        ? String.format("\\u%04x", c)
                        : String.valueOf((char) c))
                .collect(Collectors.joining());
    }

    private static String shortened(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
