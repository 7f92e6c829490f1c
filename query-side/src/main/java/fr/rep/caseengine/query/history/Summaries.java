package fr.rep.caseengine.query.history;

import fr.rep.caseengine.events.familycase.CaseAssigned;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.ConsentWithdrawn;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.VisitMediated;

import java.util.Locale;

/** One readable sentence per event, from its facts only: no names, so erasing a person never touches the history. */
final class Summaries {

    private Summaries() {
    }

    static String of(CaseEvent event) {
        if (event instanceof RequestReceived request) {
            return "Request received by " + words(request.channel().name()) + " from the "
                    + words(request.referrerType().name()) + ": " + plural(request.children().size(), "child", "children")
                    + ", parent " + words(request.penalStatus().name()) + " at " + request.prison().label()
                    + ", team " + request.team().label()
                    + (request.educationalOrJudicialMeasure() ? ", with an educational or judicial measure" : "")
                    + ".";
        }
        if (event instanceof CaseAssigned assignment) {
            return "Case assigned to " + assignment.caseworker() + ".";
        }
        if (event instanceof ConsentRecorded consent) {
            return "Consent recorded from the " + party(consent.role()) + " " + consent.party() + ".";
        }
        if (event instanceof ConsentWithdrawn withdrawal) {
            return "Consent withdrawn by the " + party(withdrawal.role()) + " " + withdrawal.party() + ".";
        }
        if (event instanceof VisitMediated visit) {
            return "Visit mediated " + (visit.place().name().startsWith("PRISON") ? "in the prison visiting room"
                    : "outside prison") + " with " + plural(visit.children().size(), "child", "children") + ".";
        }
        InterventionClosed closing = (InterventionClosed) event;
        return "Intervention closed: " + words(closing.reason().name()) + ".";
    }

    private static String party(PartyRole role) {
        return role == PartyRole.ASE ? "ASE referent" : words(role.name());
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
