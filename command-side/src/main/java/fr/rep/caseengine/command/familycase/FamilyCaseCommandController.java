package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.command.access.CaseAccess;
import fr.rep.caseengine.command.access.Caseworkers;
import fr.rep.caseengine.command.access.DetainedParentOfCase;
import fr.rep.caseengine.command.personaldata.PersonalDataRecorder;
import fr.rep.caseengine.command.personaldata.PersonalDetails;
import fr.rep.caseengine.command.pipeline.CommandDispatch;
import fr.rep.caseengine.command.pipeline.CommandOutcome;
import fr.rep.caseengine.command.pipeline.CommandRequest;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.Department;
import fr.rep.caseengine.events.familycase.ErasureReason;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.staff.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case commands over HTTP. Each request runs in one transaction (events, personal data, idempotency record);
 * the answer carries the case version as its {@code ETag}, to send back in {@code If-Match} or to ask the views
 * for with {@code minVersion}.
 */
@RestController
@RequestMapping(path = "/api/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Case commands")
class FamilyCaseCommandController {

    private final CommandDispatch dispatch;
    private final CaseAccess access;
    private final Caseworkers caseworkers;
    private final PersonalDataRecorder personalData;
    private final DetainedParentOfCase detainedParents;

    FamilyCaseCommandController(
            CommandDispatch dispatch,
            CaseAccess access,
            Caseworkers caseworkers,
            PersonalDataRecorder personalData,
            DetainedParentOfCase detainedParents) {
        this.dispatch = dispatch;
        this.detainedParents = detainedParents;
        this.access = access;
        this.caseworkers = caseworkers;
        this.personalData = personalData;
    }

    @PostMapping
    @Operation(summary = "Register a family's request: opens a case (201, Location, ETag)")
    @ApiResponse(
            responseCode = "201",
            description = "The case opened, with the subject id given to each person",
            content = @Content(schema = @Schema(implementation = RequestBodies.CaseOpened.class)))
    ResponseEntity<String> receiveRequest(
            @Valid @RequestBody RequestBodies.NewCase body, HttpServletRequest http, Caller caller)
            throws BindException {
        return receive(CommandRequest.of(http, caller), body, body);
    }

    /**
     * Opens a case from a request the input rules accepted, once per idempotency key; the reception page sends its
     * form through here too.
     *
     * @param asSent what the client sent, whose digest tells a resend from a key reused for something else
     */
    ResponseEntity<String> receive(CommandRequest request, RequestBodies.NewCase body, Object asSent)
            throws BindException {
        requireCoherentFamily(body);
        if (!request.caller().isIn(body.team())) {
            throw new TeamOfTheCaller(body.team());
        }
        return dispatch.run(request, asSent, () -> openCase(body, request));
    }

    @PostMapping("/{caseId}/consents")
    @Operation(summary = "Record a party's consent (adhesion) (200, ETag)")
    ResponseEntity<String> recordConsent(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Consent body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) ->
                        new RecordConsent(caseId, version, occurredAt, body.party(), body.validUntil()));
    }

    @PostMapping("/{caseId}/consent-withdrawals")
    @Operation(summary = "Record that a party withdrew their consent (200, ETag)")
    ResponseEntity<String> withdrawConsent(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Consent body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new WithdrawConsent(caseId, version, occurredAt, body.party()));
    }

    @PostMapping("/{caseId}/visits")
    @Operation(
            summary = "Record a mediated visit (200, ETag; 201 with the subject id given to a person named in "
                    + "accompanierName)")
    @ApiResponse(
            responseCode = "201",
            description = "The subject id given to the person named in accompanierName",
            content = @Content(schema = @Schema(implementation = RequestBodies.AccompanierNamed.class)))
    ResponseEntity<String> mediateVisit(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Visit body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        NamedAccompanier accompanier = accompanier(body.accompanier(), body.accompanierName(), caller, false);
        return withAccompanier(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                accompanier,
                (version, occurredAt, named) -> new MediateVisit(
                        caseId,
                        version,
                        occurredAt,
                        body.children(),
                        body.place(),
                        body.visitId(),
                        named,
                        body.accompaniedBy() != null ? body.accompaniedBy() : Accompaniment.PROFESSIONAL,
                        body.durationMinutes(),
                        body.kilometres(),
                        accompanier.isNew()));
    }

    @PostMapping("/{caseId}/acceptance")
    @Operation(summary = "Take the request on after evaluation (200, ETag)")
    ResponseEntity<String> accept(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Dated body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new AcceptRequest(caseId, version, occurredAt));
    }

    @PostMapping("/{caseId}/decline")
    @Operation(summary = "Decline the request after evaluation, with the reason (200, ETag)")
    ResponseEntity<String> decline(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Decline body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) ->
                        new DeclineRequest(caseId, version, occurredAt, body.reason(), body.partiesNotified()));
    }

    @PostMapping("/{caseId}/interviews")
    @Operation(summary = "Record an interview: first, intermediate or closing (200, ETag)")
    ResponseEntity<String> interview(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Interview body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new RecordInterview(
                        caseId,
                        version,
                        occurredAt,
                        body.kind(),
                        body.participants(),
                        body.place(),
                        body.kilometres()));
    }

    @PostMapping("/{caseId}/case-reviews")
    @Operation(summary = "Record the team's case review and its support plan (200, ETag)")
    ResponseEntity<String> review(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Review body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) ->
                        new ReviewCase(caseId, version, occurredAt, body.plannedVisitsPerMonth(), body.kilometres()));
    }

    @PostMapping("/{caseId}/visiting-permits")
    @Operation(
            summary = "Record a visiting permit issued to an accompanier (200, ETag; 201 with the subject id given "
                    + "to a person named in accompanierName)")
    @ApiResponse(
            responseCode = "201",
            description = "The subject id given to the person named in accompanierName",
            content = @Content(schema = @Schema(implementation = RequestBodies.AccompanierNamed.class)))
    ResponseEntity<String> permit(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Permit body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        NamedAccompanier accompanier = accompanier(body.accompanier(), body.accompanierName(), caller, true);
        return withAccompanier(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                accompanier,
                (version, occurredAt, named) -> new RecordVisitingPermit(
                        caseId, version, occurredAt, named, body.prison(), body.validUntil(), accompanier.isNew()));
    }

    @PostMapping("/{caseId}/visiting-permit-expiries")
    @Operation(summary = "Record that a visiting permit ended (200, ETag)")
    ResponseEntity<String> permitExpired(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.PermitExpiry body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        Accompanier holder = accompanier(body.accompanier(), null, caller, true).reference();
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new ExpireVisitingPermit(caseId, version, occurredAt, holder, body.prison()));
    }

    @PostMapping("/{caseId}/scheduled-visits")
    @Operation(summary = "Plan a visit (201 with the visit id)")
    @ApiResponse(
            responseCode = "201",
            description = "The visit planned",
            content = @Content(schema = @Schema(implementation = RequestBodies.VisitPlanned.class)))
    ResponseEntity<String> schedule(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.VisitPlan body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = dispatch.notInTheFuture(body.occurredAt());
        NamedAccompanier accompanier = accompanier(body.accompanier(), body.accompanierName(), caller, false);
        return dispatch.run(request, body, () -> {
            access.requireCanAct(caller, caseId);
            UUID visitId = UUID.randomUUID();
            Accompanier named = accompanier.recorded(personalData);
            long version = (Long) dispatch.send(
                    request,
                    new ScheduleVisit(
                            caseId,
                            request.expectedVersion(),
                            occurredAt,
                            visitId,
                            body.plannedFor().toInstant(),
                            body.children(),
                            body.place(),
                            named,
                            accompanier.isNew()));
            return new CommandOutcome(
                    HttpStatus.CREATED.value(),
                    "/api/cases/" + caseId,
                    version,
                    dispatch.toJson(new RequestBodies.VisitPlanned(
                            visitId, version, accompanier.isNew() ? named.person() : null, dispatch.recorded())));
        });
    }

    @PostMapping("/{caseId}/contact-steps")
    @Operation(summary = "Record a step in rebuilding contact: photo, mediated letter, mediated phone call (200, ETag)")
    ResponseEntity<String> contactStep(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.ContactStepBody body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new RecordContactStep(
                        caseId,
                        version,
                        occurredAt,
                        body.step(),
                        body.children(),
                        body.mediatedBy(),
                        body.kilometres()));
    }

    @PostMapping("/{caseId}/visit-cancellations")
    @Operation(summary = "Cancel a scheduled visit (200, ETag)")
    ResponseEntity<String> cancelVisit(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.VisitCancellation body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new CancelVisit(caseId, version, occurredAt, body.visitId(), body.reason()));
    }

    @PostMapping("/{caseId}/home-visits")
    @Operation(summary = "Record a home visit (200, ETag)")
    ResponseEntity<String> homeVisit(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.HomeVisit body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new RecordHomeVisit(caseId, version, occurredAt, body.kilometres()));
    }

    @PostMapping("/{caseId}/nursery-accompaniments")
    @Operation(summary = "Record a day-nursery (EAJE) accompaniment (200, ETag)")
    ResponseEntity<String> nursery(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.NurseryAccompaniment body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) ->
                        new RecordNurseryAccompaniment(caseId, version, occurredAt, body.child(), body.kilometres()));
    }

    @PostMapping("/{caseId}/nursery-derogations")
    @Operation(summary = "Record a derogation keeping a baby in the prison nursery until 24 months (200, ETag)")
    ResponseEntity<String> nurseryDerogation(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.NurseryDerogation body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new RecordNurseryDerogation(caseId, version, occurredAt, body.child()));
    }

    @PostMapping("/{caseId}/custody-changes")
    @Operation(summary = "Record a step of the parent's penal path (200, ETag)")
    ResponseEntity<String> custody(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.CustodyStep body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        requirePrisonOfTransfer(body.change(), body.prison());
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) ->
                        new RecordCustodyChange(caseId, version, occurredAt, body.change(), body.prison()));
    }

    /** A transfer names the new prison (an input rule, 400 on {@code prison}); the case page asks it too. */
    static void requirePrisonOfTransfer(CustodyChange change, Prison prison) throws BindException {
        if (change == CustodyChange.TRANSFERRED && prison == null) {
            throw CommandDispatch.invalid("prison", null, "a transfer names the new prison");
        }
    }

    @PostMapping("/{caseId}/court-decisions")
    @Operation(summary = "Record a JE or JAF decision on visiting rights (200, ETag)")
    ResponseEntity<String> courtDecision(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.CourtDecision body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new RecordCourtDecision(
                        caseId, version, occurredAt, body.court(), body.rights(), body.children()));
    }

    @PostMapping("/{caseId}/no-contact-orders")
    @Operation(summary = "Record a no-contact order for some children (200, ETag)")
    ResponseEntity<String> noContact(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.NoContact body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) ->
                        new OrderNoContact(caseId, version, occurredAt, body.court(), body.children()));
    }

    @PostMapping("/{caseId}/no-contact-order-liftings")
    @Operation(summary = "Record that a no-contact order was lifted (200, ETag)")
    ResponseEntity<String> liftNoContact(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.NoContactLifting body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new LiftNoContactOrder(caseId, version, occurredAt, body.children()));
    }

    @PostMapping("/{caseId}/children")
    @Operation(summary = "Add a child to the case (201 with the child's subject id)")
    @ApiResponse(
            responseCode = "201",
            description = "The child's subject id",
            content = @Content(schema = @Schema(implementation = RequestBodies.ChildAddedAnswer.class)))
    ResponseEntity<String> addChild(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.NewChild body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = dispatch.notInTheFuture(body.occurredAt());
        return dispatch.run(request, body, () -> childAdded(request, caseId, occurredAt, body));
    }

    /**
     * Adds a child inside the request's transaction: reach checked, the child's details to the erasable store, the
     * command sent. The case page's form adds a child through here too.
     */
    CommandOutcome childAdded(CommandRequest request, CaseId caseId, Instant occurredAt, RequestBodies.NewChild body) {
        access.requireCanAct(request.caller(), caseId);
        SubjectId child = recordPerson(body.person());
        long version = (Long) dispatch.send(
                request,
                new AddChild(
                        caseId,
                        request.expectedVersion(),
                        occurredAt,
                        new ChildOnCase(
                                child,
                                body.birthDate(),
                                body.department() == null ? null : new Department(body.department()),
                                body.housing(),
                                body.parentalAuthority())));
        return new CommandOutcome(
                HttpStatus.CREATED.value(),
                "/api/cases/" + caseId,
                version,
                dispatch.toJson(new RequestBodies.ChildAddedAnswer(child, version, dispatch.recorded())));
    }

    @PostMapping("/{caseId}/corrections")
    @Operation(summary = "Correct an earlier entry: it becomes void, with the reason (200, ETag)")
    ResponseEntity<String> correct(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Correction body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) ->
                        new CorrectEntry(caseId, version, occurredAt, body.correctedEventId(), body.reason()));
    }

    @PostMapping("/{caseId}/reopening")
    @Operation(summary = "Reopen a declined or closed case (200, ETag)")
    ResponseEntity<String> reopen(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Dated body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new ReopenCase(caseId, version, occurredAt));
    }

    @PostMapping("/{caseId}/closure")
    @Operation(summary = "Close the intervention for one of the report's reasons (200, ETag)")
    ResponseEntity<String> closeIntervention(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Closure body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        return update(
                http,
                caller,
                caseId,
                body,
                body.occurredAt(),
                (version, occurredAt) -> new CloseIntervention(caseId, version, occurredAt, body.reason()));
    }

    @PostMapping("/{caseId}/assignment")
    @Operation(summary = "Assign the case to a caseworker; team managers of the case's team (200, ETag)")
    ResponseEntity<String> assign(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Assignment body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = dispatch.notInTheFuture(body.occurredAt());
        requireActiveCaseworker(body.caseworker());
        return dispatch.run(request, body, () -> assigned(request, caseId, occurredAt, body.caseworker()));
    }

    /** An assignment names an active caseworker's account (400 on {@code caseworker}); the case page asks it too. */
    void requireActiveCaseworker(String caseworker) throws BindException {
        if (!caseworkers.isActiveCaseworker(caseworker)) {
            throw CommandDispatch.invalid("caseworker", caseworker, "is not an active caseworker account");
        }
    }

    /** Assigns inside the request's transaction, for a team manager of the case's team (the API's and the page's). */
    CommandOutcome assigned(CommandRequest request, CaseId caseId, Instant occurredAt, String caseworker) {
        access.requireCanAssign(request.caller(), caseId);
        return dispatch.updated(request, new AssignCase(caseId, request.expectedVersion(), occurredAt, caseworker));
    }

    @PostMapping("/{caseId}/erasures")
    @Operation(
            summary = "Erase a person's personal data on the data protection officer's instruction: the person's "
                    + "key is destroyed, the history and the figures stay (200, ETag); administrators")
    ResponseEntity<String> erase(
            @PathVariable CaseId caseId,
            @Valid @RequestBody RequestBodies.Erasure body,
            HttpServletRequest http,
            Caller caller)
            throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        if (body.reason() == ErasureReason.RETENTION_PERIOD_ENDED) {
            throw CommandDispatch.invalid(
                    "reason",
                    body.reason(),
                    "erasures at the end of the retention period are made by the retention policy itself");
        }
        return dispatch.run(request, body, () -> {
            access.requireCanErase(caller, caseId);
            return dispatch.updated(
                    request, new ErasePerson(caseId, request.expectedVersion(), body.subject(), body.reason()));
        });
    }

    /**
     * A caseworker's command on an existing case, built from the {@code If-Match} version and the fact's date.
     * Reach is checked inside the command's transaction, after an idempotent resend has had its answer.
     */
    private ResponseEntity<String> update(
            HttpServletRequest http,
            Caller caller,
            CaseId caseId,
            Object body,
            OffsetDateTime occurredAt,
            BiFunction<Long, Instant, Object> command)
            throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Object built = command.apply(request.expectedVersion(), dispatch.notInTheFuture(occurredAt));
        return dispatch.run(request, body, () -> {
            access.requireCanAct(caller, caseId);
            return dispatch.updated(request, built);
        });
    }

    /**
     * The accompanier a request names: an account, a person of the case by subject id, or a person without an account
     * named for the first time, whose name goes to the personal-data store and never into the event. Checked before
     * the command runs; a new person is recorded inside the command's transaction ({@link NamedAccompanier#recorded}).
     *
     * @param required whether one must be given (otherwise the signed-in account accompanies)
     */
    private NamedAccompanier accompanier(String reference, String name, Caller caller, boolean required)
            throws BindException {
        if (reference != null && name != null) {
            throw CommandDispatch.invalid("accompanierName", null, "give accompanier or accompanierName, not both");
        }
        if (name != null) {
            if (name.isBlank()) {
                throw CommandDispatch.invalid("accompanierName", null, "must not be blank");
            }
            return new NamedAccompanier(null, name.strip());
        }
        if (reference == null || reference.isBlank()) {
            if (required) {
                throw CommandDispatch.invalid(
                        "accompanier",
                        reference,
                        "name an account or the subject id of a "
                                + "person accompanying on this case, or a person without an account in accompanierName");
            }
            return new NamedAccompanier(Accompanier.staff(caller.account()), null);
        }
        try {
            return new NamedAccompanier(Accompanier.person(SubjectId.of(reference.strip())), null);
        } catch (IllegalArgumentException notASubjectId) {
            if (!caseworkers.isAccount(reference)) {
                throw CommandDispatch.invalid(
                        "accompanier",
                        reference,
                        "is neither an account nor the subject id of "
                                + "a person accompanying on this case: a person without an account goes in accompanierName");
            }
            return new NamedAccompanier(Accompanier.staff(reference), null);
        }
    }

    /**
     * An accompanier known by reference, or a new person's name to record under a new subject id.
     *
     * @param reference the account or person named, or {@code null} for a new person
     * @param newName   the new person's name, or {@code null}
     */
    private record NamedAccompanier(Accompanier reference, String newName) {

        boolean isNew() {
            return newName != null;
        }

        /** The reference the event will carry; a new person is recorded first, in the caller's transaction. */
        Accompanier recorded(PersonalDataRecorder personalData) {
            if (newName == null) {
                return reference;
            }
            SubjectId subject = SubjectId.random();
            personalData.record(subject, new PersonalDetails(newName, null, null, null, null));
            return Accompanier.person(subject);
        }
    }

    private interface AccompaniedCommand {
        Object build(Long version, Instant occurredAt, Accompanier accompanier);
    }

    /** As {@link #update}, with an accompanier; naming a new person answers 201 with the subject id given. */
    private ResponseEntity<String> withAccompanier(
            HttpServletRequest http,
            Caller caller,
            CaseId caseId,
            Object body,
            OffsetDateTime occurredAt,
            NamedAccompanier accompanier,
            AccompaniedCommand command)
            throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant at = dispatch.notInTheFuture(occurredAt);
        return dispatch.run(request, body, () -> {
            access.requireCanAct(caller, caseId);
            Accompanier named = accompanier.recorded(personalData);
            CommandOutcome outcome = dispatch.updated(request, command.build(request.expectedVersion(), at, named));
            return accompanier.isNew()
                    ? new CommandOutcome(
                            HttpStatus.CREATED.value(),
                            "/api/cases/" + caseId,
                            outcome.version(),
                            dispatch.toJson(new RequestBodies.AccompanierNamed(
                                    named.person(), outcome.version(), dispatch.recorded())))
                    : outcome;
        });
    }

    private CommandOutcome openCase(RequestBodies.NewCase body, CommandRequest request) {
        CaseId caseId = CaseId.random();
        SubjectId detainedParent = body.detainedParent().sameAsInCase() != null
                ? detainedParents.of(request.caller(), body.detainedParent().sameAsInCase())
                : recordPerson(body.detainedParent().person());
        Map<String, SubjectId> partyIds = new LinkedHashMap<>();
        Map<String, SubjectId> authorityHolders = new LinkedHashMap<>();
        if (body.detainedParent().ref() != null) {
            authorityHolders.put(body.detainedParent().ref(), detainedParent);
        }
        List<PartyOnCase> parties = new ArrayList<>();
        for (RequestBodies.Party party : body.parties()) {
            SubjectId subject = recordPerson(party.person());
            partyIds.put(party.ref(), subject);
            authorityHolders.put(party.ref(), subject);
            parties.add(new PartyOnCase(subject, party.role()));
        }
        List<SubjectId> childIds = new ArrayList<>();
        List<ChildOnCase> children = new ArrayList<>();
        for (RequestBodies.Child child : body.children()) {
            SubjectId subject = recordPerson(child.person());
            childIds.add(subject);
            children.add(new ChildOnCase(
                    subject,
                    child.birthDate(),
                    child.department() == null ? null : new Department(child.department()),
                    child.housing(),
                    authorityHolders.get(child.parentalAuthority())));
        }
        dispatch.send(
                request,
                new ReceiveRequest(
                        caseId,
                        body.occurredAt().toInstant(),
                        body.referrerType(),
                        body.channel(),
                        body.team(),
                        body.prison(),
                        detainedParent,
                        body.detainedParent().penalStatus(),
                        parties,
                        children,
                        body.educationalOrJudicialMeasure()));
        var opened = new RequestBodies.CaseOpened(
                caseId.toString(), 0, detainedParent, partyIds, childIds, dispatch.recorded());
        return new CommandOutcome(
                HttpStatus.CREATED.value(), "/api/cases/" + caseId, opened.version(), dispatch.toJson(opened));
    }

    private SubjectId recordPerson(RequestBodies.Person person) {
        SubjectId subject = SubjectId.random();
        personalData.record(
                subject,
                new PersonalDetails(
                        person.firstName(), person.lastName(), person.address(), person.phone(), person.notes()));
        return subject;
    }

    private void requireCoherentFamily(RequestBodies.NewCase body) throws BindException {
        dispatch.notInTheFuture(body.occurredAt());
        MapBindingResult errors = new MapBindingResult(new HashMap<>(), "body");
        Map<String, PartyRole> roles = new HashMap<>();
        for (int i = 0; i < body.parties().size(); i++) {
            RequestBodies.Party party = body.parties().get(i);
            if (roles.put(party.ref(), party.role()) != null) {
                errors.addError(new FieldError(
                        "body",
                        "parties[" + i + "].ref",
                        party.ref(),
                        false,
                        null,
                        null,
                        "must be unique within the request"));
            }
        }
        String detainedRef = body.detainedParent().ref();
        if (detainedRef != null && roles.containsKey(detainedRef)) {
            errors.addError(new FieldError(
                    "body", "detainedParent.ref", detainedRef, false, null, null, "must be unique within the request"));
        }
        for (int i = 0; i < body.children().size(); i++) {
            RequestBodies.Child child = body.children().get(i);
            String ref = child.parentalAuthority();
            PartyRole role = roles.get(ref);
            if (ref.equals(detainedRef)) {
                // The baby in the prison nursery: the detained mother holds authority (FamilyCase's same rule).
                if (child.housing() != HousingType.WITH_MOTHER_IN_PRISON) {
                    errors.addError(new FieldError(
                            "body",
                            "children[" + i + "].parentalAuthority",
                            ref,
                            false,
                            null,
                            null,
                            "the detained parent holds parental authority here only for a baby living "
                                    + "with her in prison (housing WITH_MOTHER_IN_PRISON)"));
                }
            } else if (role == null || !role.holdsParentalAuthority()) {
                errors.addError(new FieldError(
                        "body",
                        "children[" + i + "].parentalAuthority",
                        ref,
                        false,
                        null,
                        null,
                        "must be the ref of a party holding parental authority (free parent, ASE, guardian), "
                                + "or detainedParent.ref for a baby living with her in prison"));
            }
        }
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
    }
}
