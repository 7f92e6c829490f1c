package fr.rep.caseengine.events.familycase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Reads revision 1 of {@link VisitMediated}: the facts added in revision 2 were not recorded, so they are null. */
public class VisitMediatedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(VisitMediated.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(VisitMediated.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode visit = (ObjectNode) payload;
            for (String added : new String[]{"visitId", "accompanier", "accompaniedBy", "durationMinutes",
                    "kilometres"}) {
                visit.putNull(added);
            }
            return visit;
        });
    }
}
