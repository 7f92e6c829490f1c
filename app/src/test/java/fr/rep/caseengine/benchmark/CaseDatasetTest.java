package fr.rep.caseengine.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.RequestReceived;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark's dataset: seeded, of the exact size asked for, in the engine's stored order. */
class CaseDatasetTest {

    private static final CaseDataset.Sizes SIZES = new CaseDataset.Sizes(300, 3_000, 2, 200, 20, 50);

    @Test
    void the_same_seed_gives_the_same_cases_ids_dates_and_events() {
        assertThat(new CaseDataset(7, SIZES).events()).isEqualTo(new CaseDataset(7, SIZES).events());
    }

    @Test
    void another_seed_gives_other_cases() {
        assertThat(new CaseDataset(8, SIZES).events().get(0))
                .isNotEqualTo(new CaseDataset(7, SIZES).events().get(0));
    }

    @Test
    void it_makes_exactly_the_cases_and_events_asked_for_with_long_cases_of_the_length_asked_for() {
        CaseDataset dataset = new CaseDataset(7, SIZES);
        List<GeneratedEvent> events = dataset.events();

        Map<CaseId, Long> perCase = events.stream()
                .collect(Collectors.groupingBy(event -> event.payload().caseId(), Collectors.counting()));
        assertThat(events).hasSize(3_000);
        assertThat(dataset.eventCount()).isEqualTo(3_000);
        assertThat(perCase).hasSize(300);
        assertThat(dataset.longCases())
                .hasSize(2)
                .allSatisfy(caseId -> assertThat(perCase.get(caseId)).isEqualTo(200));
        assertThat(dataset.sampledFamilies()).hasSize(20);
    }

    @Test
    void events_come_in_stored_order_each_case_from_its_request_to_its_closing_at_most() {
        List<GeneratedEvent> events = new CaseDataset(7, SIZES).events();

        Map<CaseId, Long> nextSequence = new HashMap<>();
        Set<CaseId> closed = new java.util.HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            GeneratedEvent event = events.get(i);
            CaseId caseId = event.payload().caseId();
            if (i > 0) {
                assertThat(event.payload().recordedAt())
                        .isAfterOrEqualTo(events.get(i - 1).payload().recordedAt());
            }
            assertThat(event.payload().recordedAt()).isAfter(event.payload().occurredAt());
            assertThat(event.payload().occurredAt()).isBefore(CaseDataset.END);
            assertThat(event.sequence()).isEqualTo(nextSequence.getOrDefault(caseId, 0L));
            assertThat(event.payload() instanceof RequestReceived).isEqualTo(event.sequence() == 0);
            assertThat(closed).doesNotContain(caseId);
            if (event.payload() instanceof InterventionClosed) {
                closed.add(caseId);
            }
            nextSequence.put(caseId, event.sequence() + 1);
        }
    }

    @Test
    void the_caseload_looks_like_the_services_report() {
        CaseDataset dataset = new CaseDataset(7, new CaseDataset.Sizes(2_000, 20_000, 0, 0, 0, 0));
        List<RequestReceived> requests = dataset.events().stream()
                .map(GeneratedEvent::payload)
                .filter(RequestReceived.class::isInstance)
                .map(RequestReceived.class::cast)
                .toList();

        double childrenPerFamily = requests.stream()
                .mapToInt(request -> request.children().size())
                .average()
                .orElseThrow();
        double withMeasure = requests.stream()
                        .filter(RequestReceived::educationalOrJudicialMeasure)
                        .count()
                / (double) requests.size();
        assertThat(childrenPerFamily).isBetween(1.5, 2.1);
        assertThat(withMeasure).isBetween(0.25, 0.45);
        assertThat(dataset.eventsByType())
                .containsKeys(
                        "RequestReceived",
                        "ConsentRecorded",
                        "ConsentWithdrawn",
                        "VisitMediated",
                        "InterventionClosed");
    }
}
