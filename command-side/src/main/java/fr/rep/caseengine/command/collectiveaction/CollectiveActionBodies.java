package fr.rep.caseengine.command.collectiveaction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.rep.caseengine.command.pipeline.RecordedEvent;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionKind;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupTheme;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.input.NotInTheFuture;
import fr.rep.caseengine.events.input.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The JSON bodies of the collective action commands, with the input rules that give a 400 when broken. Parents are
 * named by their case: the server adds each case's detained parent; at a snack or a workshop, a parent whose family
 * is not followed is named on their own. How many may take part is a rule of the
 * aggregate (409); the size limits here only bound the request.
 */
final class CollectiveActionBodies {

    private CollectiveActionBodies() {}

    record Session(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull CollectiveSessionKind kind,
            @NotNull Team team,
            @NotNull Prison prison,
            @NotNull @Size(max = 50) List<@NotNull CaseId> participants,
            @Size(max = 50) List<@NotNull @Valid ParentWithoutCase> parentsWithoutCase) {}

    /**
     * A detained parent taking part without being followed as a family case: no case is opened for them. Either a
     * parent named for the first time ({@code firstName}, {@code lastName}: kept in the personal-data store, never in
     * the event), or one met before, by the {@code subject} an earlier session's answer gave.
     */
    record ParentWithoutCase(
            SubjectId subject,
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName) {

        @JsonIgnore
        @AssertTrue(message = "give either the subject of a parent met before, or the first and last name of a new one")
        boolean isNamedOnce() {
            boolean named = firstName != null && !firstName.isBlank() && lastName != null && !lastName.isBlank();
            return subject == null ? named : firstName == null && lastName == null;
        }
    }

    record NewTalkingGroup(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull Team team,
            @NotNull Prison prison,
            @NotEmpty @Size(max = 50) List<@NotNull CaseId> members) {}

    record Member(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull CaseId caseId) {}

    record GroupSession(
            @NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
            @NotNull TalkingGroupTheme theme,
            @NotEmpty @Size(max = 50) List<@NotNull CaseId> participants) {}

    /**
     * The answer to a recorded snack or workshop.
     *
     * @param parentsWithoutCase the subject of each parent without a case, in the order of the request: name them so
     *                           at a later session, and they count once in the report
     */
    record SessionRecorded(
            String collectiveActionId, long version, List<SubjectId> parentsWithoutCase, List<RecordedEvent> events) {}

    /** The answer to a new talking group: its id and the themes of its sessions, in order. */
    record TalkingGroupCreated(
            String talkingGroupId, long version, List<TalkingGroupTheme> themes, List<RecordedEvent> events) {}
}
