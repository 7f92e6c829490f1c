package fr.rep.caseengine.app.api;

import fr.rep.caseengine.command.collectiveaction.CollectiveActionRule;
import fr.rep.caseengine.command.familycase.CaseRule;
import fr.rep.caseengine.command.pipeline.CommandAnswer;
import fr.rep.caseengine.command.prisonsuspension.SuspensionRule;
import fr.rep.caseengine.events.problem.ProblemType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What {@code /v3/api-docs} says beyond what springdoc reads from the controllers: the ways to sign in, on every
 * operation; the shared {@value #PROBLEM} schema and, for each operation, every status it can answer with its
 * problem (409 with the codes of the rules that operation enforces, read from the rule enums themselves); the
 * command headers ({@code Idempotency-Key}, {@code If-Match}, {@code ETag}, {@code Location}); and the description's
 * own version, licence and contact. docs/api.md says what of it is stable.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASIC = "basicAuth";
    static final String SESSION = "session";
    static final String CSRF = "csrfToken";
    static final String OIDC = "openIdConnect";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** The body of a command's 200: the new version and the events recorded. */
    static final String COMMAND_ANSWER = CommandAnswer.class.getSimpleName();
    /** The success status a command controller states in its summary, e.g. "(200, ETag)". */
    private static final Pattern STATED_STATUS = Pattern.compile("\\((20[0-9])\\b");

    private static final String COMMANDS = "fr.rep.caseengine.command";

    private static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put(
                "Case commands",
                "Each step of a family's case, recorded as an event; idempotent with "
                        + "Idempotency-Key, optimistic with If-Match");
        TAGS.put(
                "Case views",
                "A case, the list of cases, its history and exports, and the case as it stood at an " + "instant");
        TAGS.put("Collective action commands", "Collective actions and talking groups in prison");
        TAGS.put("Prison suspensions", "Suspending a prison's visits, and lifting the suspension");
        TAGS.put("Dashboards", "Live caseload and work queues, with their server-sent event streams");
        TAGS.put("Activity report", "The annual activity report (bilan d'activité) as JSON, CSV and PDF");
        TAGS.put("Access", "Break-glass access to a case outside one's scope, and its grants");
        TAGS.put("Audit", "Access trails and the verification of the event store's hash chains");
        TAGS.put("Erasure", "The register of erased people (crypto-shredding)");
        TAGS.put("Personal data", "The wrapping keys' rotation, which makes erasures final against old copies");
        TAGS.put("Accounts", "Staff accounts, their roles and team, and one's own password");
        TAGS.put("Operations", "The projections (read models): lag, rebuilds and events set aside");
    }

    @Bean
    OpenApiCustomizer apiDescriptionDocument(ObjectProvider<BuildProperties> build, Environment environment) {
        return api -> {
            BuildProperties properties = build.getIfAvailable();
            api.info(new Info()
                    .title("Relais Enfants Parents case engine")
                    .description("The event-sourced case engine of a relay service keeping children in touch with "
                            + "a parent in prison. Errors are RFC 9457 problems (application/problem+json). What is "
                            + "stable and how changes are announced: docs/api.md.")
                    .version(properties == null ? "unversioned build" : properties.getVersion())
                    .license(new License()
                            .name("Proprietary: all rights reserved by the service")
                            .identifier("LicenseRef-Proprietary"))
                    .contact(new Contact().name("Relais Enfants Parents: the case engine's maintainers")));
            api.getServers().forEach(server -> server.description("This service"));
            if (api.getServers().isEmpty()) {
                api.addServersItem(new Server().url("/").description("This service"));
            }
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.components(components);
            components.addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("basic")
                            .description(
                                    "An account's name and password, on every request (scripts and other systems)"));
            components.addSecuritySchemes(
                    SESSION,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE)
                            .name("JSESSIONID")
                            .description(
                                    "The session of a browser signed in at /login (or through OpenID Connect where "
                                            + "configured); changes also need the CSRF token"));
            components.addSecuritySchemes(
                    CSRF,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER)
                            .name(CSRF_HEADER)
                            .description("With a session, on every request that changes something: the value of the "
                                    + "XSRF-TOKEN cookie the service sets"));
            String issuer = oidcIssuer(environment);
            if (issuer != null) {
                components.addSecuritySchemes(
                        OIDC,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.OPENIDCONNECT)
                                .openIdConnectUrl(issuer + "/.well-known/openid-configuration")
                                .description("Single sign-on through the service's identity provider; then a session"));
            }
            // Every command's 200 answers with it, though no controller names it (they answer a JSON string).
            ModelConverters.getInstance(true).readAll(CommandAnswer.class).forEach((name, schema) -> {
                if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                    components.addSchemas(name, schema);
                }
            });
            if (components.getSchemas() != null) {
                components.getSchemas().values().forEach(ApiDescription::nullWhereOptional);
            }
            // Problems leave out what they do not say (no null): added after.
            components.addSchemas(PROBLEM, problemSchema(null));
            components.addSchemas(
                    "CaseRuleProblem",
                    problemSchema(
                            Arrays.stream(CaseRule.values()).map(CaseRule::code).toList()));
            components.addSchemas(
                    "CollectiveActionRuleProblem",
                    problemSchema(Arrays.stream(CollectiveActionRule.values())
                            .map(CollectiveActionRule::code)
                            .toList()));
            components.addSchemas(
                    "SuspensionRuleProblem",
                    problemSchema(Arrays.stream(SuspensionRule.values())
                            .map(SuspensionRule::code)
                            .toList()));
            TAGS.forEach(
                    (name, description) -> api.addTagsItem(new Tag().name(name).description(description)));
            if (api.getPaths() != null) {
                api.getPaths().forEach(ApiDescription::mediaTypeOfTheExtension);
            }
        };
    }

    /**
     * A property a schema does not require may be null as well as absent: the service writes the fields it has no
     * value for as null (an account without a team, a child without a visiting-rights decision), and reads a null
     * optional field as a missing one.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullWhereOptional(Schema object) {
        if (object.getProperties() == null) {
            return;
        }
        List<String> required = object.getRequired() == null ? List.of() : object.getRequired();
        Map<String, Schema> properties = object.getProperties();
        properties.replaceAll((name, property) -> {
            if (required.contains(name) || property.getAnyOf() != null) {
                return property;
            }
            if (property.get$ref() != null) {
                return new Schema().anyOf(List.of(new Schema().$ref(property.get$ref()), nullType()));
            }
            if (property.getTypes() != null && !property.getTypes().contains("null")) {
                Set<String> types = new LinkedHashSet<>(property.getTypes());
                types.add("null");
                property.setTypes(types);
            } else if (property.getType() != null && property.getTypes() == null) {
                property.setTypes(new LinkedHashSet<>(List.of(property.getType(), "null")));
            }
            if (property.getEnum() != null && !property.getEnum().contains(null)) {
                property.getEnum().add(null);
            }
            return property;
        });
    }

    @SuppressWarnings("rawtypes")
    private static Schema nullType() {
        Schema none = new Schema();
        none.setTypes(new LinkedHashSet<>(List.of("null")));
        return none;
    }

    /**
     * An address ending in .csv or .pdf answers that format (the JSON of the same resource has an address of its
     * own), whatever its controller declares.
     */
    private static void mediaTypeOfTheExtension(String path, PathItem item) {
        Map<String, String> types = Map.of(".csv", "text/csv", ".pdf", "application/pdf");
        types.forEach((extension, type) -> {
            if (!path.endsWith(extension)) {
                return;
            }
            item.readOperations()
                    .forEach(operation -> operation.getResponses().forEach((status, answer) -> {
                        if (status.startsWith("2")
                                && answer.getContent() != null
                                && answer.getContent().keySet().equals(Set.of("application/json"))) {
                            StringSchema body = new StringSchema();
                            if (".pdf".equals(extension)) {
                                body.format("binary");
                            }
                            answer.content(new Content().addMediaType(type, new MediaType().schema(body)));
                        }
                    }));
        });
    }

    private static String oidcIssuer(Environment environment) {
        for (String provider : List.of("oidc", "keycloak", "google", "azure")) {
            String issuer =
                    environment.getProperty("spring.security.oauth2.client.provider." + provider + ".issuer-uri");
            if (issuer != null) {
                return issuer.replaceAll("/$", "");
            }
        }
        return null;
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema(List<String> rules) {
        ObjectSchema problem = new ObjectSchema();
        problem.description(
                rules == null
                        ? "An error (RFC 9457 problem details)"
                        : "A refusal by a rule; `rule` names it (stable code), `detail` says it in words");
        problem.addProperty(
                "type",
                new StringSchema()
                        .description(ProblemType.PREFIX + "<kind>, e.g. " + ProblemType.INVALID_INPUT + ", "
                                + ProblemType.of("case-rule")));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().description("the request's path"));
        StringSchema rule = new StringSchema();
        rule.description("the rule that refused the request");
        if (rules != null) {
            rules.forEach(rule::addEnumItem);
        }
        problem.addProperty("rule", rule);
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("the field, header or parameter at fault"));
        fieldError.addProperty("message", new StringSchema().description("the rule it breaks"));
        problem.addProperty("errors", new ArraySchema().items(fieldError).description("with 400: each field at fault"));
        problem.required(List.of("type", "title", "status"));
        return problem;
    }

    @Bean
    OperationCustomizer apiDescriptionOperations(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        Map<String, Long> methodNames = new ConcurrentHashMap<>();
        return (operation, handler) -> {
            if (methodNames.isEmpty()) {
                methodNames.putAll(mappings.getObject().getHandlerMethods().values().stream()
                        .collect(Collectors.groupingBy(
                                method -> method.getMethod().getName(), Collectors.counting())));
            }
            String name = handler.getMethod().getName();
            // Two controllers' "stream" or "accesses": named after their controller rather than numbered.
            operation.operationId(
                    methodNames.getOrDefault(name, 1L) > 1
                            ? operationPrefix(handler) + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                            : name);
            boolean command = isCommand(handler);
            boolean reads = handler.hasMethodAnnotation(GetMapping.class);
            operation.security(
                    reads
                            ? List.of(
                                    new SecurityRequirement().addList(BASIC),
                                    new SecurityRequirement().addList(SESSION))
                            : List.of(
                                    new SecurityRequirement().addList(BASIC),
                                    new SecurityRequirement().addList(SESSION).addList(CSRF)));
            operation.addParametersItem(header(
                    CORRELATION_HEADER,
                    "Your request's id for tracing (printable ASCII, "
                            + "at most 128 characters); answered back, and kept with the events it records"));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.responses(responses);
            if (command) {
                commandHeadersAndSuccess(operation, responses);
            }
            responses.addApiResponse(
                    "400",
                    problem(
                            "Invalid input: a field, a parameter or a header breaks a rule; " + "`errors` names each",
                            PROBLEM));
            responses.addApiResponse("401", problem("Not signed in, or the credentials were refused", PROBLEM));
            responses.addApiResponse(
                    "403",
                    problem(
                            "Signed in, but no role of the account may do this (or the CSRF " + "token is missing)",
                            PROBLEM));
            // A command's body may name a case too (a talking group's members).
            if (operationPathHasId(handler) || command) {
                responses.addApiResponse(
                        "404",
                        problem(
                                "No such thing in your scope: the same answer whether it "
                                        + "does not exist or is another team's",
                                PROBLEM));
            }
            if (command) {
                responses.addApiResponse(
                        "409",
                        problem(
                                "Refused by a rule of the domain (`rule` names it), or the "
                                        + "version in If-Match is no longer the current one ("
                                        + ProblemType.of("version-conflict") + ")",
                                ruleProblem(handler)));
                responses.addApiResponse(
                        "422", problem("This Idempotency-Key was used before for another request", PROBLEM));
            } else if (isDomainChange(handler) && !responses.containsKey("409")) {
                responses.addApiResponse(
                        "409", problem("Refused by a rule of the domain (`rule` names it)", ruleProblem(handler)));
            }
            responses.addApiResponse(
                    "500",
                    problem(
                            "An unexpected failure: logged on the service's side (quote "
                                    + "X-Correlation-Id), nothing recorded",
                            PROBLEM));
            responses.addApiResponse(
                    "503",
                    problem(
                                    "The database is unavailable, or (with minVersion) the view has "
                                            + "not caught up yet: try again after Retry-After seconds",
                                    PROBLEM)
                            .addHeaderObject(
                                    "Retry-After",
                                    new Header().description("seconds to wait").schema(new IntegerSchema())));
            return operation;
        };
    }

    private static String operationPrefix(HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName().replaceAll("(Controller|Page)$", "");
        return Character.toLowerCase(controller.charAt(0)) + controller.substring(1);
    }

    private static boolean isCommand(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith(COMMANDS)
                && Arrays.stream(handler.getMethodParameters())
                        .anyMatch(parameter -> HttpServletRequest.class.equals(parameter.getParameterType()));
    }

    /** A change recorded by the command side without the command headers (a prison's suspension). */
    private static boolean isDomainChange(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith(COMMANDS)
                && !handler.hasMethodAnnotation(GetMapping.class);
    }

    private static boolean operationPathHasId(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter ->
                        parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class));
    }

    private static String ruleProblem(HandlerMethod handler) {
        String controllerPackage = handler.getBeanType().getPackageName();
        if (controllerPackage.endsWith(".collectiveaction")) {
            return "CollectiveActionRuleProblem";
        }
        if (controllerPackage.endsWith(".prisonsuspension")) {
            return "SuspensionRuleProblem";
        }
        return "CaseRuleProblem";
    }

    private static void commandHeadersAndSuccess(Operation operation, ApiResponses responses) {
        operation.addParametersItem(header(
                "Idempotency-Key",
                "Any unique value (printable ASCII): the same request "
                        + "sent again with it is answered as the first time and recorded once"));
        operation.addParametersItem(header(
                "If-Match",
                "The case version (ETag) your decision was made on: if the "
                        + "case changed since, the answer is 409 version-conflict; without it, a concurrent change is retried "
                        + "by the service"));
        String status = "200";
        Matcher stated = STATED_STATUS.matcher(operation.getSummary() == null ? "" : operation.getSummary());
        if (stated.find()) {
            status = stated.group(1);
        }
        ApiResponse generated = responses.remove("200");
        // A body the controller declares (@ApiResponse) is kept; springdoc's guess (a string) is not: a command on
        // something that exists answers its new version and the events it recorded.
        ApiResponse success = responses.containsKey(status)
                ? responses.get(status)
                : "200".equals(status)
                        ? new ApiResponse()
                                .content(new Content()
                                        .addMediaType(
                                                "application/json",
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + COMMAND_ANSWER))))
                        : generated == null ? new ApiResponse() : generated;
        success.description(
                "200".equals(status)
                        ? "Recorded; the events recorded, ETag is the new version"
                        : "Created; Location names it, ETag is its version; the events recorded");
        responses.addApiResponse(status, success);
        // The 201 some commands answer beside their 200 (a person named in accompanierName) has the same headers.
        responses.forEach((code, answer) -> {
            if (code.startsWith("2")) {
                answer.addHeaderObject(
                        "ETag",
                        new Header()
                                .description("the version after this command")
                                .schema(new StringSchema()));
            }
            if ("201".equals(code)) {
                answer.addHeaderObject(
                        "Location", new Header().description("what was created").schema(new StringSchema()));
            }
        });
    }

    private static Parameter header(String name, String description) {
        return new HeaderParameter()
                .name(name)
                .required(false)
                .description(description)
                .schema(new StringSchema());
    }

    private static ApiResponse problem(String description, String schema) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
    }
}
