package fr.rep.caseengine.command.familycase;

import static fr.rep.caseengine.command.familycase.CaseMatchers.violationOf;
import static fr.rep.caseengine.command.familycase.Family.childUnder;
import static fr.rep.caseengine.command.familycase.Family.requestReceived;
import static org.hamcrest.Matchers.containsString;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PartyRole;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Receiving a request opens a case for a complete family")
class RequestReceptionTest {

    private final Family family = Family.leaAndTom();
    private AggregateTestFixture<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = Family.fixture();
    }

    @Test
    void a_request_naming_the_children_and_their_holders_of_parental_authority_opens_the_case() {
        fixture.givenNoPriorActivity()
                .when(family.receiveRequest())
                .expectSuccessfulHandlerExecution()
                .expectEvents(family.requestReceived());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartyRole.class,
            names = {"FREE_PARENT", "ASE", "LEGAL_GUARDIAN"})
    void every_role_holding_parental_authority_can_be_a_child_s_holder(PartyRole role) {
        SubjectId holder = SubjectId.random();
        ReceiveRequest request =
                family.receiveRequest(List.of(new PartyOnCase(holder, role)), List.of(childUnder(holder)));

        fixture.givenNoPriorActivity()
                .when(request)
                .expectSuccessfulHandlerExecution()
                .expectEvents(requestReceived(request));
    }

    @Test
    void a_request_naming_no_child_is_refused() {
        fixture.givenNoPriorActivity()
                .when(family.receiveRequest(family.parties(), List.of()))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY));
    }

    @Test
    void a_request_is_refused_when_a_child_s_holder_of_parental_authority_is_not_among_the_parties() {
        ChildOnCase childOfAStranger = childUnder(SubjectId.random());

        fixture.givenNoPriorActivity()
                .when(family.receiveRequest(
                        family.parties(), List.of(family.children().get(0), childOfAStranger)))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY))
                .expectExceptionMessage(
                        containsString(childOfAStranger.subjectId().toString()));
    }

    @Test
    void a_request_is_refused_when_a_child_is_put_under_the_detained_parent_s_authority() {
        fixture.givenNoPriorActivity()
                .when(family.receiveRequest(family.parties(), List.of(childUnder(family.father))))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY));
    }

    @Test
    void a_request_is_refused_when_the_detained_parent_is_also_listed_as_a_party() {
        fixture.givenNoPriorActivity()
                .when(family.receiveRequest(
                        List.of(new PartyOnCase(family.father, PartyRole.FREE_PARENT)),
                        List.of(childUnder(family.father))))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY));
    }

    @Test
    void a_request_is_refused_when_children_are_missing_altogether() {
        fixture.givenNoPriorActivity()
                .when(family.receiveRequest(family.parties(), null))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY));
    }

    @Test
    void a_request_is_refused_when_a_child_s_holder_is_a_party_whose_role_holds_no_parental_authority() {
        SubjectId secondDetainedParent = SubjectId.random();

        fixture.givenNoPriorActivity()
                .when(family.receiveRequest(
                        List.of(new PartyOnCase(secondDetainedParent, PartyRole.DETAINED_PARENT)),
                        List.of(childUnder(secondDetainedParent))))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.REQUEST_NEEDS_A_COMPLETE_FAMILY));
    }
}
