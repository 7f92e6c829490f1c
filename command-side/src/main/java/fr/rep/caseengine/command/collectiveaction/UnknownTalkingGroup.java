package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;

/** No talking group has this id (it may be unknown, or another kind of collective action). */
class UnknownTalkingGroup extends RuntimeException {

    UnknownTalkingGroup(CollectiveActionId groupId) {
        super("No talking group with id " + groupId);
    }
}
