package fr.rep.caseengine.query.caseview;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.CaseFacts;
import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.query.access.CaseViewVersions;
import fr.rep.caseengine.query.access.UnknownCase;
import fr.rep.caseengine.query.access.ViewScope;
import fr.rep.caseengine.query.audit.AccessTrail;
import fr.rep.caseengine.query.audit.CaseRead;
import fr.rep.caseengine.query.personaldata.PersonalDataReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case list (filtered, paged) and a case's current state, read straight from the read model. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Case views")
class CaseViewController {

    /** A name to search by has at least one letter (or digit) left once spaces and punctuation are set aside. */
    static final String HAS_A_LETTER = "(?s).*[\\p{L}\\p{N}].*";

    /** Shown where a person's data is missing though they were not erased (an erased person's name is null). */
    static final String NO_NAME = "[personal data not available]";

    private final JdbcTemplate jdbc;
    private final CaseViewVersions versions;
    private final PersonalDataReader personalData;
    private final AccessTrail trail;
    private final Clock clock;

    CaseViewController(
            JdbcTemplate jdbc,
            CaseViewVersions versions,
            PersonalDataReader personalData,
            AccessTrail trail,
            Clock clock) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.personalData = personalData;
        this.trail = trail;
        this.clock = clock;
    }

    record CaseSummary(
            UUID caseId,
            long version,
            Team team,
            Prison prison,
            CaseStage stage,
            Instant receivedAt,
            int childrenCount,
            int visitCount,
            Instant closedAt,
            String assignedTo) {}

    record CasePage(List<CaseSummary> items, int page, int size, long totalItems) {}

    @GetMapping
    @Operation(
            summary = "List cases, newest request first, filtered by team, prison, stage, assigned caseworker and the "
                    + "last name of any person on the case (accent- and case-insensitive; only among the cases whose detail "
                    + "the caller may open)")
    CasePage list(
            Caller caller,
            @RequestParam(required = false) Team team,
            @RequestParam(required = false) Prison prison,
            @RequestParam(required = false) CaseStage stage,
            @RequestParam(required = false) String caseworker,
            @RequestParam(required = false)
                    @Size(max = 100)
                    @Pattern(regexp = HAS_A_LETTER, message = "must contain a letter")
                    String name,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        // A name is personal data: searching by it is for those who may read the names, hence the detail's scope.
        ViewScope scope = name == null ? ViewScope.forList(caller) : ViewScope.forCase(caller);
        StringBuilder where = new StringBuilder(" v WHERE " + scope.condition());
        List<Object> arguments = new ArrayList<>(scope.arguments());
        if (name != null) {
            where.append(" AND EXISTS (SELECT 1 FROM case_view_person p WHERE p.case_id = v.case_id"
                    + " AND p.subject_id = ANY (?))");
            arguments.add(personalData.withLastName(name).stream()
                    .map(SubjectId::value)
                    .toArray(UUID[]::new));
        }
        if (team != null) {
            where.append(" AND team = ?");
            arguments.add(team.name());
        }
        if (prison != null) {
            where.append(" AND prison = ?");
            arguments.add(prison.name());
        }
        if (stage != null) {
            where.append(" AND stage = ?");
            arguments.add(stage.name());
        }
        if (caseworker != null && !caseworker.isBlank()) {
            where.append(" AND assigned_to = ?");
            arguments.add(caseworker);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM case_view" + where, Long.class, arguments.toArray());
        arguments.add(size);
        arguments.add((long) page * size);
        List<CaseSummary> items = jdbc.query(
                """
                SELECT case_id, version, team, prison, stage, received_at, children_count, visit_count, closed_at,
                       assigned_to
                FROM case_view""" + where + " ORDER BY received_at DESC, case_id LIMIT ? OFFSET ?",
                (rs, row) -> new CaseSummary(
                        rs.getObject("case_id", UUID.class),
                        rs.getLong("version"),
                        Team.valueOf(rs.getString("team")),
                        Prison.valueOf(rs.getString("prison")),
                        CaseStage.valueOf(rs.getString("stage")),
                        instant(rs, "received_at"),
                        rs.getInt("children_count"),
                        rs.getInt("visit_count"),
                        instant(rs, "closed_at"),
                        rs.getString("assigned_to")),
                arguments.toArray());
        return new CasePage(items, page, size, total == null ? 0 : total);
    }

    /**
     * A party's consent today, as the command side judges it ({@link CaseFacts}).
     *
     * @param given      it holds today
     * @param state      {@code NONE}, {@code GIVEN}, {@code EXPIRED} (past {@code validUntil}) or {@code WITHDRAWN}
     * @param since      when it was given or withdrawn, or {@code null} when none was recorded
     * @param validUntil the last day it holds, or {@code null} without end
     */
    record Consent(boolean given, CaseFacts.ConsentState state, Instant since, LocalDate validUntil) {

        static Consent today(CaseFacts.Consent consent, LocalDate today) {
            CaseFacts.ConsentState state = CaseFacts.Consent.stateOn(consent, today);
            return new Consent(
                    state == CaseFacts.ConsentState.GIVEN,
                    state,
                    consent == null ? null : consent.since(),
                    consent == null ? null : consent.validUntil());
        }
    }

    /** @param erased the person's personal data was erased: {@code name} is {@code null} for good */
    record Adult(UUID subjectId, String role, String name, boolean erased, Consent consent) {}

    /** @param erased the child's personal data was erased: {@code name} is {@code null}, the facts stay */
    record Child(
            UUID subjectId,
            String name,
            boolean erased,
            LocalDate birthDate,
            String department,
            String housing,
            UUID parentalAuthority) {}

    /** A visit planned on the case: {@code SCHEDULED} (still to hold or cancel), {@code HELD} or {@code CANCELLED}. */
    record PlannedVisit(UUID visitId, Instant plannedFor, String place, int children, String status) {}

    /**
     * @param accompanier        the account holding the permit, or {@code null}
     * @param accompanierSubject the person without an account holding it, or {@code null} (both are {@code null} for
     *                           an accompanier recorded by name before names left the events), as the work queue says
     * @param endedAt            when the permit was recorded as ended, or {@code null} while it runs to
     *                           {@code validUntil}
     */
    record Permit(
            String accompanier,
            UUID accompanierSubject,
            Prison prison,
            Instant issuedAt,
            LocalDate validUntil,
            Instant endedAt) {

        static Permit of(Accompanier holder, Prison prison, Instant issuedAt, LocalDate validUntil, Instant endedAt) {
            return new Permit(
                    holder.account(),
                    holder.person() == null ? null : holder.person().value(),
                    prison,
                    issuedAt,
                    validUntil,
                    endedAt);
        }
    }

    /** @param corrected a correction voided this step: it stays listed, marked */
    record CustodyStep(String change, Prison prison, Instant occurredAt, boolean corrected) {}

    record CourtDecision(String court, String rights, List<UUID> children, Instant occurredAt) {}

    /** @param liftedAt when a lifting named the child, or {@code null} while the order stands */
    record NoContactOrder(UUID child, String court, Instant orderedAt, Instant liftedAt) {}

    /** What the case page lists besides the people: visits planned, permits, penal path, court decisions, orders. */
    record Records(
            List<PlannedVisit> plannedVisits,
            List<Permit> permits,
            List<CustodyStep> custody,
            List<CourtDecision> courtDecisions,
            List<NoContactOrder> noContactOrders) {}

    record CaseDetail(
            UUID caseId,
            long version,
            Team team,
            Prison prison,
            CaseStage stage,
            String referrerType,
            String channel,
            String penalStatus,
            boolean educationalOrJudicialMeasure,
            Instant receivedAt,
            String assignedTo,
            int visitCount,
            Instant lastVisitAt,
            Instant closedAt,
            String closingReason,
            List<Adult> adults,
            List<Child> children,
            List<PlannedVisit> plannedVisits,
            List<Permit> permits,
            List<CustodyStep> custody,
            List<CourtDecision> courtDecisions,
            List<NoContactOrder> noContactOrders) {}

    @GetMapping("/{caseId}")
    @Operation(
            summary = "A case's current state and version; minVersion waits briefly for a command just sent; "
                    + "the read is recorded in the access trail with the purpose given in X-Access-Purpose")
    ResponseEntity<CaseDetail> detail(
            @PathVariable UUID caseId,
            @RequestParam(required = false) @Min(0) Long minVersion,
            Caller caller,
            HttpServletRequest request) {
        return trail.read(caller, caseId, CaseRead.DETAIL, request, () -> detail(caseId, minVersion, caller));
    }

    private ResponseEntity<CaseDetail> detail(UUID caseId, Long minVersion, Caller caller) {
        ViewScope scope = ViewScope.forCase(caller);
        versions.awaitVersion(caseId, minVersion, scope);
        List<CaseDetail> found = jdbc.query(
                "SELECT * FROM case_view v WHERE case_id = ? AND " + scope.condition(),
                (rs, row) -> detail(rs, people(caseId), records(caseId)),
                scope.argumentsAfter(caseId));
        if (found.isEmpty()) {
            throw new UnknownCase(caseId);
        }
        CaseDetail detail = found.get(0);
        return ResponseEntity.ok().eTag(Long.toString(detail.version())).body(detail);
    }

    /** @param consent the latest consent entry, as the projection kept it, or {@code null} without one */
    private record Person(
            UUID subjectId,
            String role,
            LocalDate birthDate,
            String department,
            String housing,
            UUID parentalAuthority,
            CaseFacts.Consent consent,
            boolean erased) {}

    private List<Person> people(UUID caseId) {
        return jdbc.query(
                "SELECT * FROM case_view_person WHERE case_id = ? ORDER BY position",
                (rs, row) -> new Person(
                        rs.getObject("subject_id", UUID.class),
                        rs.getString("role"),
                        rs.getObject("birth_date", LocalDate.class),
                        rs.getString("department"),
                        rs.getString("housing"),
                        rs.getObject("parental_authority", UUID.class),
                        rs.getObject("consent_changed_at") == null
                                ? null
                                : new CaseFacts.Consent(
                                        rs.getBoolean("consent_given"),
                                        instant(rs, "consent_changed_at"),
                                        rs.getObject("consent_valid_until", LocalDate.class)),
                        rs.getObject("erased_at") != null),
                caseId);
    }

    private Records records(UUID caseId) {
        return new Records(
                jdbc.query(
                        "SELECT * FROM case_view_visit WHERE case_id = ? ORDER BY planned_for, visit_id",
                        (rs, row) -> new PlannedVisit(
                                rs.getObject("visit_id", UUID.class),
                                instant(rs, "planned_for"),
                                rs.getString("place"),
                                rs.getInt("children"),
                                rs.getString("status")),
                        caseId),
                jdbc.query(
                        "SELECT * FROM case_view_permit WHERE case_id = ? ORDER BY issued_at, accompanier, prison",
                        (rs, row) -> Permit.of(
                                Accompanier.of(rs.getString("accompanier")),
                                Prison.valueOf(rs.getString("prison")),
                                instant(rs, "issued_at"),
                                rs.getObject("valid_until", LocalDate.class),
                                instant(rs, "ended_at")),
                        caseId),
                jdbc.query(
                        "SELECT * FROM case_view_custody WHERE case_id = ? ORDER BY sequence",
                        (rs, row) -> new CustodyStep(
                                rs.getString("change"),
                                rs.getString("prison") == null ? null : Prison.valueOf(rs.getString("prison")),
                                instant(rs, "occurred_at"),
                                rs.getBoolean("corrected")),
                        caseId),
                jdbc.query(
                        "SELECT * FROM case_view_court_decision WHERE case_id = ? ORDER BY sequence",
                        (rs, row) -> new CourtDecision(
                                rs.getString("court"),
                                rs.getString("rights"),
                                List.of((UUID[]) rs.getArray("children").getArray()),
                                instant(rs, "occurred_at")),
                        caseId),
                jdbc.query(
                        "SELECT * FROM case_view_no_contact WHERE case_id = ? ORDER BY ordered_at, event_id, child",
                        (rs, row) -> new NoContactOrder(
                                rs.getObject("child", UUID.class),
                                rs.getString("court"),
                                instant(rs, "ordered_at"),
                                instant(rs, "lifted_at")),
                        caseId));
    }

    private CaseDetail detail(ResultSet rs, List<Person> people, Records records) throws SQLException {
        Map<SubjectId, String> names = personalData.displayNames(people.stream()
                .filter(person -> !person.erased())
                .map(person -> new SubjectId(person.subjectId()))
                .toList());
        List<Adult> adults = new ArrayList<>();
        List<Child> children = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (Person person : people) {
            String name = person.erased() ? null : names.getOrDefault(new SubjectId(person.subjectId()), NO_NAME);
            if (CaseViewProjection.CHILD_ROLE.equals(person.role())) {
                children.add(new Child(
                        person.subjectId(),
                        name,
                        person.erased(),
                        person.birthDate(),
                        person.department(),
                        person.housing(),
                        person.parentalAuthority()));
            } else {
                adults.add(new Adult(
                        person.subjectId(),
                        person.role(),
                        name,
                        person.erased(),
                        Consent.today(person.consent(), today)));
            }
        }
        return new CaseDetail(
                rs.getObject("case_id", UUID.class),
                rs.getLong("version"),
                Team.valueOf(rs.getString("team")),
                Prison.valueOf(rs.getString("prison")),
                CaseStage.valueOf(rs.getString("stage")),
                rs.getString("referrer_type"),
                rs.getString("channel"),
                rs.getString("penal_status"),
                rs.getBoolean("educational_or_judicial_measure"),
                instant(rs, "received_at"),
                rs.getString("assigned_to"),
                rs.getInt("visit_count"),
                instant(rs, "last_visit_at"),
                instant(rs, "closed_at"),
                rs.getString("closing_reason"),
                adults,
                children,
                records.plannedVisits(),
                records.permits(),
                records.custody(),
                records.courtDecisions(),
                records.noContactOrders());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
