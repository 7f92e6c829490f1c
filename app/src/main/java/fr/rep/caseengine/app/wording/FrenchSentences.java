package fr.rep.caseengine.app.wording;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.*;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A case's events told as French sentences, read in order so that each sentence can name people by their role on the
 * case (« le parent libre », « l'enfant né(e) le 02/05/2017 ») rather than by an id, and a correction can name the
 * entry it corrects. Dates are {@code dd/MM/yyyy} and times {@code HH:mm} in the service's zone. Events carry no names
 * (docs/decisions/0001), so neither do the sentences.
 */
final class FrenchSentences {

    /** One stored event of the case: its id (the history entry's {@code eventId}) and its payload. */
    record Stored(String eventId, CaseEvent event) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);

    private final DomainWords words;
    private final ZoneId zone;
    private final Map<SubjectId, PartyRole> roles = new HashMap<>();
    private final Map<SubjectId, LocalDate> children = new HashMap<>();
    private final Map<String, CaseEvent> entries = new HashMap<>();

    private FrenchSentences(DomainWords words, ZoneId zone) {
        this.words = words;
        this.zone = zone;
    }

    /** The sentence of each event, by event id, in the order given (the case's order). */
    static Map<String, String> of(List<Stored> events, DomainWords words, ZoneId zone) {
        FrenchSentences story = new FrenchSentences(words, zone);
        Map<String, String> sentences = new LinkedHashMap<>();
        for (Stored stored : events) {
            story.learn(stored.event());
            sentences.put(stored.eventId(), story.sentence(stored.event()));
            story.entries.put(stored.eventId(), stored.event());
        }
        return sentences;
    }

    /** Who is who on the case, as far as the events so far tell. */
    private void learn(CaseEvent event) {
        if (event instanceof RequestReceived request) {
            roles.put(request.detainedParent(), PartyRole.DETAINED_PARENT);
            request.parties().forEach(party -> roles.put(party.subjectId(), party.role()));
            request.children().forEach(child -> children.put(child.subjectId(), child.birthDate()));
        } else if (event instanceof ChildAdded added) {
            children.put(added.child().subjectId(), added.child().birthDate());
        }
    }

    private String sentence(CaseEvent event) {
        if (event instanceof RequestReceived request) {
            return "Demande reçue " + channel(request.channel()) + ", " + referrer(request.referrerType()) + " : "
                    + count(request.children().size(), "enfant", "enfants") + ", parent "
                    + lower(request.penalStatus()) + " " + at(request.prison()) + ", antenne "
                    + words.label(request.team())
                    + (request.educationalOrJudicialMeasure() ? ", avec une mesure éducative et/ou judiciaire" : "")
                    + ".";
        }
        if (event instanceof RequestAccepted) {
            return "Demande acceptée après évaluation.";
        }
        if (event instanceof RequestDeclined declined) {
            return "Intervention impossible : " + lower(declined.reason())
                    + (declined.partiesNotified()
                            ? " ; les parties ont été informées."
                            : " ; les parties restent à informer.");
        }
        if (event instanceof CaseAssigned assignment) {
            return "Dossier attribué à " + assignment.caseworker() + ".";
        }
        if (event instanceof ConsentRecorded consent) {
            return "Adhésion " + of(party(consent.role())) + " enregistrée"
                    + (consent.validUntil() == null ? "" : ", valable jusqu'au " + date(consent.validUntil())) + ".";
        }
        if (event instanceof ConsentWithdrawn withdrawal) {
            return "Retrait de l'adhésion " + of(party(withdrawal.role())) + ".";
        }
        if (event instanceof InterviewHeld interview) {
            return words.label(interview.kind()) + " " + lower(interview.place()) + " avec "
                    + list(interview.participants().stream()
                            .map(FrenchSentences::participant)
                            .toList())
                    + kilometres(interview.kilometres()) + ".";
        }
        if (event instanceof CaseReviewed review) {
            return "Synthèse pluridisciplinaire : projet d'accompagnement de "
                    + count(review.plannedVisitsPerMonth(), "visite", "visites") + " par mois"
                    + kilometres(review.kilometres()) + ".";
        }
        if (event instanceof VisitingPermitIssued permit) {
            return "Permis de visite obtenu par " + who(permit.accompanier()) + " pour " + the(permit.prison())
                    + ", valable jusqu'au " + date(permit.validUntil()) + ".";
        }
        if (event instanceof VisitingPermitExpired expired) {
            return "Fin du permis de visite " + of(who(expired.accompanier())) + " pour " + the(expired.prison()) + ".";
        }
        if (event instanceof VisitScheduled scheduled) {
            return "Visite planifiée " + lower(scheduled.place()) + " le " + date(scheduled.plannedFor()) + " à "
                    + time(scheduled.plannedFor()) + " avec " + children(scheduled.children())
                    + (scheduled.accompanier() == null ? "" : ", accompagnée par " + who(scheduled.accompanier()))
                    + ".";
        }
        if (event instanceof VisitMediated visit) {
            return "Visite accompagnée " + lower(visit.place()) + " avec " + children(visit.children())
                    + (visit.accompaniedBy() == null ? "" : ", par " + accompaniment(visit.accompaniedBy()))
                    + (visit.durationMinutes() == null ? "" : ", " + visit.durationMinutes() + " min")
                    + kilometres(visit.kilometres()) + ".";
        }
        if (event instanceof ContactStepTaken contact) {
            return "Étape de reprise de contact : " + lower(contact.step()) + " avec " + children(contact.children())
                    + (contact.mediatedBy() == null ? "" : ", par " + accompaniment(contact.mediatedBy()))
                    + kilometres(contact.kilometres()) + ".";
        }
        if (event instanceof VisitCancelled cancelled) {
            return "Visite planifiée annulée : " + lower(cancelled.reason()) + ".";
        }
        if (event instanceof HomeVisitMade home) {
            return "Visite à domicile, " + home.kilometres() + " km.";
        }
        if (event instanceof NurseryAccompanimentMade nursery) {
            return "Accompagnement EAJE " + of(child(nursery.child())) + ", " + nursery.kilometres() + " km.";
        }
        if (event instanceof CustodyChanged custody) {
            return "Évolution de la situation pénale : " + lower(custody.change())
                    + (custody.prison() == null ? "" : " " + towards(custody.prison())) + ".";
        }
        if (event instanceof CourtDecisionRecorded decision) {
            return "Décision " + of(court(decision.court())) + " : " + lower(decision.rights()) + " pour "
                    + children(decision.children()) + ".";
        }
        if (event instanceof NoContactOrdered order) {
            return "Interdiction d'entrer en relation prononcée par " + court(order.court()) + " pour "
                    + children(order.children()) + ".";
        }
        if (event instanceof NoContactOrderLifted lifted) {
            return "Levée de l'interdiction d'entrer en relation pour " + children(lifted.children()) + ".";
        }
        if (event instanceof ChildAdded added) {
            ChildOnCase child = added.child();
            List<String> facts = new ArrayList<>();
            if (child.housing() != null) {
                facts.add(lower(child.housing()));
            }
            if (child.department() != null) {
                facts.add("département " + child.department().code());
            }
            return capitalised(child(child.subjectId())) + " ajouté(e) au dossier"
                    + (facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")") + ".";
        }
        if (event instanceof EntryCorrected correction) {
            CaseEvent corrected = entries.get(correction.correctedEventId());
            return (corrected == null
                            ? "Correction d'une saisie"
                            : "Correction de la saisie « "
                                    + words.event(corrected.getClass().getSimpleName()) + " » du "
                                    + date(corrected.occurredAt()))
                    + " : " + lower(correction.reason()) + ".";
        }
        if (event instanceof NurseryDerogationGranted derogation) {
            return "Dérogation : " + child(derogation.child()) + " peut rester à la nurserie jusqu'à 24 mois.";
        }
        if (event instanceof DeadlineApproaching deadline) {
            String due = date(deadline.dueOn());
            return switch (deadline.kind()) {
                case CHILD_TURNS_18 -> "À venir : " + child(deadline.child()) + " aura 18 ans le " + due + ".";
                case NURSERY_SEPARATION ->
                    "À venir : " + child(deadline.child()) + " doit quitter la nurserie le " + due + ".";
                case PERMIT_EXPIRES ->
                    "À venir : le permis de visite " + of(who(deadline.accompanier())) + " prend fin le " + due + ".";
                case CONSENT_EXPIRES ->
                    "À venir : l'adhésion " + of(person(deadline.party())) + " prend fin le " + due + ".";
                case NO_RECENT_ACTIVITY ->
                    "Relance due depuis le " + due
                            + " : rien n'a été enregistré dans le dossier pendant la période d'inactivité.";
            };
        }
        if (event instanceof InterventionClosed closing) {
            return "Fin d'intervention : " + lower(closing.reason()) + ".";
        }
        if (event instanceof PersonalDataErased erasure) {
            return "Données personnelles " + of(person(erasure.subject())) + " effacées : " + lower(erasure.reason())
                    + ".";
        }
        if (event instanceof CaseReopened) {
            return "Dossier rouvert.";
        }
        return words.event(event.getClass().getSimpleName()) + ".";
    }

    /** A person of the case by their role, with its article; a child by their birth date. */
    private String person(SubjectId subject) {
        if (subject != null && children.containsKey(subject)) {
            return child(subject);
        }
        PartyRole role = subject == null ? null : roles.get(subject);
        return role == null ? "une personne du dossier" : party(role);
    }

    /**
     * An accompanier: a staff account by its name, as « Dossier attribué à » names it; a person without an account
     * is never named here (their name is in the personal-data store, erasable), nor one recorded by name before.
     */
    private static String who(Accompanier accompanier) {
        if (accompanier != null && accompanier.account() != null) {
            return accompanier.account();
        }
        return accompanier != null && accompanier.person() != null
                ? "une personne accompagnante sans compte"
                : "un accompagnant enregistré par son nom (non affiché)";
    }

    private static String party(PartyRole role) {
        return switch (role) {
            case DETAINED_PARENT -> "le parent détenu";
            case FREE_PARENT -> "le parent libre";
            case ASE -> "le référent ASE";
            case LEGAL_GUARDIAN -> "le titulaire de l'autorité parentale";
        };
    }

    private String child(SubjectId subject) {
        LocalDate born = subject == null ? null : children.get(subject);
        return born == null ? "un enfant du dossier" : "l'enfant né(e) le " + date(born);
    }

    private String children(List<SubjectId> subjects) {
        if (subjects.size() == 1) {
            return child(subjects.get(0));
        }
        List<String> births = new ArrayList<>();
        for (SubjectId subject : subjects) {
            LocalDate born = children.get(subject);
            if (born == null) {
                return count(subjects.size(), "enfant", "enfants");
            }
            births.add("le " + date(born));
        }
        return "les " + subjects.size() + " enfants nés " + list(births);
    }

    private static String participant(InterviewParticipant participant) {
        return switch (participant) {
            case DETAINED_PARENT -> "le parent détenu";
            case FREE_PARENT -> "le parent libre";
            case CHILDREN -> "les enfants";
            case ASE -> "le référent ASE";
        };
    }

    private static String accompaniment(Accompaniment accompaniment) {
        return switch (accompaniment) {
            case PROFESSIONAL -> "un professionnel";
            case VOLUNTEER -> "un bénévole";
            case ASE_REFERENT -> "le référent ASE";
        };
    }

    private static String channel(ReferralChannel channel) {
        return switch (channel) {
            case LETTER -> "par courrier";
            case PHONE -> "par téléphone";
            case MEETING_IN_DETENTION -> "lors d'une rencontre en détention";
        };
    }

    private static String referrer(ReferrerType referrer) {
        return switch (referrer) {
            case DETAINED_PARENT -> "à l'initiative du parent détenu";
            case FREE_PARENT -> "à l'initiative du parent libre";
            case CHILDREN_JUDGE -> "saisine du juge des enfants (JE)";
            case FAMILY_JUDGE -> "saisine du juge aux affaires familiales (JAF)";
            case INVESTIGATING_JUDGE -> "saisine du juge d'instruction";
            case EXTERNAL_SOCIAL_WORKER -> "à l'initiative d'un travailleur social extérieur";
        };
    }

    private static String court(Court court) {
        return switch (court) {
            case CHILDREN_JUDGE -> "le juge des enfants (JE)";
            case FAMILY_JUDGE -> "le juge aux affaires familiales (JAF)";
            case CRIMINAL_COURT -> "la juridiction pénale";
        };
    }

    /** The prison with its article: « la Maison d'arrêt d'Amiens », « le Centre de détention de Bapaume ». */
    private String the(Prison prison) {
        String name = words.label(prison);
        return (name.startsWith("Maison") ? "la " : "le ") + name;
    }

    private String at(Prison prison) {
        String prisonWithArticle = the(prison);
        return prisonWithArticle.startsWith("le ") ? "au " + prisonWithArticle.substring(3) : "à " + prisonWithArticle;
    }

    private String towards(Prison prison) {
        return "vers " + the(prison);
    }

    /** « de » before a noun with its article: du parent, de l'enfant, de la juridiction, des enfants. */
    private static String of(String withArticle) {
        if (withArticle.startsWith("le ")) {
            return "du " + withArticle.substring(3);
        }
        if (withArticle.startsWith("les ")) {
            return "des " + withArticle.substring(4);
        }
        if (withArticle.startsWith("un ") || withArticle.startsWith("une ")) {
            return "d'" + withArticle;
        }
        return "de " + withArticle;
    }

    private String lower(Enum<?> constant) {
        String label = words.label(constant);
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " et " + items.get(items.size() - 1);
    }

    private static String count(int count, String one, String many) {
        return count + " " + (count <= 1 ? one : many);
    }

    private static String date(LocalDate date) {
        return DATE.format(date);
    }

    private String date(Instant instant) {
        return DATE.format(instant.atZone(zone));
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    /** The kilometres travelled, when they were recorded (events before their revision 2 have none). */
    private static String kilometres(Integer kilometres) {
        return kilometres == null ? "" : ", " + kilometres + " km";
    }
}
