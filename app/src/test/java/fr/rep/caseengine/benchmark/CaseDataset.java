package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.ConsentWithdrawn;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.VisitingPermitIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A seeded store's worth of cases, delivered in the order the engine would have stored their events (by recorded
 * time, cases interleaved). Each case draws from a random source of its own, seeded in turn from the dataset's seed,
 * so the same seed and sizes always give the same events, ids and dates. Requests spread over four years from
 * {@link #START}; a few long cases, followed for three years, collect {@link Sizes#longCaseEvents()} events each.
 * Every fact happens before {@link #END}, so commands dated after it fit every case.
 *
 * <p>Besides the events, a generation leaves what a benchmark needs to act on the store afterwards: the long cases,
 * a sample of families with their made-up identities, and the most recent cases still open.
 */
public final class CaseDataset {

    public static final Instant START = Instant.parse("2019-01-01T00:00:00Z");
    /** Every generated fact happens before this instant. */
    public static final Instant END = Instant.parse("2025-01-01T00:00:00Z");

    private static final Duration REQUESTS_SPREAD = Duration.ofDays(4 * 365);
    private static final int LONGEST_REGULAR_CASE = 80;
    private static final Duration LONGEST_REGULAR_SPAN = Duration.ofDays(360);
    private static final Duration LONG_CASE_SPAN = Duration.ofDays(3 * 365);
    private static final int REGULAR_MAX_CHILD_AGE = 15;
    private static final int LONG_CASE_MAX_CHILD_AGE = 12;

    /**
     * @param cases           cases in all, long ones included
     * @param events          events in all
     * @param longCases       cases of exactly {@code longCaseEvents} events
     * @param sampledFamilies families kept with their identities, spread over the dataset
     * @param openCases       how many of the latest still-open cases to keep
     */
    public record Sizes(int cases, long events, int longCases, int longCaseEvents, int sampledFamilies, int openCases) {

        public Sizes {
            long regularEvents = events - (long) longCases * longCaseEvents;
            if (longCases > cases || regularEvents < cases - longCases || (longCases > 0 && longCaseEvents < 1)) {
                throw new IllegalArgumentException("cannot make " + cases + " cases of which " + longCases + " with "
                        + longCaseEvents + " events out of " + events + " events: every case has at least one");
            }
        }
    }

    private final long seed;
    private final Sizes sizes;
    private final List<CaseId> longCases = new ArrayList<>();
    private final List<Family> sampledFamilies = new ArrayList<>();
    private final ArrayDeque<OpenCase> openCases = new ArrayDeque<>();
    private final Map<String, Long> eventsByType = new TreeMap<>();
    private long eventCount;

    public CaseDataset(long seed, Sizes sizes) {
        this.seed = seed;
        this.sizes = sizes;
    }

    /** Generates the whole dataset, handing each event to {@code sink} in stored order. Call once. */
    public void generate(Consumer<GeneratedEvent> sink) {
        SplittableRandom seeds = new SplittableRandom(seed);
        PriorityQueue<CaseCursor> pending = new PriorityQueue<>(Comparator.comparing(CaseCursor::nextRecordedAt)
                .thenComparing(cursor -> cursor.caseId().value()));
        for (int i = 0; i < sizes.longCases(); i++) {
            FamilyGenerator generator = new FamilyGenerator(seeds.split());
            Family family = generator.family(
                    START.plus(Duration.ofMinutes(generator.between(0, 180 * 24 * 60))), LONG_CASE_MAX_CHILD_AGE);
            longCases.add(family.caseId());
            pending.add(new CaseCursor(
                    family,
                    generated(
                            generator,
                            family,
                            generator.story(
                                    family, sizes.longCaseEvents(), LONG_CASE_SPAN.dividedBy(sizes.longCaseEvents()))),
                    false));
        }
        int regularCases = sizes.cases() - sizes.longCases();
        long budget = sizes.events() - (long) sizes.longCases() * sizes.longCaseEvents();
        Duration step = REQUESTS_SPREAD.dividedBy(Math.max(1, regularCases));
        int sampleEvery = Math.max(1, regularCases / Math.max(1, sizes.sampledFamilies()));
        int opened = 0;
        while (opened < regularCases || !pending.isEmpty()) {
            Instant earliestUnopened = START.plus(step.multipliedBy(opened));
            if (opened < regularCases
                    && (pending.isEmpty()
                            || !earliestUnopened.isAfter(pending.peek().nextRecordedAt()))) {
                FamilyGenerator generator = new FamilyGenerator(seeds.split());
                Family family = generator.family(
                        earliestUnopened.plusSeconds((long) (generator.nextDouble() * step.toSeconds())),
                        REGULAR_MAX_CHILD_AGE);
                int casesLeft = regularCases - opened;
                int length = regularLength(generator, budget, casesLeft);
                budget -= length;
                Duration meanGap = Duration.ofMinutes(generator.between(10 * 24 * 60, 40 * 24 * 60));
                Duration shortest = LONGEST_REGULAR_SPAN.dividedBy(length);
                List<GeneratedEvent> events = generated(
                        generator,
                        family,
                        generator.story(family, length, meanGap.compareTo(shortest) < 0 ? meanGap : shortest));
                if (opened % sampleEvery == 0 && sampledFamilies.size() < sizes.sampledFamilies()) {
                    sampledFamilies.add(family);
                }
                pending.add(new CaseCursor(family, events, true));
                opened++;
                continue;
            }
            CaseCursor cursor = pending.poll();
            GeneratedEvent event = cursor.next();
            eventCount++;
            eventsByType.merge(event.payload().getClass().getSimpleName(), 1L, Long::sum);
            sink.accept(event);
            if (cursor.hasNext()) {
                pending.add(cursor);
            } else if (cursor.regular()) {
                keepIfOpen(cursor);
            }
        }
    }

    /** The whole dataset in memory: for tests and small sizes. */
    public List<GeneratedEvent> events() {
        List<GeneratedEvent> events = new ArrayList<>();
        generate(events::add);
        return events;
    }

    public long eventCount() {
        return eventCount;
    }

    public Map<String, Long> eventsByType() {
        return eventsByType;
    }

    public List<CaseId> longCases() {
        return longCases;
    }

    public List<Family> sampledFamilies() {
        return sampledFamilies;
    }

    /** The latest cases that were still open at the end, oldest first. */
    public List<OpenCase> openCases() {
        return List.copyOf(openCases);
    }

    /**
     * Story lengths are skewed like a real caseload: many short cases (a request, a few consents), some long ones.
     * The mean follows what is left of the budget so that the events add up exactly.
     */
    private static int regularLength(FamilyGenerator generator, long budget, int casesLeft) {
        if (casesLeft == 1) {
            return (int) budget;
        }
        double mean = (double) budget / casesLeft;
        long drawn = 1 + Math.round(-Math.log(1 - generator.nextDouble()) * (mean - 1));
        long mostLeavingOneEach = budget - (casesLeft - 1);
        return (int) Math.max(1, Math.min(drawn, Math.min(LONGEST_REGULAR_CASE, mostLeavingOneEach)));
    }

    private static List<GeneratedEvent> generated(FamilyGenerator generator, Family family, List<CaseEvent> story) {
        List<GeneratedEvent> events = new ArrayList<>(story.size());
        for (int sequence = 0; sequence < story.size(); sequence++) {
            events.add(new GeneratedEvent(
                    generator.uuid().toString(),
                    sequence,
                    story.get(sequence),
                    family.caseworker(),
                    generator.uuid().toString(),
                    generator.uuid().toString()));
        }
        return events;
    }

    private void keepIfOpen(CaseCursor cursor) {
        List<GeneratedEvent> events = cursor.events();
        CaseEvent last = events.get(events.size() - 1).payload();
        if (last instanceof InterventionClosed
                || sizes.openCases() == 0
                || events.stream().noneMatch(event -> event.payload() instanceof VisitingPermitIssued)) {
            return;
        }
        Set<SubjectId> consenting = new HashSet<>();
        for (GeneratedEvent event : events) {
            if (event.payload() instanceof ConsentRecorded consent) {
                consenting.add(consent.party());
            } else if (event.payload() instanceof ConsentWithdrawn withdrawal) {
                consenting.remove(withdrawal.party());
            }
        }
        openCases.addLast(new OpenCase(
                cursor.family().request(),
                Set.copyOf(consenting),
                last.occurredAt(),
                cursor.family().caseworker()));
        if (openCases.size() > sizes.openCases()) {
            openCases.removeFirst();
        }
    }

    /** A case whose events are being handed out in stored order. */
    private static final class CaseCursor {

        private final Family family;
        private final List<GeneratedEvent> events;
        private final boolean regular;
        private int position;

        CaseCursor(Family family, List<GeneratedEvent> events, boolean regular) {
            this.family = family;
            this.events = events;
            this.regular = regular;
        }

        Instant nextRecordedAt() {
            return events.get(position).payload().recordedAt();
        }

        GeneratedEvent next() {
            return events.get(position++);
        }

        boolean hasNext() {
            return position < events.size();
        }

        CaseId caseId() {
            return family.caseId();
        }

        Family family() {
            return family;
        }

        List<GeneratedEvent> events() {
            return events;
        }

        boolean regular() {
            return regular;
        }
    }
}
