package fr.rep.caseengine.command.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * A command's answer names the events it recorded: those an aggregate applied in the command's unit of work, on the
 * request's thread, in order; a try that is run again starts from none.
 */
class RecordedEventsTest {

    final SimpleEventBus bus = SimpleEventBus.builder().build();
    final RecordedEvents recorded = new RecordedEvents(bus);

    record PersonErased(String subject) {}

    @Test
    void a_command_that_records_two_events_names_both_in_order() {
        List<RecordedEvent> named = recorded.recording(() -> {
            appliedInOneCommand(
                    new GenericDomainEventMessage<>("FamilyCase", "case-1", 6, new PersonErased("a")),
                    new GenericDomainEventMessage<>("FamilyCase", "case-1", 7, new PersonErased("b")));
            return recorded.recorded();
        });

        assertThat(named).extracting(RecordedEvent::sequence).containsExactly(6L, 7L);
        assertThat(named).extracting(RecordedEvent::type).containsExactly("PersonErased", "PersonErased");
        assertThat(named.get(0).eventId()).isNotEqualTo(named.get(1).eventId()).isNotBlank();
    }

    @Test
    void a_try_run_again_names_only_the_events_of_the_try_that_counted() {
        AtomicInteger tries = new AtomicInteger();
        List<RecordedEvent> named = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            named = recorded.recording(() -> {
                appliedInOneCommand(new GenericDomainEventMessage<>(
                        "FamilyCase", "case-1", 3, new PersonErased("try " + tries.incrementAndGet())));
                return recorded.recorded();
            });
        }

        assertThat(named).hasSize(1);
    }

    @Test
    void events_published_outside_a_command_request_are_noted_nowhere() {
        appliedInOneCommand(new GenericDomainEventMessage<>("FamilyCase", "case-1", 0, new PersonErased("a")));

        assertThat(recorded.recorded()).isEmpty();
        assertThat(recorded.recording(recorded::recorded)).isEmpty();
    }

    /** As an aggregate applies events while it handles a command: published in the command's unit of work. */
    private void appliedInOneCommand(GenericDomainEventMessage<?>... events) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> bus.publish(events));
    }
}
