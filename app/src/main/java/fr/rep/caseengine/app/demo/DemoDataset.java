package fr.rep.caseengine.app.demo;

import fr.rep.caseengine.app.database.StartupTurn;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.command.familycase.AcceptRequest;
import fr.rep.caseengine.command.familycase.CloseIntervention;
import fr.rep.caseengine.command.familycase.MediateVisit;
import fr.rep.caseengine.command.familycase.ReceiveRequest;
import fr.rep.caseengine.command.familycase.RecordConsent;
import fr.rep.caseengine.command.familycase.RecordCustodyChange;
import fr.rep.caseengine.command.familycase.RecordVisitingPermit;
import fr.rep.caseengine.command.personaldata.PersonalDataRecorder;
import fr.rep.caseengine.command.personaldata.PersonalDetails;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.Department;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.PenalStatus;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferralChannel;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.events.staff.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Four fictional families at different stages, sent as commands like any caseworker's (actor {@value #ACTOR}), and
 * one account per role to look at them with. Loaded only into an empty event store, so restarting never duplicates them;
 * nodes started together take turns ({@link StartupTurn}), so only the first loads them.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "rep.demo-data.enabled", havingValue = "true")
class DemoDataset implements ApplicationRunner {

    static final String ACTOR = "system:demo-data";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataset.class);

    private final CommandGateway commands;
    private final PersonalDataRecorder personalData;
    private final AccountStore accounts;
    private final DemoDataProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final StartupTurn turn;

    DemoDataset(
            CommandGateway commands,
            PersonalDataRecorder personalData,
            AccountStore accounts,
            DemoDataProperties properties,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            Clock clock,
            StartupTurn turn) {
        this.commands = commands;
        this.personalData = personalData;
        this.accounts = accounts;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.turn = turn;
    }

    @Override
    public void run(ApplicationArguments args) {
        turn.run("the demo dataset", this::loadIntoAnEmptyStore);
    }

    private void loadIntoAnEmptyStore() {
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        if (events != null && events > 0) {
            LOG.info("Demo dataset not loaded: the event store already holds {} events", events);
            return;
        }
        transaction.executeWithoutResult(status -> {
            staff();
            familyInSupport();
            familySettingUp();
            familyJustReceived();
            familyClosed();
        });
        LOG.info("Demo dataset loaded: 4 cases; accounts claire, paul (caseworkers), nadia (team manager), "
                + "marc (service manager), alice (auditor), all with the demo password");
    }

    private void staff() {
        account("claire", "Claire Martin", Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        account("paul", "Paul Lemaire", Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        account("nadia", "Nadia Haddad", Set.of(Role.TEAM_MANAGER), Team.PAS_DE_CALAIS);
        account("marc", "Marc Vasseur", Set.of(Role.SERVICE_MANAGER), null);
        account("alice", "Alice Moreau", Set.of(Role.AUDITOR), null);
    }

    private void account(String username, String displayName, Set<Role> roles, Team team) {
        if (!accounts.exists(username)) {
            accounts.create(username, displayName, properties.password(), roles, team);
        }
    }

    private void familyInSupport() {
        CaseId caseId = CaseId.random();
        SubjectId father = person("Karim", "Benali");
        SubjectId mother = person("Julie", "Benali");
        SubjectId lea = person("Léa", "Benali");
        SubjectId noah = person("Noah", "Benali");
        send(new ReceiveRequest(
                caseId,
                daysAgo(90),
                ReferrerType.FREE_PARENT,
                ReferralChannel.PHONE,
                Team.SOMME_AISNE_OISE,
                Prison.MA_AMIENS,
                father,
                PenalStatus.SENTENCED,
                List.of(new PartyOnCase(mother, PartyRole.FREE_PARENT)),
                List.of(
                        child(lea, 2016, "80", HousingType.WITH_FREE_PARENT, mother),
                        child(noah, 2019, "80", HousingType.WITH_FREE_PARENT, mother)),
                false));
        send(new AcceptRequest(caseId, null, daysAgo(85)));
        send(new RecordVisitingPermit(
                caseId,
                null,
                daysAgo(84),
                Accompanier.staff("claire"),
                Prison.MA_AMIENS,
                LocalDate.now(clock).plusMonths(6)));
        send(new RecordConsent(caseId, null, daysAgo(80), father));
        send(new RecordConsent(caseId, null, daysAgo(78), mother));
        send(visit(caseId, daysAgo(60), List.of(lea, noah)));
        send(visit(caseId, daysAgo(30), List.of(lea, noah)));
    }

    private void familySettingUp() {
        CaseId caseId = CaseId.random();
        SubjectId father = person("Mickaël", "Durand");
        SubjectId referent = person("Sophie", "Martin");
        SubjectId enzo = person("Enzo", "Durand");
        send(new ReceiveRequest(
                caseId,
                daysAgo(40),
                ReferrerType.CHILDREN_JUDGE,
                ReferralChannel.LETTER,
                Team.PAS_DE_CALAIS,
                Prison.CD_BAPAUME,
                father,
                PenalStatus.SENTENCED,
                List.of(new PartyOnCase(referent, PartyRole.ASE)),
                List.of(child(enzo, 2012, "62", HousingType.FOSTER_FAMILY, referent)),
                true));
        send(new AcceptRequest(caseId, null, daysAgo(30)));
        send(new RecordConsent(caseId, null, daysAgo(20), father));
    }

    private void familyJustReceived() {
        CaseId caseId = CaseId.random();
        SubjectId father = person("Yann", "Lefebvre");
        SubjectId mother = person("Claire", "Dubois");
        SubjectId ines = person("Inès", "Lefebvre");
        send(new ReceiveRequest(
                caseId,
                daysAgo(5),
                ReferrerType.DETAINED_PARENT,
                ReferralChannel.MEETING_IN_DETENTION,
                Team.PAS_DE_CALAIS,
                Prison.MA_ARRAS,
                father,
                PenalStatus.AWAITING_TRIAL,
                List.of(new PartyOnCase(mother, PartyRole.FREE_PARENT)),
                List.of(child(ines, 2021, "59", HousingType.WITH_FREE_PARENT, mother)),
                false));
    }

    private void familyClosed() {
        CaseId caseId = CaseId.random();
        SubjectId father = person("Thomas", "Petit");
        SubjectId mother = person("Amandine", "Roux");
        SubjectId jade = person("Jade", "Petit");
        send(new ReceiveRequest(
                caseId,
                daysAgo(300),
                ReferrerType.FAMILY_JUDGE,
                ReferralChannel.LETTER,
                Team.SOMME_AISNE_OISE,
                Prison.CP_LAON,
                father,
                PenalStatus.SENTENCED,
                List.of(new PartyOnCase(mother, PartyRole.FREE_PARENT)),
                List.of(child(jade, 2014, "02", HousingType.WITH_FREE_PARENT, mother)),
                true));
        send(new AcceptRequest(caseId, null, daysAgo(295)));
        send(new RecordVisitingPermit(
                caseId,
                null,
                daysAgo(294),
                Accompanier.staff("claire"),
                Prison.CP_LAON,
                LocalDate.now(clock).minusDays(60)));
        send(new RecordConsent(caseId, null, daysAgo(290), father));
        send(new RecordConsent(caseId, null, daysAgo(288), mother));
        send(visit(caseId, daysAgo(250), List.of(jade)));
        send(new RecordCustodyChange(caseId, null, daysAgo(120), CustodyChange.RELEASED, null));
        send(new CloseIntervention(caseId, null, daysAgo(100), ClosingReason.PARENT_RELEASED));
    }

    private static MediateVisit visit(CaseId caseId, Instant at, List<SubjectId> children) {
        return new MediateVisit(
                caseId,
                null,
                at,
                children,
                VisitPlace.PRISON_VISITING_ROOM,
                null,
                Accompanier.staff("claire"),
                Accompaniment.PROFESSIONAL,
                60,
                24);
    }

    private SubjectId person(String firstName, String lastName) {
        SubjectId subject = SubjectId.random();
        personalData.record(subject, new PersonalDetails(firstName, lastName, null, null, null));
        return subject;
    }

    private static ChildOnCase child(
            SubjectId subject, int birthYear, String department, HousingType housing, SubjectId authority) {
        return new ChildOnCase(subject, LocalDate.of(birthYear, 3, 14), new Department(department), housing, authority);
    }

    private Instant daysAgo(int days) {
        return clock.instant().minus(Duration.ofDays(days));
    }

    private void send(Object command) {
        commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(EventMetadata.ACTOR, ACTOR)));
    }
}
