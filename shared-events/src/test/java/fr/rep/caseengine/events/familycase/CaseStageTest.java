package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaseStageTest {

    private static final CaseId CASE = CaseId.random();
    private static final Instant AT = Instant.parse("2026-11-20T09:30:00Z");
    private static final SubjectId PARTY = SubjectId.random();

    @Test
    void a_case_goes_from_reception_to_setting_up_to_support_to_closed() {
        CaseStage stage = CaseStage.next(null, new RequestReceived(CASE, AT, AT, ReferrerType.FREE_PARENT,
                ReferralChannel.PHONE, Team.PAS_DE_CALAIS, Prison.MA_ARRAS, PARTY, PenalStatus.SENTENCED,
                List.of(), List.of(), false));
        assertThat(stage).isEqualTo(CaseStage.RECEPTION);

        stage = CaseStage.next(stage, new ConsentRecorded(CASE, AT, AT, PARTY, PartyRole.DETAINED_PARENT));
        assertThat(stage).isEqualTo(CaseStage.SETTING_UP);

        stage = CaseStage.next(stage, new VisitMediated(CASE, AT, AT, List.of(PARTY), VisitPlace.OUTSIDE));
        assertThat(stage).isEqualTo(CaseStage.SUPPORT);

        stage = CaseStage.next(stage, new ConsentWithdrawn(CASE, AT, AT, PARTY, PartyRole.DETAINED_PARENT));
        assertThat(stage).isEqualTo(CaseStage.SUPPORT);

        stage = CaseStage.next(stage, new ConsentRecorded(CASE, AT, AT, PARTY, PartyRole.DETAINED_PARENT));
        assertThat(stage).as("a new consent during support does not go back to setting up")
                .isEqualTo(CaseStage.SUPPORT);

        stage = CaseStage.next(stage, new InterventionClosed(CASE, AT, AT, ClosingReason.PARENT_RELEASED));
        assertThat(stage).isEqualTo(CaseStage.CLOSED);
    }
}
