package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ContactStep;
import fr.rep.caseengine.events.familycase.CorrectionReason;
import fr.rep.caseengine.events.familycase.Court;
import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.DeclineReason;
import fr.rep.caseengine.events.familycase.ErasureReason;
import fr.rep.caseengine.events.familycase.InterviewKind;
import fr.rep.caseengine.events.familycase.InterviewParticipant;
import fr.rep.caseengine.events.familycase.InterviewPlace;
import fr.rep.caseengine.events.familycase.VisitCancellationReason;
import fr.rep.caseengine.events.familycase.VisitingRights;
import fr.rep.caseengine.events.familycase.Department;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.PenalStatus;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferralChannel;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitPlace;
import jakarta.validation.Valid;
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

    private RequestBodies() {
    }

    /** Identifying details: they go to the erasable personal-data store, never into an event. */
    record Person(@NotBlank @Size(max = 100) String firstName,
                  @Size(max = 100) String lastName,
                  @Size(max = 300) String address,
                  @Pattern(regexp = "[+0-9 ().-]{4,30}", message = "must be a phone number") String phone,
                  @Size(max = 2000) String notes) {
    }

    record DetainedParent(@NotNull PenalStatus penalStatus, @NotNull @Valid Person person) {
    }

    /**
     * @param ref a name for this party inside the request, by which children point at their holder of authority
     */
    record Party(@NotBlank @Size(max = 40) String ref, @NotNull PartyRole role, @NotNull @Valid Person person) {
    }

    record Child(@NotNull @Past LocalDate birthDate,
                 @Pattern(regexp = Department.CODE_PATTERN, message = "must be a French département code such as 80 or 2A")
                 String department,
                 @NotNull HousingType housing,
                 @NotBlank String parentalAuthority,
                 @NotNull @Valid Person person) {
    }

    /** @param subject the person to erase, as the case detail shows them */
    record Erasure(@NotNull SubjectId subject, @NotNull ErasureReason reason) {
    }

    record NewCase(@NotNull OffsetDateTime occurredAt,
                   @NotNull ReferrerType referrerType,
                   @NotNull ReferralChannel channel,
                   @NotNull Team team,
                   @NotNull Prison prison,
                   @NotNull @Valid DetainedParent detainedParent,
                   @NotNull @Size(max = 10) List<@NotNull @Valid Party> parties,
                   @NotEmpty @Size(max = 20) List<@NotNull @Valid Child> children,
                   @NotNull Boolean educationalOrJudicialMeasure) {
    }

    /** @param validUntil the last day the engagement holds; absent when it has no end (withdrawals ignore it) */
    record Consent(@NotNull OffsetDateTime occurredAt, @NotNull SubjectId party, LocalDate validUntil) {
    }

    /**
     * @param accompanier who accompanied; the signed-in caseworker when absent
     */
    record Visit(@NotNull OffsetDateTime occurredAt,
                 @NotEmpty @Size(max = 20) List<@NotNull SubjectId> children,
                 @NotNull VisitPlace place,
                 UUID visitId,
                 @Size(max = 100) String accompanier,
                 Accompaniment accompaniedBy,
                 @Min(1) @Max(1440) Integer durationMinutes,
                 @Min(0) @Max(2000) Integer kilometres) {
    }

    record Dated(@NotNull OffsetDateTime occurredAt) {
    }

    record Decline(@NotNull OffsetDateTime occurredAt, @NotNull DeclineReason reason,
                   @NotNull Boolean partiesNotified) {
    }

    record Interview(@NotNull OffsetDateTime occurredAt, @NotNull InterviewKind kind,
                     @NotEmpty List<@NotNull InterviewParticipant> participants, @NotNull InterviewPlace place) {
    }

    record Review(@NotNull OffsetDateTime occurredAt, @NotNull @Min(0) @Max(31) Integer plannedVisitsPerMonth) {
    }

    record Permit(@NotNull OffsetDateTime occurredAt, @NotBlank @Size(max = 100) String accompanier,
                  @NotNull Prison prison, @NotNull LocalDate validUntil) {
    }

    record PermitExpiry(@NotNull OffsetDateTime occurredAt, @NotBlank @Size(max = 100) String accompanier,
                        @NotNull Prison prison) {
    }

    record VisitPlan(@NotNull OffsetDateTime occurredAt, @NotNull OffsetDateTime plannedFor,
                     @NotEmpty @Size(max = 20) List<@NotNull SubjectId> children, @NotNull VisitPlace place,
                     @Size(max = 100) String accompanier) {
    }

    record ContactStepBody(@NotNull OffsetDateTime occurredAt, @NotNull ContactStep step,
                           @NotEmpty @Size(max = 20) List<@NotNull SubjectId> children,
                           @NotNull Accompaniment mediatedBy) {
    }

    record NurseryDerogation(@NotNull OffsetDateTime occurredAt, @NotNull SubjectId child) {
    }

    record VisitCancellation(@NotNull OffsetDateTime occurredAt, @NotNull UUID visitId,
                             @NotNull VisitCancellationReason reason) {
    }

    record HomeVisit(@NotNull OffsetDateTime occurredAt, @NotNull @Min(0) @Max(2000) Integer kilometres) {
    }

    record NurseryAccompaniment(@NotNull OffsetDateTime occurredAt, @NotNull SubjectId child,
                                @NotNull @Min(0) @Max(2000) Integer kilometres) {
    }

    /** @param prison the new prison, for a transfer only */
    record CustodyStep(@NotNull OffsetDateTime occurredAt, @NotNull CustodyChange change, Prison prison) {
    }

    record CourtDecision(@NotNull OffsetDateTime occurredAt, @NotNull Court court, @NotNull VisitingRights rights,
                         @NotEmpty List<@NotNull SubjectId> children) {
    }

    record NoContact(@NotNull OffsetDateTime occurredAt, @NotNull Court court,
                     @NotEmpty List<@NotNull SubjectId> children) {
    }

    record NoContactLifting(@NotNull OffsetDateTime occurredAt, @NotEmpty List<@NotNull SubjectId> children) {
    }

    /** @param parentalAuthority the subject id of a party of the case holding parental authority */
    record NewChild(@NotNull OffsetDateTime occurredAt, @NotNull @Past LocalDate birthDate,
                    @Pattern(regexp = Department.CODE_PATTERN,
                            message = "must be a French département code such as 80 or 2A") String department,
                    @NotNull HousingType housing, @NotNull SubjectId parentalAuthority,
                    @NotNull @Valid Person person) {
    }

    record ChildAddedAnswer(SubjectId subjectId, long version) {
    }

    record Correction(@NotNull OffsetDateTime occurredAt, @NotBlank @Size(max = 64) String correctedEventId,
                      @NotNull CorrectionReason reason) {
    }

    record VisitPlanned(UUID visitId, long version) {
    }

    record Closure(@NotNull OffsetDateTime occurredAt, @NotNull ClosingReason reason) {
    }

    record Assignment(@NotNull OffsetDateTime occurredAt, @NotBlank @Size(max = 100) String caseworker) {
    }

    /** The answer to a new case: its id and the subject ids given to each person, in the request's order. */
    record CaseOpened(String caseId, long version, SubjectId detainedParent,
                      Map<String, SubjectId> parties, List<SubjectId> children) {
    }
}
