package fr.rep.caseengine.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.client.ApiClient;
import fr.rep.caseengine.client.ApiException;
import fr.rep.caseengine.client.ApiResponse;
import fr.rep.caseengine.client.api.CaseCommandsApi;
import fr.rep.caseengine.client.api.CaseViewsApi;
import fr.rep.caseengine.client.model.Adult;
import fr.rep.caseengine.client.model.CaseDetail;
import fr.rep.caseengine.client.model.CaseHistoryEntry;
import fr.rep.caseengine.client.model.CaseOpened;
import fr.rep.caseengine.client.model.CaseRuleProblem;
import fr.rep.caseengine.client.model.CommandAnswer;
import fr.rep.caseengine.client.model.Dated;
import fr.rep.caseengine.client.model.DetainedParent;
import fr.rep.caseengine.client.model.NewCase;
import fr.rep.caseengine.client.model.Person;
import fr.rep.caseengine.client.model.RecordedEvent;
import fr.rep.caseengine.client.model.RequestChild;
import fr.rep.caseengine.client.model.RequestConsent;
import fr.rep.caseengine.client.model.RequestParty;
import fr.rep.caseengine.client.model.RequestPermit;
import fr.rep.caseengine.client.model.RequestVisit;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client generated from the committed description (docs/openapi.json, by the openapi-generator plugin of the app's
 * build) plays a case's journey against the app: what an integrator's code would do, with no hand-written HTTP. The
 * only line of HTTP here is the credentials, which the generated "native" client leaves to its caller.
 */
class GeneratedClientJourneyIT extends EmbeddedDatabaseTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Test
    void a_generated_client_opens_accepts_records_consents_a_permit_and_a_visit_reads_the_history_and_a_refusal()
            throws Exception {
        CaseApi.caseworker(http, accounts);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String credentials = Base64.getEncoder()
                .encodeToString((CaseApi.CASEWORKER + ":" + CaseApi.PASSWORD).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        CaseCommandsApi commands = new CaseCommandsApi(client);
        CaseViewsApi views = new CaseViewsApi(client);
        OffsetDateTime weekAgo =
                OffsetDateTime.now(ZoneOffset.ofHours(1)).minusDays(7).withNano(0);

        ApiResponse<CaseOpened> opened = commands.receiveRequestWithHttpInfo(family(weekAgo), null, null, null);
        UUID caseId = UUID.fromString(opened.getData().getCaseId());
        CaseDetail detail = views.detail(caseId, opened.getData().getVersion(), null);
        commands.familyCaseCommandAccept(
                caseId.toString(), new Dated().occurredAt(weekAgo.plusDays(1)), null, null, null);
        RequestVisit visit = new RequestVisit()
                .occurredAt(weekAgo.plusDays(5))
                .children(opened.getData().getChildren().stream()
                        .map(UUID::fromString)
                        .toList())
                .place(RequestVisit.PlaceEnum.PRISON_VISITING_ROOM)
                .durationMinutes(60)
                .kilometres(24);

        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> commands.mediateVisit(caseId.toString(), visit, null, null, null));
        CaseRuleProblem problem = client.getObjectMapper().readValue(refused.getResponseBody(), CaseRuleProblem.class);

        for (Adult adult : detail.getAdults()) {
            commands.recordConsent(
                    caseId.toString(),
                    new RequestConsent().occurredAt(weekAgo.plusDays(2)).party(adult.getSubjectId()),
                    null,
                    null,
                    null);
        }
        commands.familyCaseCommandPermit(
                caseId.toString(),
                new RequestPermit()
                        .occurredAt(weekAgo.plusDays(3))
                        .accompanier(CaseApi.CASEWORKER)
                        .prison(RequestPermit.PrisonEnum.MA_AMIENS)
                        .validUntil(LocalDate.now().plusYears(1)),
                null,
                null,
                null);
        ApiResponse<CommandAnswer> visited =
                commands.mediateVisitWithHttpInfo(caseId.toString(), visit, null, null, null);
        long version = Long.parseLong(visited.getHeaders().get("etag").get(0).replace("\"", ""));
        List<String> history =
                views.caseHistoryHistory(caseId, version, null, null, null, null, null).getEvents().stream()
                        .map(CaseHistoryEntry::getType)
                        .toList();

        assertThat(opened.getStatusCode()).isEqualTo(201);
        assertThat(opened.getHeaders().get("location")).containsExactly("/api/cases/" + caseId);
        assertThat(detail.getAdults())
                .extracting(Adult::getSubjectId)
                .extracting(UUID::toString)
                .containsExactlyInAnyOrder(
                        opened.getData().getDetainedParent(),
                        opened.getData().getParties().get("mother"));
        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(problem.getRule()).isEqualTo(CaseRuleProblem.RuleEnum.CONSENTS_REQUIRED_FOR_VISIT);
        assertThat(visited.getStatusCode()).isEqualTo(200);
        assertThat(visited.getData().getVersion()).isEqualTo(version);
        assertThat(visited.getData().getEvents())
                .extracting(RecordedEvent::getType)
                .containsExactly(history.get(history.size() - 1));
        assertThat(history).first().isEqualTo("RequestReceived");
        assertThat(history).contains("ConsentRecorded").hasSize((int) version + 1);
        assertThat(views.detail(caseId, version, null).getStage()).isEqualTo(CaseDetail.StageEnum.CLOSED_SETTING);
    }

    /** The family of {@link CaseApi#newFamily()}: a detained father, a free mother, one child. */
    private static NewCase family(OffsetDateTime receivedAt) {
        return new NewCase()
                .occurredAt(receivedAt)
                .referrerType(NewCase.ReferrerTypeEnum.FREE_PARENT)
                .channel(NewCase.ChannelEnum.PHONE)
                .team(NewCase.TeamEnum.SOMME_AISNE_OISE)
                .prison(NewCase.PrisonEnum.MA_AMIENS)
                .educationalOrJudicialMeasure(true)
                .detainedParent(new DetainedParent()
                        .penalStatus(DetainedParent.PenalStatusEnum.SENTENCED)
                        .person(new Person().firstName("Marc").lastName("Dupont")))
                .parties(List.of(new RequestParty()
                        .ref("mother")
                        .role(RequestParty.RoleEnum.FREE_PARENT)
                        .person(new Person().firstName("Anne").lastName("Dupont"))))
                .children(List.of(new RequestChild()
                        .birthDate(LocalDate.of(2017, 5, 2))
                        .department("80")
                        .housing(RequestChild.HousingEnum.WITH_FREE_PARENT)
                        .parentalAuthority("mother")
                        .person(new Person().firstName("Lucas").lastName("Dupont"))));
    }
}
