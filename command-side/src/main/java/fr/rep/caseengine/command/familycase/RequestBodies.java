package fr.rep.caseengine.command.familycase;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.rep.caseengine.command.pipeline.RecordedEvent;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ContactStep;
import fr.rep.caseengine.events.familycase.CorrectionReason;
import fr.rep.caseengine.events.familycase.Court;
import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.DeclineReason;
import fr.rep.caseengine.events.familycase.Department;
import fr.rep.caseengine.events.familycase.ErasureReason;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.InterviewKind;
import fr.rep.caseengine.events.familycase.InterviewParticipant;
import fr.rep.caseengine.events.familycase.InterviewPlace;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.PenalStatus;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferralChannel;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitCancellationReason;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.events.familycase.VisitingRights;
import fr.rep.caseengine.events.input.NotInTheFuture;
import fr.rep.caseengine.events.input.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON bodies of the case commands, with the input rules that give a 400 when broken. */
final class RequestBodies {

    /** A consent or a permit may hold until a child's majority: up to 18 years ahead, and some slack. */
    static final String CONSENT_OR_PERMIT_AHEAD = "P20Y";

    private RequestBodies() {}

    /** Identifying details: they go to the erasable personal-data store, never into an event. */
    record Person(
            @NotBlank @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @Size(max = 300) String address,

            @Pattern(regexp = "[+0-9 ().-]{4,30}", message = "must be a phone number")
            String phone,

            @Size(max = 2000) String notes) {}

    /**
     * @param person       a parent named for the first time
     * @param sameAsInCase a parent already followed with another family: the case whose detained parent they are
     *                     (one the caller may act on), so that the parent counts once in the report
     * @param ref          a name for the detained parent inside the request, by which a baby living with her in
     *                     prison ({@code WITH_MOTHER_IN_PRISON}) names the detained mother as holder of parental
     *                     authority; optional
     */
    record DetainedParent(
            @NotNull PenalStatus penalStatus,
            @Valid Person person,
            CaseId sameAsInCase,
            @Size(max = 40) String ref) {

        /** A request names its parent once: as a person, or as the parent of another case. */
        DetainedParent(PenalStatus penalStatus, Person person) {
            this(penalStatus, person, null, null);
        }

        @JsonIgnore
        @AssertTrue(message = "give either the person or sameAsInCase, not both")
        boolean isNamedOnce() {
            return (person == null) != (sameAsInCase == null);
        }
    }

    /**
     * @param ref  a name for this party inside the request, by which children point at their holder of authority
     * @param role the party's part; {@code DETAINED_PARENT} for the other parent when both parents are detained (the
     *             first goes in {@code detainedParent})
     */
    record Party(
            @NotBlank @Size(max = 40) String ref,
            @NotNull PartyRole role,
            @NotNull @Valid Person person) {}

    record Child(
            @NotNull @Past @PlausibleDate LocalDate birthDate,

            @Pattern(regexp = Department.CODE_PATTERN, message = "must be a French département code such as 80 or 2A")
            String department,

            @NotNull HousingType housing,
            @NotBlank String parentalAuthority,
            @NotNull @Valid Person person) {}

    /** @param subject the person to erase, as the case detail shows them */
    record Erasure(@NotNull SubjectId subject, @NotNull ErasureReason reason) {}

    record NewCase(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull ReferrerType referrerType,
            @NotNull ReferralChannel channel,
            @NotNull Team team,
            @NotNull Prison prison,
            @NotNull @Valid DetainedParent detainedParent,
            @NotNull @Size(max = 10) List<@NotNull @Valid Party> parties,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid Child> children,
            @NotNull Boolean educationalOrJudicialMeasure) {}

    /** @param validUntil the last day the engagement holds; absent when it has no end (withdrawals ignore it) */
    record Consent(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull SubjectId party,
            @PlausibleDate(ahead = CONSENT_OR_PERMIT_AHEAD) LocalDate validUntil) {}

    /**
     * @param accompanier     who accompanied: an account name, or the subject id of a person accompanying on this
     *                        case; the signed-in caseworker when absent (and no {@code accompanierName})
     * @param accompanierName a person without an account accompanying on this case for the first time, as they are
     *                        called: kept in the personal-data store, never in the event ({@link #accompanier} then
     *                        absent)
     * @param kilometres      the trip's kilometres, required as for every trip the report sums (0 said explicitly
     *                        when the service travelled nothing)
     */
    record Visit(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotEmpty @Size(max = 20) List<@NotNull SubjectId> children,
            @NotNull VisitPlace place,
            UUID visitId,
            @Size(max = 100) String accompanier,
            @Size(max = 200) String accompanierName,
            Accompaniment accompaniedBy,
            @Min(1) @Max(1440) Integer durationMinutes,
            @NotNull @Min(0) @Max(2000) Integer kilometres) {}

    record Dated(@NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt) {}

    record Decline(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull DeclineReason reason,
            @NotNull Boolean partiesNotified) {}

    record Interview(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull InterviewKind kind,
            @NotEmpty List<@NotNull InterviewParticipant> participants,
            @NotNull InterviewPlace place,
            @Min(0) @Max(2000) Integer kilometres) {}

    record Review(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull @Min(0) @Max(31) Integer plannedVisitsPerMonth,
            @Min(0) @Max(2000) Integer kilometres) {}

    /** @param accompanier, accompanierName as for {@link Visit}; one of them is needed */
    record Permit(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @Size(max = 100) String accompanier,
            @Size(max = 200) String accompanierName,
            @NotNull Prison prison,

            @NotNull @PlausibleDate(ahead = CONSENT_OR_PERMIT_AHEAD)
            LocalDate validUntil) {}

    /** @param accompanier the permit's holder: an account name or the subject id of a person of this case */
    record PermitExpiry(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotBlank @Size(max = 100) String accompanier,
            @NotNull Prison prison) {}

    record VisitPlan(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull @PlausibleDate OffsetDateTime plannedFor,
            @NotEmpty @Size(max = 20) List<@NotNull SubjectId> children,
            @NotNull VisitPlace place,
            @Size(max = 100) String accompanier,
            @Size(max = 200) String accompanierName) {}

    record ContactStepBody(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull ContactStep step,
            @NotEmpty @Size(max = 20) List<@NotNull SubjectId> children,
            @NotNull Accompaniment mediatedBy,
            @Min(0) @Max(2000) Integer kilometres) {}

    record NurseryDerogation(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull SubjectId child) {}

    record VisitCancellation(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull UUID visitId,
            @NotNull VisitCancellationReason reason) {}

    record HomeVisit(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull @Min(0) @Max(2000) Integer kilometres) {}

    record NurseryAccompaniment(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull SubjectId child,
            @NotNull @Min(0) @Max(2000) Integer kilometres) {}

    /** @param prison the new prison, for a transfer only */
    record CustodyStep(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull CustodyChange change,
            Prison prison) {}

    record CourtDecision(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull Court court,
            @NotNull VisitingRights rights,
            @NotEmpty List<@NotNull SubjectId> children) {}

    record NoContact(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull Court court,
            @NotEmpty List<@NotNull SubjectId> children) {}

    record NoContactLifting(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotEmpty List<@NotNull SubjectId> children) {}

    /** @param parentalAuthority the subject id of a party of the case holding parental authority */
    record NewChild(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull @Past @PlausibleDate LocalDate birthDate,

            @Pattern(regexp = Department.CODE_PATTERN, message = "must be a French département code such as 80 or 2A")
            String department,

            @NotNull HousingType housing,
            @NotNull SubjectId parentalAuthority,
            @NotNull @Valid Person person) {}

    record ChildAddedAnswer(SubjectId subjectId, long version, List<RecordedEvent> events) {}

    record Correction(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotBlank @Size(max = 64) String correctedEventId,
            @NotNull CorrectionReason reason) {}

    /** @param accompanier the subject id given to the person {@code accompanierName} named, else {@code null} */
    record VisitPlanned(UUID visitId, long version, SubjectId accompanier, List<RecordedEvent> events) {}

    /** The answer to a permit or a visit that named a new accompanier: the subject id given to them. */
    record AccompanierNamed(SubjectId accompanier, long version, List<RecordedEvent> events) {}

    record Closure(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull ClosingReason reason) {}

    record Assignment(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotBlank @Size(max = 100) String caseworker) {}

    /** The answer to a new case: its id and the subject ids given to each person, in the request's order. */
    record CaseOpened(
            String caseId,
            long version,
            SubjectId detainedParent,
            Map<String, SubjectId> parties,
            List<SubjectId> children,
            List<RecordedEvent> events) {}
}
