package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.command.personaldata.PersonalDataRecorder;
import fr.rep.caseengine.command.personaldata.PersonalDetails;
import fr.rep.caseengine.command.pipeline.CommandDispatch;
import fr.rep.caseengine.command.pipeline.CommandOutcome;
import fr.rep.caseengine.command.pipeline.CommandRequest;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupTheme;
import fr.rep.caseengine.events.staff.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The collective action commands over HTTP. Each request runs in one transaction (events, idempotency record); the
 * answer carries the action's version as its {@code ETag}, to send back in {@code If-Match}. Only caseworkers of the
 * action's team record it, with parents of cases they may act on.
 */
@RestController
@RequestMapping(path = "/api", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Collective action commands")
class CollectiveActionCommandController {

    private final CommandDispatch dispatch;
    private final CollectiveActionReach reach;
    private final PersonalDataRecorder personalData;

    CollectiveActionCommandController(
            CommandDispatch dispatch, CollectiveActionReach reach, PersonalDataRecorder personalData) {
        this.dispatch = dispatch;
        this.reach = reach;
        this.personalData = personalData;
    }

    @PostMapping("/collective-actions")
    @Operation(summary = "Record a snack or a craft workshop held at a prison (201, Location, ETag)")
    @ApiResponse(
            responseCode = "201",
            description = "The session recorded",
            content = @Content(schema = @Schema(implementation = CollectiveActionBodies.SessionRecorded.class)))
    ResponseEntity<String> holdCollectiveSession(
            @Valid @RequestBody CollectiveActionBodies.Session body, HttpServletRequest http, Caller caller)
            throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = dispatch.notInTheFuture(body.occurredAt());
        reach.requireCaseworkerOf(caller, body.team());
        return dispatch.run(request, body, () -> {
            CollectiveActionId id = CollectiveActionId.random();
            List<Participant> participants = new ArrayList<>(reach.participants(caller, body.participants()));
            List<SubjectId> withoutCase = new ArrayList<>();
            for (CollectiveActionBodies.ParentWithoutCase parent : body.parentsWithoutCase() == null
                    ? List.<CollectiveActionBodies.ParentWithoutCase>of()
                    : body.parentsWithoutCase()) {
                SubjectId subject = parent.subject() != null ? parent.subject() : recordParent(parent);
                withoutCase.add(subject);
                participants.add(new Participant(null, subject));
            }
            dispatch.send(
                    request,
                    new HoldCollectiveSession(id, occurredAt, body.kind(), body.team(), body.prison(), participants));
            return created(
                    "/api/collective-actions/" + id,
                    new CollectiveActionBodies.SessionRecorded(id.toString(), 0, withoutCase, dispatch.recorded()));
        });
    }

    @PostMapping("/talking-groups")
    @Operation(summary = "Form a talking group at a prison with its members (201, Location, ETag)")
    @ApiResponse(
            responseCode = "201",
            description = "The group formed, with its sessions' themes in order",
            content = @Content(schema = @Schema(implementation = CollectiveActionBodies.TalkingGroupCreated.class)))
    ResponseEntity<String> formTalkingGroup(
            @Valid @RequestBody CollectiveActionBodies.NewTalkingGroup body, HttpServletRequest http, Caller caller)
            throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = dispatch.notInTheFuture(body.occurredAt());
        reach.requireCaseworkerOf(caller, body.team());
        return dispatch.run(request, body, () -> {
            CollectiveActionId id = CollectiveActionId.random();
            dispatch.send(
                    request,
                    new FormTalkingGroup(
                            id, occurredAt, body.team(), body.prison(), reach.participants(caller, body.members())));
            return created(
                    "/api/talking-groups/" + id,
                    new CollectiveActionBodies.TalkingGroupCreated(
                            id.toString(), 0, TalkingGroupTheme.cycle(), dispatch.recorded()));
        });
    }

    @PostMapping("/talking-groups/{groupId}/members")
    @Operation(summary = "Add a parent to a talking group before its first session (200, ETag)")
    ResponseEntity<String> joinTalkingGroup(
            @PathVariable CollectiveActionId groupId,
            @Valid @RequestBody CollectiveActionBodies.Member body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = dispatch.notInTheFuture(body.occurredAt());
        return dispatch.run(request, body, () -> {
            reach.requireCanRecordFor(caller, groupId);
            return dispatch.updated(
                    request,
                    new JoinTalkingGroup(
                            groupId,
                            request.expectedVersion(),
                            occurredAt,
                            reach.participants(caller, List.of(body.caseId())).get(0)));
        });
    }

    @PostMapping("/talking-groups/{groupId}/sessions")
    @Operation(summary = "Record the next session of a talking group's cycle (200, ETag)")
    ResponseEntity<String> holdTalkingGroupSession(
            @PathVariable CollectiveActionId groupId,
            @Valid @RequestBody CollectiveActionBodies.GroupSession body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = dispatch.notInTheFuture(body.occurredAt());
        return dispatch.run(request, body, () -> {
            reach.requireCanRecordFor(caller, groupId);
            return dispatch.updated(
                    request,
                    new HoldTalkingGroupSession(
                            groupId, request.expectedVersion(), occurredAt, body.theme(), body.participants()));
        });
    }

    /** A parent met without a case: their name goes to the erasable personal-data store, under a new subject. */
    private SubjectId recordParent(CollectiveActionBodies.ParentWithoutCase parent) {
        SubjectId subject = SubjectId.random();
        personalData.record(subject, new PersonalDetails(parent.firstName(), parent.lastName(), null, null, null));
        return subject;
    }

    private CommandOutcome created(String location, Object answer) {
        return new CommandOutcome(HttpStatus.CREATED.value(), location, 0, dispatch.toJson(answer));
    }
}
