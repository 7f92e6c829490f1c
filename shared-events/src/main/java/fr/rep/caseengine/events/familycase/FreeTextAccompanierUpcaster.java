package fr.rep.caseengine.events.familycase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads an event stored when {@code accompanier} was free text (a volunteer's or a professional's name): the name
 * becomes {@link Accompanier#RECORDED_BEFORE}, so no view, sentence or export shows it again. The stored bytes keep
 * it (events are never rewritten: the hash chain, docs/audit.md); an absent accompanier stays absent.
 */
public class FreeTextAccompanierUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    protected FreeTextAccompanierUpcaster(Class<?> type, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(type.getName(), fromRevision);
        this.to = new SimpleSerializedType(type.getName(), toRevision);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            JsonNode accompanier = event.get("accompanier");
            if (accompanier != null && !accompanier.isNull()) {
                event.put("accompanier", Accompanier.RECORDED_BEFORE.toString());
            }
            return event;
        });
    }

    /** {@link VisitingPermitIssued} revision 1. */
    public static FreeTextAccompanierUpcaster permitIssued() {
        return new FreeTextAccompanierUpcaster(VisitingPermitIssued.class, "1", "2");
    }

    /** {@link VisitingPermitExpired} revision 1. */
    public static FreeTextAccompanierUpcaster permitExpired() {
        return new FreeTextAccompanierUpcaster(VisitingPermitExpired.class, "1", "2");
    }

    /** {@link VisitScheduled} revision 1. */
    public static FreeTextAccompanierUpcaster visitScheduled() {
        return new FreeTextAccompanierUpcaster(VisitScheduled.class, "1", "2");
    }

    /** {@link VisitMediated} revision 2 (revision 1, without accompanier, is first read as 2). */
    public static FreeTextAccompanierUpcaster visitMediated() {
        return new FreeTextAccompanierUpcaster(VisitMediated.class, "2", "3");
    }

    /** {@link DeadlineApproaching} revision 2 (revision 1 is first read as 2). */
    public static FreeTextAccompanierUpcaster deadlineApproaching() {
        return new FreeTextAccompanierUpcaster(DeadlineApproaching.class, "2", "3");
    }
}
