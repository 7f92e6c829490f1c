package fr.rep.caseengine.events.familycase;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseStageTest {

    private static final CaseId CASE = CaseId.random();
    private static final Instant AT = Instant.parse("2026-11-20T09:30:00Z");
    private static final SubjectId CHILD = SubjectId.random();

    @Test
    void a_case_goes_from_reception_through_setting_up_to_closed_then_open_setting_and_closing() {
        CaseStage stage = CaseStage.next(null, request());
        assertThat(stage).isEqualTo(CaseStage.RECEPTION);
        assertThat(stage = CaseStage.next(stage, new RequestAccepted(CASE, AT, AT)))
                .isEqualTo(CaseStage.SETTING_UP);
        assertThat(stage = CaseStage.next(stage, new ConsentRecorded(CASE, AT, AT, CHILD, PartyRole.FREE_PARENT)))
                .as("consents do not move the stage")
                .isEqualTo(CaseStage.SETTING_UP);
        assertThat(stage = CaseStage.next(stage, visit(VisitPlace.PRISON_VISITING_ROOM)))
                .isEqualTo(CaseStage.CLOSED_SETTING);
        assertThat(stage = CaseStage.next(stage, custody(CustodyChange.EXTERNAL_PLACEMENT)))
                .isEqualTo(CaseStage.OPEN_SETTING);
        assertThat(stage = CaseStage.next(stage, custody(CustodyChange.BACK_IN_CUSTODY)))
                .isEqualTo(CaseStage.CLOSED_SETTING);
        assertThat(stage = CaseStage.next(stage, visit(VisitPlace.OUTSIDE))).isEqualTo(CaseStage.OPEN_SETTING);
        assertThat(stage = CaseStage.next(stage, new InterventionClosed(CASE, AT, AT, ClosingReason.PARENT_RELEASED)))
                .isEqualTo(CaseStage.CLOSED);
        assertThat(CaseStage.next(stage, new CaseReopened(CASE, AT, AT))).isEqualTo(CaseStage.RECEPTION);
    }

    @Test
    void a_declined_request_only_moves_again_when_reopened() {
        CaseStage declined = CaseStage.next(
                CaseStage.RECEPTION, new RequestDeclined(CASE, AT, AT, DeclineReason.PARTY_REFUSED, true));
        assertThat(declined).isEqualTo(CaseStage.DECLINED);
        assertThat(CaseStage.next(declined, visit(VisitPlace.OUTSIDE))).isEqualTo(CaseStage.DECLINED);
        assertThat(CaseStage.next(declined, new CaseReopened(CASE, AT, AT))).isEqualTo(CaseStage.RECEPTION);
    }

    @Test
    void custody_changes_before_support_begins_leave_the_stage_alone() {
        assertThat(CaseStage.next(CaseStage.SETTING_UP, custody(CustodyChange.RELEASED)))
                .isEqualTo(CaseStage.SETTING_UP);
    }

    private static RequestReceived request() {
        return new RequestReceived(
                CASE,
                AT,
                AT,
                ReferrerType.FREE_PARENT,
                ReferralChannel.PHONE,
                Team.PAS_DE_CALAIS,
                Prison.MA_ARRAS,
                SubjectId.random(),
                PenalStatus.SENTENCED,
                List.of(),
                List.of(),
                false);
    }

    private static VisitMediated visit(VisitPlace place) {
        return new VisitMediated(
                CASE,
                AT,
                AT,
                List.of(CHILD),
                place,
                null,
                Accompanier.staff("claire"),
                Accompaniment.PROFESSIONAL,
                60,
                10);
    }

    private static CustodyChanged custody(CustodyChange change) {
        return new CustodyChanged(CASE, AT, AT, change, null);
    }
}
