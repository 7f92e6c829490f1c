package fr.rep.caseengine.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.command.familycase.ReceiveRequest;
import fr.rep.caseengine.command.personaldata.PersonalDetails;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitPlace;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every HTTP call the benchmark makes, as a client of the public API, signed in as a browser is: form sign-in once
 * per account, then the session cookie on every request, and on commands the CSRF token in {@code X-XSRF-TOKEN}.
 * Commands are sent by the account of the caseworker acting, queries by a reader's. Credentials live here and
 * nowhere else.
 */
final class CaseEngineHttpClient {

    private static final String JSON = "application/json";
    /** The password of every benchmark account (see {@link EngineInstance#createAccounts}). */
    static final String PASSWORD = "benchmark-password";
    /** An auditor reads every case: the queries measure the views, not a team's scope. */
    static final String READER = "bench.auditor";
    /** A service manager reads the whole service's dashboard and report. */
    static final String MANAGER = "bench.manager";
    /** A team manager of Somme–Aisne–Oise reads the work queues of the team's caseworkers. */
    static final String TEAM_MANAGER = "bench.team-manager";
    /** An administrator opens the projections' and accounts' pages. */
    static final String ADMINISTRATOR = "bench.administrator";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    /** The answer to a new case: its id and the subject ids the server gave to each person of the request. */
    record CaseOpened(UUID caseId, long version, Map<SubjectId, SubjectId> subjects) {}

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A signed-in session: the cookies to send back (session and CSRF token) and the CSRF token itself. */
    private record Session(String cookies, String csrfToken) {}

    CaseEngineHttpClient(int port) {
        this.base = URI.create("http://localhost:" + port);
    }

    /** Opens the family's case; the answer maps each person of {@code family} to the subject id the server gave. */
    CaseOpened openCase(Family family, String actor) {
        ReceiveRequest request = family.request();
        Map<SubjectId, String> refs = new HashMap<>();
        List<Map<String, Object>> parties = new ArrayList<>();
        for (PartyOnCase party : request.parties()) {
            String ref = "party-" + parties.size();
            refs.put(party.subjectId(), ref);
            parties.add(object(
                    "ref",
                    ref,
                    "role",
                    party.role().name(),
                    "person",
                    person(family.people().get(party.subjectId()))));
        }
        List<Map<String, Object>> children = new ArrayList<>();
        for (ChildOnCase child : request.children()) {
            children.add(object(
                    "birthDate",
                    child.birthDate().toString(),
                    "department",
                    child.department() == null ? null : child.department().code(),
                    "housing",
                    child.housing().name(),
                    "parentalAuthority",
                    refs.get(child.parentalAuthority()),
                    "person",
                    person(family.people().get(child.subjectId()))));
        }
        Map<String, Object> body = object(
                "occurredAt",
                dateTime(request.occurredAt()),
                "referrerType",
                request.referrerType().name(),
                "channel",
                request.channel().name(),
                "team",
                request.team().name(),
                "prison",
                request.prison().name(),
                "detainedParent",
                object(
                        "penalStatus",
                        request.penalStatus().name(),
                        "person",
                        person(family.people().get(request.detainedParent()))),
                "parties",
                parties,
                "children",
                children,
                "educationalOrJudicialMeasure",
                request.educationalOrJudicialMeasure());
        JsonNode opened = read(send(post("/api/cases", body, actor), 201).body());
        Map<SubjectId, SubjectId> subjects = new HashMap<>();
        subjects.put(
                request.detainedParent(),
                SubjectId.of(opened.get("detainedParent").asText()));
        for (PartyOnCase party : request.parties()) {
            subjects.put(
                    party.subjectId(),
                    SubjectId.of(opened.get("parties")
                            .get(refs.get(party.subjectId()))
                            .asText()));
        }
        for (int i = 0; i < request.children().size(); i++) {
            subjects.put(
                    request.children().get(i).subjectId(),
                    SubjectId.of(opened.get("children").get(i).asText()));
        }
        return new CaseOpened(
                UUID.fromString(opened.get("caseId").asText()),
                opened.get("version").asLong(),
                subjects);
    }

    long recordConsent(UUID caseId, Instant occurredAt, SubjectId party, String actor) {
        return version(send(
                post(
                        "/api/cases/" + caseId + "/consents",
                        object("occurredAt", dateTime(occurredAt), "party", party.toString()),
                        actor),
                200));
    }

    long withdrawConsent(UUID caseId, Instant occurredAt, SubjectId party, String actor) {
        return version(send(
                post(
                        "/api/cases/" + caseId + "/consent-withdrawals",
                        object("occurredAt", dateTime(occurredAt), "party", party.toString()),
                        actor),
                200));
    }

    long mediateVisit(
            UUID caseId,
            Instant occurredAt,
            List<SubjectId> children,
            VisitPlace place,
            String accompanier,
            String actor) {
        return version(send(
                post(
                        "/api/cases/" + caseId + "/visits",
                        object(
                                "occurredAt",
                                dateTime(occurredAt),
                                "children",
                                children.stream().map(SubjectId::toString).toList(),
                                "place",
                                place.name(),
                                "accompanier",
                                accompanier,
                                "durationMinutes",
                                FamilyGenerator.VISIT_MINUTES,
                                "kilometres",
                                FamilyGenerator.VISIT_KILOMETRES),
                        actor),
                200));
    }

    long acceptRequest(UUID caseId, Instant occurredAt, String actor) {
        return version(send(
                post("/api/cases/" + caseId + "/acceptance", object("occurredAt", dateTime(occurredAt)), actor), 200));
    }

    long recordVisitingPermit(
            UUID caseId,
            Instant occurredAt,
            String accompanier,
            Prison prison,
            java.time.LocalDate validUntil,
            String actor) {
        return version(send(
                post(
                        "/api/cases/" + caseId + "/visiting-permits",
                        object(
                                "occurredAt",
                                dateTime(occurredAt),
                                "accompanier",
                                accompanier,
                                "prison",
                                prison.name(),
                                "validUntil",
                                validUntil.toString()),
                        actor),
                200));
    }

    long closeIntervention(UUID caseId, Instant occurredAt, ClosingReason reason, String actor) {
        return version(send(
                post(
                        "/api/cases/" + caseId + "/closure",
                        object("occurredAt", dateTime(occurredAt), "reason", reason.name()),
                        actor),
                200));
    }

    /** A page of the case list, filtered like a team's caseload. */
    String caseList(Team team, CaseStage stage, int page, int size) {
        return send(get("/api/cases?team=" + team + "&stage=" + stage + "&page=" + page + "&size=" + size), 200)
                .body();
    }

    String caseDetail(UUID caseId) {
        return send(get("/api/cases/" + caseId), 200).body();
    }

    String caseHistory(UUID caseId) {
        return send(get("/api/cases/" + caseId + "/history"), 200).body();
    }

    /** The caseload dashboard of the whole service, as a service manager opens it. */
    String caseloadDashboard() {
        return send(get("/api/caseload", MANAGER), 200).body();
    }

    /** The annual activity report of the whole service for a year, as JSON. */
    String activityReport(int year) {
        return send(get("/api/reports/activity/" + year, MANAGER), 200).body();
    }

    /** One caseworker's work queue, as their team manager opens it. */
    String workQueue(String caseworker) {
        return send(get("/api/work-queue?caseworker=" + caseworker, TEAM_MANAGER), 200)
                .body();
    }

    /**
     * A page or file as a browser downloads it: the bytes as transferred (compressed when the server compresses),
     * its status and type; the text decoded for reading its links.
     */
    record Fetched(int status, byte[] bytes, String contentType, String text) {}

    /** A page (or an asset or download) as {@code account} asks for it in a browser; {@code null}: signed out. */
    Fetched page(String path, String account) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Encoding", "gzip")
                .GET();
        if (account != null) {
            request.header("Cookie", sessionOf(account).cookies());
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            byte[] decoded =
                    response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
                            ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes()
                            : body;
            return new Fetched(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("Content-Type").orElse(""),
                    new String(decoded, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + path + " was interrupted", e);
        }
    }

    /** Whether the app answers its health check with UP; false while it cannot be reached. */
    boolean isUp() {
        try {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(base.resolve("/actuator/health"))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder post(String path, Map<String, Object> body, String actor) {
        Session session = sessionOf(actor);
        try {
            return HttpRequest.newBuilder(base.resolve(path))
                    .timeout(TIMEOUT)
                    .header("Content-Type", JSON)
                    .header("Cookie", session.cookies())
                    .header("X-XSRF-TOKEN", session.csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body made of maps and strings cannot fail to serialise", e);
        }
    }

    private HttpRequest.Builder get(String path) {
        return get(path, READER);
    }

    private HttpRequest.Builder get(String path, String account) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", JSON)
                .header("Cookie", sessionOf(account).cookies())
                .GET();
    }
    /**
     * A signed-in session per account, as a browser keeps one: the password is checked once, at sign-in, so a
     * request's latency is the engine's, not a password hash's (HTTP Basic checks bcrypt on every request).
     */
    private Session sessionOf(String account) {
        return sessions.computeIfAbsent(account, this::signIn);
    }

    private Session signIn(String account) {
        try {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(base.resolve("/login"))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF_FIELD.matcher(page.body());
            if (!token.find()) {
                throw new IllegalStateException("the sign-in page has no CSRF field");
            }
            String form = "username=" + URLEncoder.encode(account, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
            HttpResponse<String> signedIn = http.send(
                    HttpRequest.newBuilder(base.resolve("/login"))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", cookies(page))
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String session = cookie(signedIn, "JSESSIONID");
            // Signing in replaces the sign-in page's token: the session's own is the last one the answer sets.
            String csrfToken = lastCookie(signedIn, "XSRF-TOKEN");
            if (signedIn.statusCode() != 302
                    || session == null
                    || csrfToken == null
                    || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException(account + " could not sign in: " + signedIn.statusCode() + " "
                        + signedIn.headers().map());
            }
            return new Session("JSESSIONID=" + session + "; XSRF-TOKEN=" + csrfToken, csrfToken);
        } catch (IOException e) {
            throw new IllegalStateException(account + " could not sign in: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(account + "'s sign-in was interrupted", e);
        }
    }

    /** The cookies an answer sets, as a Cookie header (name=value; ...). */
    private static String cookies(HttpResponse<?> response) {
        return String.join(
                "; ",
                response.headers().allValues("Set-Cookie").stream()
                        .map(cookie -> cookie.split(";", 2)[0])
                        .toList());
    }

    /** The last non-empty value an answer gives a cookie (it may clear it first, then set it anew), or null. */
    private static String lastCookie(HttpResponse<?> response, String name) {
        List<String> values = response.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .filter(value -> !value.isEmpty())
                .toList();
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The value of one cookie an answer sets, or null. */
    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .findFirst()
                .orElse(null);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expectedStatus) {
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(built.method() + " " + built.uri() + " was interrupted", e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                    + response.statusCode() + ": the API now wants a signed-in caller (issue #6); give "
                    + CaseEngineHttpClient.class.getSimpleName() + " the credentials, it is the only HTTP client");
        }
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                    + " instead of " + expectedStatus + ": " + response.body());
        }
        return response;
    }

    private static long version(HttpResponse<String> response) {
        String etag = response.headers()
                .firstValue("ETag")
                .orElseThrow(() -> new IllegalStateException("a command's answer has no ETag"));
        return Long.parseLong(etag.replace("\"", ""));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API answered something that is not JSON: " + body, e);
        }
    }

    private static Map<String, Object> person(PersonalDetails details) {
        return object("firstName", details.firstName(), "lastName", details.lastName(), "phone", details.phone());
    }

    private static String dateTime(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }

    /** A JSON object from alternating names and values, in that order; values may be null. */
    private static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }
}
