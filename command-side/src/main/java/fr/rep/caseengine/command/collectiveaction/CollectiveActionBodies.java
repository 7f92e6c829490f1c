package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.input.NotInTheFuture;
import fr.rep.caseengine.events.input.PlausibleDate;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionKind;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupTheme;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The JSON bodies of the collective action commands, with the input rules that give a 400 when broken. Parents are
 * named by their case: the server adds each case's detained parent. How many may take part is a rule of the
 * aggregate (409); the size limits here only bound the request.
 */
final class CollectiveActionBodies {

    private CollectiveActionBodies() {
    }

    record Session(@NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
                   @NotNull CollectiveSessionKind kind,
                   @NotNull Team team,
                   @NotNull Prison prison,
                   @NotEmpty @Size(max = 50) List<@NotNull CaseId> participants) {
    }

    record NewTalkingGroup(@NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
                           @NotNull Team team,
                           @NotNull Prison prison,
                           @NotEmpty @Size(max = 50) List<@NotNull CaseId> members) {
    }

    record Member(@NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt, @NotNull CaseId caseId) {
    }

    record GroupSession(@NotNull @PlausibleDate @NotInTheFuture OffsetDateTime occurredAt,
                        @NotNull TalkingGroupTheme theme,
                        @NotEmpty @Size(max = 50) List<@NotNull CaseId> participants) {
    }

    /** The answer to a recorded snack or workshop. */
    record SessionRecorded(String collectiveActionId, long version) {
    }

    /** The answer to a new talking group: its id and the themes of its sessions, in order. */
    record TalkingGroupCreated(String talkingGroupId, long version, List<TalkingGroupTheme> themes) {
    }
}
