package fr.rep.caseengine.query.deadletter;

import fr.rep.caseengine.query.projection.ReadModel;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Wraps the event handlers of the read models so that a suspect event is applied isolated ({@link PoisonIsolation}).
 * It sits inside Axon's dead-lettering invoker, which then finds the transaction usable to enqueue the event.
 */
class IsolatingHandlers implements HandlerEnhancerDefinition {

    private final Set<String> readModels;
    private final PoisonIsolation isolation;

    IsolatingHandlers(List<ReadModel> readModels, PoisonIsolation isolation) {
        this.readModels = readModels.stream().map(ReadModel::processingGroup).collect(Collectors.toUnmodifiableSet());
        this.isolation = isolation;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null
                || !readModels.contains(group.value())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!isolation.isolates(message)) {
                    return super.handle(message, target);
                }
                return isolation.apply(message, () -> super.handle(message, target));
            }
        };
    }
}
