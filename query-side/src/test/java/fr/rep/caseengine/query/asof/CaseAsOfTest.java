package fr.rep.caseengine.query.asof;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.*;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding a case's events into its state at an instant, for what the API story does not reach. */
class CaseAsOfTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant DAY_0 = Instant.parse("2026-03-02T09:00:00Z");

    final CaseId caseId = CaseId.random();
    final SubjectId father = SubjectId.random();
    final SubjectId mother = SubjectId.random();
    final SubjectId child = SubjectId.random();
    final List<CaseAsOf.Stored> events = new ArrayList<>();

    @Test
    void a_corrected_return_to_custody_leaves_the_parent_released_at_the_first_prison_and_the_stage_as_it_was() {
        story();
        happen("release", new CustodyChanged(caseId, day(5), day(5), CustodyChange.RELEASED, null));
        happen("custody", new CustodyChanged(caseId, day(6), day(6), CustodyChange.BACK_IN_CUSTODY, Prison.CP_LAON));
        CaseAsOf beforeCorrection = fold(day(7));
        assertThat(beforeCorrection.prison()).isEqualTo(Prison.CP_LAON);
        assertThat(beforeCorrection.parentInCustody()).isTrue();

        happen("correction", new EntryCorrected(caseId, day(8), day(8), "custody", CorrectionReason.WRONG_CASE));
        CaseAsOf corrected = fold(day(9));

        assertThat(corrected.prison()).isEqualTo(Prison.MA_AMIENS);
        assertThat(corrected.parentInCustody()).isFalse();
        assertThat(corrected.stage()).isEqualTo(CaseStage.CLOSED_SETTING);
        assertThat(corrected.voidedEntries())
                .containsExactly(
                        new CaseAsOf.Voided("custody", "CustodyChanged", "correction", CorrectionReason.WRONG_CASE));
    }

    @Test
    void consents_permits_courts_and_orders_are_read_at_the_instant_date() {
        story();
        happen("withdrawal", new ConsentWithdrawn(caseId, day(5), day(5), mother, PartyRole.FREE_PARENT));
        happen(
                "rights",
                new CourtDecisionRecorded(
                        caseId, day(5), day(5), Court.FAMILY_JUDGE, VisitingRights.GRANTED, List.of(child)));
        happen("order", new NoContactOrdered(caseId, day(6), day(6), Court.CHILDREN_JUDGE, List.of(child)));

        CaseAsOf later = fold(day(40));

        assertThat(later.parties())
                .extracting(CaseAsOf.Party::consent)
                .containsExactly(CaseFacts.ConsentState.EXPIRED, CaseFacts.ConsentState.WITHDRAWN);
        assertThat(later.permits()).singleElement().satisfies(permit -> {
            assertThat(permit.ended()).isFalse();
            assertThat(permit.inForce()).as("valid until day 30").isFalse();
        });
        assertThat(later.children()).singleElement().satisfies(onCase -> {
            assertThat(onCase.visitingRights()).isEqualTo(VisitingRights.GRANTED);
            assertThat(onCase.noContactOrder()).isEqualTo(Court.CHILDREN_JUDGE);
        });

        happen("lifting", new NoContactOrderLifted(caseId, day(41), day(41), List.of(child)));
        happen(
                "permit-end",
                new VisitingPermitExpired(caseId, day(41), day(41), Accompanier.staff("claire"), Prison.MA_AMIENS));
        CaseAsOf lifted = fold(day(42));
        assertThat(lifted.children().get(0).noContactOrder()).isNull();
        assertThat(lifted.permits().get(0).ended()).isTrue();
    }

    @Test
    void by_recording_a_fact_recorded_late_but_dated_earlier_takes_its_place_in_time_as_on_the_command_side() {
        story();
        happen("transfer", new CustodyChanged(caseId, day(10), day(10), CustodyChange.TRANSFERRED, Prison.CP_LAON));
        happen(
                "rights",
                new CourtDecisionRecorded(
                        caseId, day(8), day(10), Court.FAMILY_JUDGE, VisitingRights.GRANTED, List.of(child)));
        happen("order", new NoContactOrdered(caseId, day(7), day(10), Court.CHILDREN_JUDGE, List.of(child)));
        // Reported on day 12, dated before the entries above: they still hold on day 13.
        happen("late-release", new CustodyChanged(caseId, day(5), day(12), CustodyChange.RELEASED, null));
        happen(
                "late-rights",
                new CourtDecisionRecorded(
                        caseId, day(3), day(12), Court.FAMILY_JUDGE, VisitingRights.RESERVED, List.of(child)));
        happen("late-lifting", new NoContactOrderLifted(caseId, day(4), day(12), List.of(child)));

        CaseAsOf known = fold(day(13));

        assertThat(known.parentInCustody()).isTrue();
        assertThat(known.prison()).isEqualTo(Prison.CP_LAON);
        assertThat(known.children()).singleElement().satisfies(onCase -> {
            assertThat(onCase.visitingRights()).isEqualTo(VisitingRights.GRANTED);
            assertThat(onCase.noContactOrder()).isEqualTo(Court.CHILDREN_JUDGE);
        });
        CaseAsOf onDay6 = fold(day(13), day(6));
        assertThat(onDay6.parentInCustody())
                .as("released on day 5, transferred on day 10")
                .isFalse();
        assertThat(onDay6.prison()).isEqualTo(Prison.MA_AMIENS);
    }

    @Test
    void a_reopening_clears_the_closing_and_counts() {
        story();
        happen("closing", new InterventionClosed(caseId, day(10), day(10), ClosingReason.PARENT_RELEASED));
        assertThat(fold(day(11)).closed()).isEqualTo(new CaseAsOf.Decision(day(10), "PARENT_RELEASED"));
        assertThat(fold(day(11)).stage()).isEqualTo(CaseStage.CLOSED);

        happen("reopening", new CaseReopened(caseId, day(12), day(12)));
        CaseAsOf reopened = fold(day(13));
        assertThat(reopened.closed()).isNull();
        assertThat(reopened.reopenings()).isEqualTo(1);
        assertThat(reopened.stage()).isEqualTo(CaseStage.RECEPTION);
    }

    /** Received, accepted, a permit until day 30, consents (the father's until day 20), a visit in prison. */
    private void story() {
        happen(
                "request",
                new RequestReceived(
                        caseId,
                        DAY_0,
                        DAY_0,
                        ReferrerType.FREE_PARENT,
                        ReferralChannel.PHONE,
                        Team.SOMME_AISNE_OISE,
                        Prison.MA_AMIENS,
                        father,
                        PenalStatus.SENTENCED,
                        List.of(new PartyOnCase(mother, PartyRole.FREE_PARENT)),
                        List.of(new ChildOnCase(
                                child,
                                LocalDate.of(2018, 4, 1),
                                new Department("80"),
                                HousingType.WITH_FREE_PARENT,
                                mother)),
                        false));
        happen("acceptance", new RequestAccepted(caseId, day(1), day(1)));
        happen(
                "permit",
                new VisitingPermitIssued(
                        caseId, day(1), day(1), Accompanier.staff("claire"), Prison.MA_AMIENS, date(30)));
        happen(
                "consent-father",
                new ConsentRecorded(caseId, day(2), day(2), father, PartyRole.DETAINED_PARENT, date(20)));
        happen("consent-mother", new ConsentRecorded(caseId, day(2), day(2), mother, PartyRole.FREE_PARENT));
        happen(
                "visit",
                new VisitMediated(
                        caseId,
                        day(3),
                        day(3),
                        List.of(child),
                        VisitPlace.PRISON_VISITING_ROOM,
                        null,
                        Accompanier.staff("claire"),
                        null,
                        null,
                        null));
    }

    private void happen(String eventId, CaseEvent event) {
        events.add(new CaseAsOf.Stored(eventId, events.size(), event));
    }

    private CaseAsOf fold(Instant instant) {
        return CaseAsOf.fold(
                caseId.value(),
                instant,
                CaseAsOf.By.RECORDED,
                events.stream()
                        .filter(stored -> !stored.event().recordedAt().isAfter(instant))
                        .toList(),
                PARIS);
    }

    /** As of {@code instant} by occurrence, with what was recorded by {@code knownBy}. */
    private CaseAsOf fold(Instant knownBy, Instant instant) {
        return CaseAsOf.fold(
                caseId.value(),
                instant,
                CaseAsOf.By.OCCURRED,
                events.stream()
                        .filter(stored -> !stored.event().recordedAt().isAfter(knownBy))
                        .filter(stored -> !stored.event().occurredAt().isAfter(instant))
                        .toList(),
                PARIS);
    }

    private static Instant day(int day) {
        return DAY_0.plusSeconds(day * 86_400L);
    }

    private static LocalDate date(int day) {
        return LocalDate.ofInstant(day(day), PARIS);
    }
}
