package fr.rep.caseengine.events.familycase;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading of a case's facts over time that the aggregate, the as-of replay and the case view share. */
class CaseFactsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant DAY_0 = Instant.parse("2026-03-02T09:00:00Z");

    final CaseId caseId = CaseId.random();
    final SubjectId father = SubjectId.random();
    final SubjectId mother = SubjectId.random();
    final SubjectId child = SubjectId.random();
    final CaseFacts facts = new CaseFacts();

    @Test
    void the_latest_dated_entry_holds_whatever_order_they_were_recorded_in_and_equal_dates_go_to_the_last_recorded() {
        received();
        facts.fold("given", new ConsentRecorded(caseId, day(10), day(10), mother, PartyRole.FREE_PARENT, date(30)));
        facts.fold("late-withdrawal", new ConsentWithdrawn(caseId, day(5), day(11), mother, PartyRole.FREE_PARENT));
        facts.fold("same-day", new ConsentRecorded(caseId, day(10), day(12), mother, PartyRole.FREE_PARENT));

        assertThat(facts.all().consent(mother, day(7))).isEqualTo(new CaseFacts.Consent(false, day(5), null));
        assertThat(facts.all().consent(mother, day(20))).isEqualTo(new CaseFacts.Consent(true, day(10), null));
        assertThat(facts.recordedBy(day(11)).consent(mother, day(20)))
                .as("known on day 11: the consent until day 30")
                .isEqualTo(new CaseFacts.Consent(true, day(10), date(30)));
        assertThat(facts.recordedBy(day(11)).consents(mother, day(31), PARIS))
                .as("past its last day")
                .isFalse();
        assertThat(CaseFacts.Consent.stateOn(facts.recordedBy(day(11)).consent(mother, day(31)), date(31)))
                .isEqualTo(CaseFacts.ConsentState.EXPIRED);
        assertThat(facts.occurredBy(day(6)).consent(mother, day(6)))
                .isEqualTo(new CaseFacts.Consent(false, day(5), null));
    }

    @Test
    void a_correction_voids_the_entry_it_names_from_when_it_counts_and_the_earlier_entry_holds_again() {
        received();
        facts.fold("transfer", new CustodyChanged(caseId, day(3), day(3), CustodyChange.TRANSFERRED, Prison.CP_LAON));
        facts.fold("release", new CustodyChanged(caseId, day(6), day(6), CustodyChange.RELEASED, null));
        facts.fold(
                "visit",
                new VisitMediated(
                        caseId,
                        day(4),
                        day(4),
                        List.of(child),
                        VisitPlace.PRISON_VISITING_ROOM,
                        null,
                        Accompanier.staff("claire"),
                        Accompaniment.PROFESSIONAL,
                        60,
                        10));
        facts.fold("correction", new EntryCorrected(caseId, day(8), day(8), "release", CorrectionReason.WRONG_CASE));
        facts.fold(
                "visit-correction", new EntryCorrected(caseId, day(9), day(9), "visit", CorrectionReason.WRONG_DATE));

        assertThat(facts.recordedBy(day(7)).inCustody(day(7)))
                .as("before the correction")
                .isFalse();
        assertThat(facts.all().inCustody(day(7))).isTrue();
        assertThat(facts.all().prison(day(7))).isEqualTo(Prison.CP_LAON);
        assertThat(facts.all().prison(day(2))).isEqualTo(Prison.MA_AMIENS);
        assertThat(facts.recordedBy(day(8)).visits().held()).isEqualTo(1);
        assertThat(facts.all().visits().held()).isZero();
        assertThat(facts.all().voided()).containsOnlyKeys("release", "visit");
    }

    private void received() {
        facts.fold(
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
    }

    private static Instant day(int day) {
        return DAY_0.plusSeconds(day * 86_400L);
    }

    private static LocalDate date(int day) {
        return LocalDate.ofInstant(day(day), PARIS);
    }
}
