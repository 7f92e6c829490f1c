package fr.rep.caseengine.query.asof;

import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.input.PlausibleDate;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.query.access.UnknownCase;
import fr.rep.caseengine.query.access.ViewScope;
import fr.rep.caseengine.query.audit.AccessTrail;
import fr.rep.caseengine.query.audit.CaseRead;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case as it stood at an instant, replayed from the event store (every stored event of the case, upcasted, from
 * the first: snapshots are not used). Only readers who may open the case's detail may replay it.
 */
@RestController
@Tag(name = "Case views")
class AsOfController {

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final AccessTrail trail;
    private final Clock clock;

    AsOfController(JdbcTemplate jdbc, EventStore events, AccessTrail trail, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping("/api/cases/{caseId}/as-of")
    @Operation(
            summary = "The case as it stood at an instant, by=RECORDED (what the service knew then, the default) "
                    + "or by=OCCURRED (facts reported late included if they happened before); corrections made by then void "
                    + "the entries they name")
    CaseAsOf asOf(
            @PathVariable UUID caseId,
            @RequestParam @PlausibleDate Instant instant,
            @RequestParam(defaultValue = "RECORDED") CaseAsOf.By by,
            Caller caller,
            HttpServletRequest request) {
        return trail.read(caller, caseId, CaseRead.AS_OF, request, () -> {
            if (!ViewScope.forCase(caller).includes(jdbc, caseId)) {
                throw new UnknownCase(caseId);
            }
            return CaseAsOf.fold(caseId, instant, by, eventsUpTo(caseId, instant, by), clock.getZone());
        });
    }

    /** One event of the case on the chosen time axis: a step of the time-travel slider. */
    record Step(int number, String type, Instant time) {}

    /**
     * The case's events in the order the chosen axis puts them, each with its time on that axis as {@link #asOf}
     * compares it: as of a step's time, the case stands after that step. A case out of the caller's scope is unknown,
     * and the attempt recorded, as {@link #asOf} does; the read of the case itself is recorded by {@link #asOf}.
     */
    List<Step> steps(UUID caseId, CaseAsOf.By by, Caller caller, HttpServletRequest request) {
        if (!ViewScope.forCase(caller).includes(jdbc, caseId)) {
            return trail.read(caller, caseId, CaseRead.AS_OF, request, () -> {
                throw new UnknownCase(caseId);
            });
        }
        List<CaseAsOf.Stored> all = eventsUpTo(caseId, Instant.MAX, by);
        List<Step> steps = new java.util.ArrayList<>(all.size());
        for (CaseAsOf.Stored stored : all) {
            steps.add(new Step(steps.size() + 1, stored.event().getClass().getSimpleName(), time(stored, by)));
        }
        return steps;
    }

    /** The case's events that fall before the instant, in stored order by recorded time, else by occurred time. */
    private List<CaseAsOf.Stored> eventsUpTo(UUID caseId, Instant instant, CaseAsOf.By by) {
        Stream<CaseAsOf.Stored> stored = events.readEvents(caseId.toString(), 0)
                .asStream()
                .filter(message -> message.getPayload() instanceof CaseEvent)
                .map(AsOfController::stored)
                .filter(event -> !time(event, by).isAfter(instant));
        if (by == CaseAsOf.By.OCCURRED) {
            stored = stored.sorted(Comparator.comparing(
                            (CaseAsOf.Stored event) -> event.event().occurredAt())
                    .thenComparingLong(CaseAsOf.Stored::sequence));
        }
        return stored.toList();
    }

    private static CaseAsOf.Stored stored(DomainEventMessage<?> message) {
        return new CaseAsOf.Stored(
                message.getIdentifier(), message.getSequenceNumber(), (CaseEvent) message.getPayload());
    }

    /**
     * The event's time on the chosen axis, to the microsecond as the history shows it: PostgreSQL rounds a stored
     * time to the nearest microsecond (half up), so asking as of an entry's recordedAt read from the history
     * includes that entry, and a microsecond earlier excludes it.
     */
    private static Instant time(CaseAsOf.Stored stored, CaseAsOf.By by) {
        Instant time = by == CaseAsOf.By.RECORDED
                ? stored.event().recordedAt()
                : stored.event().occurredAt();
        return time.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }
}
