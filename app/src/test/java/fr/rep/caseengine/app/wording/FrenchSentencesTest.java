package fr.rep.caseengine.app.wording;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.*;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every kind of case event reads as a French sentence: no English word, no enum constant, no id; people named by their
 * role, children by their birth date; dates dd/MM/yyyy and times in Europe/Paris.
 */
class FrenchSentencesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern UUID_LIKE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|of|and|with|for|by|from|to|until|on|at|is|"
            + "child|children|visit|visits|request|case|consent|permit|received|accepted|declined|assigned|"
            + "interview|review|reviewed|erased|closed|reopened|planned|cancelled|mediated|custody|decision|order|"
            + "lifted|added|corrected|entry|coming|up|ends|null|free|detained)\\b");

    private final CaseId caseId = CaseId.random();
    private final SubjectId father = SubjectId.random();
    private final SubjectId mother = SubjectId.random();
    private final SubjectId lucas = SubjectId.random();
    private final SubjectId emma = SubjectId.random();
    private final SubjectId baby = SubjectId.random();
    /** 23:30 UTC on 28 March 2026 is already 29 March in Paris (00:30, winter time until 02:00). */
    private final Instant lateEvening = Instant.parse("2026-03-28T23:30:00Z");

    private final Instant at = Instant.parse("2026-11-20T09:30:00Z");

    @Test
    void every_kind_of_case_event_reads_as_a_french_sentence_without_english_constants_or_ids() {
        List<FrenchSentences.Stored> story = story();
        Set<Class<?>> told =
                story.stream().map(stored -> stored.event().getClass()).collect(Collectors.toSet());
        assertThat(told)
                .as("one event of each kind the sealed CaseEvent permits")
                .containsAll(Arrays.asList(CaseEvent.class.getPermittedSubclasses()));

        Map<String, String> sentences = FrenchSentences.of(story, new DomainWords(), PARIS);

        assertThat(sentences).hasSize(story.size());
        assertThat(sentences.values()).allSatisfy(sentence -> {
            assertThat(sentence).matches("[A-ZÀ-ÝŒ1].*\\.").doesNotContain("null");
            assertThat(UUID_LIKE.matcher(sentence).find())
                    .as("an id in: " + sentence)
                    .isFalse();
            assertThat(CONSTANT.matcher(sentence).find())
                    .as("a constant in: " + sentence)
                    .isFalse();
            assertThat(ISO_DATE.matcher(sentence).find())
                    .as("an ISO date in: " + sentence)
                    .isFalse();
            assertThat(ENGLISH.matcher(sentence).find())
                    .as("English in: " + sentence)
                    .isFalse();
        });
    }

    @Test
    void people_are_named_by_their_role_and_children_by_their_birth_date_and_times_are_those_of_paris() {
        List<FrenchSentences.Stored> story = story();
        Map<String, String> sentences = FrenchSentences.of(story, new DomainWords(), PARIS);

        assertThat(sentence(story, sentences, RequestReceived.class))
                .isEqualTo("Demande reçue par téléphone, à "
                        + "l'initiative du parent libre : 3 enfants, parent condamné à la Maison d'arrêt d'Amiens, antenne "
                        + "Somme–Aisne–Oise, avec une mesure éducative et/ou judiciaire.");
        assertThat(sentence(story, sentences, ConsentRecorded.class))
                .isEqualTo("Adhésion du parent libre enregistrée, valable jusqu'au 31/12/2027.");
        assertThat(sentence(story, sentences, VisitScheduled.class))
                .isEqualTo(
                        "Visite planifiée au parloir le "
                                + "29/03/2026 à 00:30 avec les 2 enfants nés le 02/05/2017 et le 15/01/2020, accompagnée par claire.");
        assertThat(sentence(story, sentences, NurseryAccompanimentMade.class))
                .isEqualTo("Accompagnement EAJE de l'enfant né(e) le 10/06/2025, 14 km.");
        assertThat(sentence(story, sentences, PersonalDataErased.class))
                .isEqualTo("Données personnelles du parent "
                        + "libre effacées : demande de la personne (droit à l'effacement).");
        assertThat(sentence(story, sentences, EntryCorrected.class))
                .isEqualTo("Correction de la saisie « Visite accompagnée » du 20/11/2026 : mauvaise date.");
        assertThat(sentence(story, sentences, CustodyChanged.class))
                .isEqualTo("Évolution de la situation pénale : transfert vers le Centre pénitentiaire de Laon.");
    }

    @Test
    void the_kilometres_of_an_interview_a_review_and_a_contact_step_are_told_when_recorded() {
        List<FrenchSentences.Stored> story = List.of(
                new FrenchSentences.Stored(
                        "1",
                        new InterviewHeld(
                                caseId,
                                at,
                                at,
                                InterviewKind.FIRST,
                                List.of(InterviewParticipant.FREE_PARENT),
                                InterviewPlace.AT_HOME,
                                23)),
                new FrenchSentences.Stored("2", new CaseReviewed(caseId, at, at, 2, 0)),
                new FrenchSentences.Stored(
                        "3", new ContactStepTaken(caseId, at, at, ContactStep.MEDIATED_LETTER, List.of(emma), null, 8)),
                new FrenchSentences.Stored("4", new CaseReviewed(caseId, at, at, 1, null)));

        Map<String, String> sentences = FrenchSentences.of(story, new DomainWords(), PARIS);

        assertThat(sentences.get("1")).isEqualTo("1er entretien à domicile avec le parent libre, 23 km.");
        assertThat(sentences.get("2"))
                .isEqualTo("Synthèse pluridisciplinaire : projet d'accompagnement de 2 visites par mois, 0 km.");
        assertThat(sentences.get("3")).endsWith(", 8 km.");
        assertThat(sentences.get("4"))
                .as("kilometres not recorded (revision 1) are not made up")
                .isEqualTo("Synthèse pluridisciplinaire : projet d'accompagnement de 1 visite par mois.");
    }

    @Test
    void an_accompanier_without_an_account_and_one_recorded_by_name_before_are_never_named() {
        SubjectId volunteer = SubjectId.random();
        List<FrenchSentences.Stored> story = List.of(
                new FrenchSentences.Stored(
                        "1",
                        new VisitingPermitIssued(
                                caseId,
                                at,
                                at,
                                Accompanier.person(volunteer),
                                Prison.CD_BAPAUME,
                                LocalDate.of(2027, 9, 30))),
                new FrenchSentences.Stored(
                        "2",
                        new VisitingPermitExpired(caseId, at, at, Accompanier.RECORDED_BEFORE, Prison.CD_BAPAUME)));

        Map<String, String> sentences = FrenchSentences.of(story, new DomainWords(), PARIS);

        assertThat(sentences.get("1"))
                .isEqualTo("Permis de visite obtenu par une personne accompagnante sans compte "
                        + "pour le Centre de détention de Bapaume, valable jusqu'au 30/09/2027.");
        assertThat(sentences.get("2"))
                .isEqualTo("Fin du permis de visite d'un accompagnant enregistré par son nom "
                        + "(non affiché) pour le Centre de détention de Bapaume.");
    }

    private static String sentence(
            List<FrenchSentences.Stored> story, Map<String, String> sentences, Class<? extends CaseEvent> type) {
        return story.stream()
                .filter(stored -> type.isInstance(stored.event()))
                .findFirst()
                .map(stored -> sentences.get(stored.eventId()))
                .orElseThrow();
    }

    /** A case's life with every kind of event, some twice to cover their variants. */
    private List<FrenchSentences.Stored> story() {
        List<CaseEvent> events = new ArrayList<>();
        Instant recorded = at.plusSeconds(60);
        UUID visit = UUID.randomUUID();
        events.add(new RequestReceived(
                caseId,
                at,
                recorded,
                ReferrerType.FREE_PARENT,
                ReferralChannel.PHONE,
                Team.SOMME_AISNE_OISE,
                Prison.MA_AMIENS,
                father,
                PenalStatus.SENTENCED,
                List.of(new PartyOnCase(mother, PartyRole.FREE_PARENT)),
                List.of(
                        new ChildOnCase(
                                lucas,
                                LocalDate.of(2017, 5, 2),
                                new Department("80"),
                                HousingType.WITH_FREE_PARENT,
                                mother),
                        new ChildOnCase(emma, LocalDate.of(2020, 1, 15), null, HousingType.WITH_FREE_PARENT, mother),
                        new ChildOnCase(
                                baby,
                                LocalDate.of(2025, 6, 10),
                                new Department("62"),
                                HousingType.WITH_MOTHER_IN_PRISON,
                                mother)),
                true));
        events.add(new RequestAccepted(caseId, at, recorded));
        events.add(new RequestDeclined(caseId, at, recorded, DeclineReason.PARTY_REFUSED, false));
        events.add(new CaseAssigned(caseId, at, recorded, "claire"));
        events.add(
                new ConsentRecorded(caseId, at, recorded, mother, PartyRole.FREE_PARENT, LocalDate.of(2027, 12, 31)));
        events.add(new ConsentRecorded(caseId, at, recorded, father, PartyRole.DETAINED_PARENT, null));
        events.add(new ConsentWithdrawn(caseId, at, recorded, father, PartyRole.DETAINED_PARENT));
        events.add(new InterviewHeld(
                caseId,
                at,
                recorded,
                InterviewKind.FIRST,
                List.of(InterviewParticipant.DETAINED_PARENT, InterviewParticipant.CHILDREN, InterviewParticipant.ASE),
                InterviewPlace.IN_DETENTION,
                null));
        events.add(new CaseReviewed(caseId, at, recorded, 2, null));
        events.add(new VisitingPermitIssued(
                caseId, at, recorded, Accompanier.staff("claire"), Prison.CD_BAPAUME, LocalDate.of(2027, 9, 30)));
        events.add(new VisitingPermitExpired(caseId, at, recorded, Accompanier.staff("claire"), Prison.CD_BAPAUME));
        events.add(new VisitScheduled(
                caseId,
                at,
                recorded,
                visit,
                lateEvening,
                List.of(lucas, emma),
                VisitPlace.PRISON_VISITING_ROOM,
                Accompanier.staff("claire")));
        events.add(new VisitMediated(
                caseId,
                at,
                recorded,
                List.of(lucas),
                VisitPlace.PRISON_VISITING_ROOM,
                visit,
                Accompanier.staff("claire"),
                Accompaniment.VOLUNTEER,
                90,
                35));
        events.add(new VisitMediated(
                caseId,
                at,
                recorded,
                List.of(lucas, SubjectId.random()),
                VisitPlace.OUTSIDE,
                null,
                null,
                null,
                null,
                null));
        events.add(new VisitCancelled(caseId, at, recorded, visit, VisitCancellationReason.PRISON_WIDE_SUSPENSION));
        events.add(new ContactStepTaken(
                caseId, at, recorded, ContactStep.MEDIATED_LETTER, List.of(emma), Accompaniment.ASE_REFERENT, null));
        events.add(new HomeVisitMade(caseId, at, recorded, 12));
        events.add(new NurseryAccompanimentMade(caseId, at, recorded, baby, 14));
        events.add(new NurseryDerogationGranted(caseId, at, recorded, baby));
        events.add(new CustodyChanged(caseId, at, recorded, CustodyChange.TRANSFERRED, Prison.CP_LAON));
        events.add(new CustodyChanged(caseId, at, recorded, CustodyChange.ELECTRONIC_MONITORING, null));
        events.add(new CourtDecisionRecorded(
                caseId, at, recorded, Court.FAMILY_JUDGE, VisitingRights.MEDIATED_ONLY, List.of(lucas, emma)));
        events.add(new NoContactOrdered(caseId, at, recorded, Court.CRIMINAL_COURT, List.of(emma)));
        events.add(new NoContactOrderLifted(caseId, at, recorded, List.of(emma)));
        SubjectId added = SubjectId.random();
        events.add(new ChildAdded(
                caseId,
                at,
                recorded,
                new ChildOnCase(
                        added, LocalDate.of(2024, 4, 3), new Department("2A"), HousingType.FOSTER_FAMILY, mother)));
        for (DeadlineKind kind : DeadlineKind.values()) {
            events.add(new DeadlineApproaching(
                    caseId, at, recorded, kind, lucas, Accompanier.staff("claire"), LocalDate.of(2035, 5, 2), mother));
        }
        events.add(new DeadlineApproaching(
                caseId, at, recorded, DeadlineKind.CONSENT_EXPIRES, null, null, LocalDate.of(2027, 1, 1)));
        events.add(new InterventionClosed(caseId, at, recorded, ClosingReason.ORIENTED_TO_NEUTRAL_MEETING_PLACE));
        events.add(new CaseReopened(caseId, at, recorded));
        events.add(new PersonalDataErased(caseId, at, recorded, mother, ErasureReason.REQUEST_OF_THE_PERSON));
        events.add(new PersonalDataErased(caseId, at, recorded, added, ErasureReason.RETENTION_PERIOD_ENDED));
        List<FrenchSentences.Stored> stored = new ArrayList<>();
        for (CaseEvent event : events) {
            stored.add(new FrenchSentences.Stored(UUID.randomUUID().toString(), event));
        }
        String heldVisit = stored.get(12).eventId();
        stored.add(new FrenchSentences.Stored(
                UUID.randomUUID().toString(),
                new EntryCorrected(caseId, at, recorded, heldVisit, CorrectionReason.WRONG_DATE)));
        stored.add(new FrenchSentences.Stored(
                UUID.randomUUID().toString(),
                new EntryCorrected(caseId, at, recorded, UUID.randomUUID().toString(), CorrectionReason.DUPLICATE)));
        return stored;
    }
}
