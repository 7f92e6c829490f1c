package fr.rep.caseengine.query.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.rep.caseengine.command.familycase.FamilyCaseProbe;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.*;
import fr.rep.caseengine.query.asof.AsOfProbe;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plays random histories of a case — consents with and without end, withdrawals, custody changes and transfers, court
 * decisions, no-contact orders and their liftings, visits held, many recorded days after they happened, and
 * corrections of earlier entries — and checks after each recorded event that the three readings say the same at that
 * instant: the facts the aggregate decides on, the as-of replay by recording time, and the case view (its prison, its
 * visit count and each party's consent). The whole history's facts, cut at that recording time, say the same; and
 * as of each event's occurrence, the replay by occurrence says what the whole history's facts that had happened by
 * then say. Few tries, so that the build stays fast: each run draws new histories from a seed it names
 * ({@code -Drep.histories.seed=} plays a failing run's histories again).
 */
class ThreeReadingsAgreeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private static EmbeddedPostgres postgres;
    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;

    private static final int TRIES = 30;
    private static final long SEED = Long.getLong("rep.histories.seed", new Random().nextLong());

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration/query")
                .load()
                .migrate();
        HikariConfig config = new HikariConfig();
        config.setDataSource(
                postgres.getDatabase("postgres", "postgres", Map.of("currentSchema", "public,case_views")));
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        jdbc = new JdbcTemplate(pool);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        pool.close();
        postgres.close();
    }

    /**
     * One step of a history: {@code kind} picks what happens, {@code who} and {@code what} pick among the people and
     * values, {@code gapMinutes} after the previous recording it is recorded, {@code lateMinutes} before that it
     * happened.
     */
    record Step(int kind, int who, int what, int gapMinutes, int lateMinutes) {}

    /** One seed a history: the run's seed, then the ones after it. */
    static LongStream seeds() {
        return LongStream.range(SEED, SEED + TRIES);
    }

    /** A history of 1 to 24 steps drawn from {@code seed}. */
    static List<Step> history(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        for (int i = 1 + random.nextInt(24); i > 0; i--) {
            steps.add(new Step(
                    random.nextInt(9),
                    random.nextInt(6),
                    random.nextInt(6),
                    1 + random.nextInt(3 * 24 * 60),
                    random.nextInt(12 * 24 * 60 + 1)));
        }
        return steps;
    }

    @ParameterizedTest(name = "history of seed {0}")
    @MethodSource("seeds")
    void the_aggregate_the_as_of_replay_and_the_view_read_the_same_facts_after_every_recorded_event(long seed) {
        List<Step> steps = history(seed);
        History history = new History();
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new CaseViewProjection(jdbc));
        FamilyCaseProbe aggregate = new FamilyCaseProbe();
        List<AsOfProbe.Event> events = history.play(steps);
        CaseFacts everything = new CaseFacts();
        events.forEach(stored -> everything.fold(stored.eventId(), stored.event()));
        for (AsOfProbe.Event stored : events) {
            aggregate.apply(stored.eventId(), stored.sequence(), stored.event());
            project(projection, stored);
            Instant now = stored.event().recordedAt();

            AsOfProbe.Answer decided = answer(aggregate.decisionInputs(), now);
            assertThat(AsOfProbe.recordedAsOf(history.caseId.value(), now, events, PARIS))
                    .as("as-of by recording at %s, after %s", now, stored)
                    .isEqualTo(decided);
            assertThat(answer(everything.recordedBy(now), now))
                    .as("the whole history, recorded by %s", now)
                    .isEqualTo(decided);
            assertThat(view(history.caseId, now))
                    .as("the view at %s, after %s", now, stored)
                    .isEqualTo(new Shown(decided.consents(), decided.prison(), decided.visitsHeld()));
        }
        for (AsOfProbe.Event stored : events) {
            Instant happened = stored.event().occurredAt();
            assertThat(AsOfProbe.occurredAsOf(history.caseId.value(), happened, events, PARIS))
                    .as("as-of by occurrence at %s", happened)
                    .isEqualTo(answer(everything.occurredBy(happened), happened));
        }
    }

    /** What the aggregate's facts say at an instant, in the as-of answer's terms. */
    private static AsOfProbe.Answer answer(CaseFacts.Known known, Instant at) {
        LocalDate day = CaseFacts.date(at, PARIS);
        Map<UUID, CaseFacts.ConsentState> consents = new LinkedHashMap<>();
        known.parties()
                .keySet()
                .forEach(
                        party -> consents.put(party.value(), CaseFacts.Consent.stateOn(known.consent(party, at), day)));
        Map<UUID, VisitingRights> rights = new LinkedHashMap<>();
        Map<UUID, Court> noContact = new LinkedHashMap<>();
        known.children().keySet().forEach(child -> {
            rights.put(child.value(), known.visitingRights(child, at));
            NoContactOrdered order = known.noContactOrder(child, at);
            noContact.put(child.value(), order == null ? null : order.court());
        });
        return new AsOfProbe.Answer(
                consents, known.prison(at), known.inCustody(at), known.visits().held(), rights, noContact);
    }

    /** What the case view shows: each adult's consent on the instant's day, the case's prison, visits held. */
    record Shown(Map<UUID, CaseFacts.ConsentState> consents, Prison prison, int visitsHeld) {}

    private static Shown view(CaseId caseId, Instant at) {
        LocalDate day = CaseFacts.date(at, PARIS);
        Map<UUID, CaseFacts.ConsentState> consents = new LinkedHashMap<>();
        jdbc.query(
                "SELECT subject_id, consent_given, consent_changed_at, consent_valid_until FROM case_view_person "
                        + "WHERE case_id = ? AND role <> 'CHILD' ORDER BY position",
                rs -> {
                    CaseFacts.Consent kept = rs.getObject("consent_changed_at") == null
                            ? null
                            : new CaseFacts.Consent(
                                    rs.getBoolean("consent_given"),
                                    rs.getTimestamp("consent_changed_at").toInstant(),
                                    rs.getObject("consent_valid_until", LocalDate.class));
                    consents.put(
                            rs.getObject("subject_id", UUID.class),
                            CaseViewController.Consent.today(kept, day).state());
                },
                caseId.value());
        return jdbc.queryForObject(
                "SELECT prison, visit_count FROM case_view WHERE case_id = ?",
                (rs, row) -> new Shown(consents, Prison.valueOf(rs.getString("prison")), rs.getInt("visit_count")),
                caseId.value());
    }

    /** Hands the event to the projection as its processor does: Axon picks the handler and its parameters. */
    private static void project(AnnotationEventHandlerAdapter projection, AsOfProbe.Event stored) {
        try {
            projection.handle(new GenericDomainEventMessage<>(
                    "FamilyCase",
                    stored.event().caseId().toString(),
                    stored.sequence(),
                    stored.event(),
                    MetaData.emptyInstance(),
                    stored.eventId(),
                    stored.event().recordedAt()));
        } catch (Exception failed) {
            throw new AssertionError("the case view could not apply " + stored, failed);
        }
    }

    /** A family (detained father, free mother, an ASE referent; two children) and the events of its case. */
    private static final class History {

        private final CaseId caseId = CaseId.random();
        private final SubjectId father = SubjectId.random();
        private final SubjectId mother = SubjectId.random();
        private final SubjectId referent = SubjectId.random();
        private final SubjectId lea = SubjectId.random();
        private final SubjectId tom = SubjectId.random();
        private final List<AsOfProbe.Event> events = new ArrayList<>();
        private final List<String> correctable = new ArrayList<>();
        private Instant recordedAt = START;

        List<AsOfProbe.Event> play(List<Step> steps) {
            add(
                    new RequestReceived(
                            caseId,
                            START,
                            START,
                            ReferrerType.FREE_PARENT,
                            ReferralChannel.PHONE,
                            Team.SOMME_AISNE_OISE,
                            Prison.MA_AMIENS,
                            father,
                            PenalStatus.SENTENCED,
                            List.of(
                                    new PartyOnCase(mother, PartyRole.FREE_PARENT),
                                    new PartyOnCase(referent, PartyRole.ASE)),
                            List.of(
                                    new ChildOnCase(
                                            lea,
                                            LocalDate.of(2016, 4, 1),
                                            new Department("80"),
                                            HousingType.WITH_FREE_PARENT,
                                            mother),
                                    new ChildOnCase(
                                            tom,
                                            LocalDate.of(2019, 9, 12),
                                            new Department("80"),
                                            HousingType.FOSTER_FAMILY,
                                            referent)),
                            false),
                    false);
            add(new RequestAccepted(caseId, START, START), false);
            for (Step step : steps) {
                recordedAt = recordedAt.plus(Duration.ofMinutes(step.gapMinutes()));
                Instant happened = later(START, recordedAt.minus(Duration.ofMinutes(step.lateMinutes())));
                add(event(step, happened), true);
            }
            return events;
        }

        private CaseEvent event(Step step, Instant at) {
            SubjectId party = List.of(father, mother, referent).get(step.who() % 3);
            PartyRole role = party == father
                    ? PartyRole.DETAINED_PARENT
                    : party == mother ? PartyRole.FREE_PARENT : PartyRole.ASE;
            List<SubjectId> children = switch (step.who() % 3) {
                case 0 -> List.of(lea);
                case 1 -> List.of(tom);
                default -> List.of(lea, tom);
            };
            return switch (step.kind()) {
                case 0 ->
                    new ConsentRecorded(
                            caseId,
                            at,
                            recordedAt,
                            party,
                            role,
                            step.what() < 2 ? null : CaseFacts.date(at, PARIS).plusDays(step.what() * 3L));
                case 1 -> new ConsentWithdrawn(caseId, at, recordedAt, party, role);
                case 2 -> {
                    CustodyChange change = CustodyChange.values()[step.what() % CustodyChange.values().length];
                    yield new CustodyChanged(
                            caseId,
                            at,
                            recordedAt,
                            change,
                            change == CustodyChange.TRANSFERRED
                                    ? Prison.values()[step.who() % Prison.values().length]
                                    : null);
                }
                case 3 ->
                    new CourtDecisionRecorded(
                            caseId,
                            at,
                            recordedAt,
                            Court.FAMILY_JUDGE,
                            VisitingRights.values()[step.what() % VisitingRights.values().length],
                            children);
                case 4 ->
                    new NoContactOrdered(
                            caseId, at, recordedAt, Court.values()[step.what() % Court.values().length], children);
                case 5 -> new NoContactOrderLifted(caseId, at, recordedAt, children);
                case 6 ->
                    new VisitMediated(
                            caseId,
                            at,
                            recordedAt,
                            children,
                            VisitPlace.OUTSIDE,
                            null,
                            Accompanier.staff("claire"),
                            Accompaniment.PROFESSIONAL,
                            60,
                            10);
                default -> correction(step, at);
            };
        }

        /** Voids an earlier entry not voided yet; with none left, a consent. */
        private CaseEvent correction(Step step, Instant at) {
            if (correctable.isEmpty()) {
                return new ConsentRecorded(caseId, at, recordedAt, mother, PartyRole.FREE_PARENT);
            }
            String voided = correctable.remove((step.who() * 7 + step.what()) % correctable.size());
            return new EntryCorrected(caseId, recordedAt, recordedAt, voided, CorrectionReason.WRONG_CASE);
        }

        private void add(CaseEvent event, boolean mayBeCorrected) {
            String eventId = caseId + "-" + events.size();
            events.add(new AsOfProbe.Event(eventId, events.size(), event));
            if (mayBeCorrected
                    && !(event instanceof EntryCorrected)
                    && !(event instanceof CourtDecisionRecorded)
                    && !(event instanceof NoContactOrdered)
                    && !(event instanceof NoContactOrderLifted)) {
                correctable.add(eventId);
            }
        }

        private static Instant later(Instant one, Instant other) {
            return one.isAfter(other) ? one : other;
        }
    }
}
