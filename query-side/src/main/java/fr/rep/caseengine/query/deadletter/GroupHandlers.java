package fr.rep.caseengine.query.deadletter;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

/**
 * The event handlers of a processing group, called directly: the very instances its processor calls, without the
 * processor's dead-lettering (a rebuild and a retry decide themselves what to set aside). A failure propagates.
 */
public final class GroupHandlers {

    private final List<EventMessageHandler> handlers;

    private GroupHandlers(List<EventMessageHandler> handlers) {
        this.handlers = handlers;
    }

    /** The handlers the processor {@code processor} calls. */
    public static GroupHandlers of(EventProcessor processor) {
        List<EventMessageHandler> handlers = new ArrayList<>();
        collect(((AbstractEventProcessor) processor).eventHandlerInvoker(), handlers);
        return new GroupHandlers(List.copyOf(handlers));
    }

    private static void collect(EventHandlerInvoker invoker, List<EventMessageHandler> handlers) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, handlers));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
        } else {
            throw new IllegalStateException(
                    "Cannot call the handlers of " + invoker.getClass().getName() + " directly");
        }
    }

    /** Whether any handler of the group handles {@code event}. */
    public boolean handles(EventMessage<?> event) {
        return handlers.stream().anyMatch(handler -> handler.canHandle(event));
    }

    /** Applies {@code event} to every handler of the group that handles it, in the processor's order. */
    public void apply(EventMessage<?> event) throws Exception {
        for (EventMessageHandler handler : handlers) {
            if (handler.canHandle(event)) {
                handler.handle(event);
            }
        }
    }
}
