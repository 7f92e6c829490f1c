package fr.rep.caseengine.command.familycase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rep.caseengine.events.familycase.CaseStage;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CaseActionsByStageTest {

    private final CaseActionsByStage actions = new CaseActionsByStage();

    @Test
    void the_page_offers_what_the_lifecycle_table_accepts_at_each_stage() {
        assertThat(actions.allows(CaseStage.RECEPTION, "acceptation")).isTrue();
        assertThat(actions.allows(CaseStage.RECEPTION, "visite")).isFalse();
        assertThat(actions.allows(CaseStage.RECEPTION, "permis")).isFalse();
        assertThat(actions.allows(CaseStage.SETTING_UP, "acceptation")).isFalse();
        assertThat(actions.allows(CaseStage.SETTING_UP, "permis")).isTrue();
        assertThat(actions.allows(CaseStage.SETTING_UP, "programmation")).isTrue();
        assertThat(actions.allows(CaseStage.SETTING_UP, "visite")).isTrue();
        for (String form : new String[] {"acceptation", "adhesion", "cloture", "permis", "programmation", "visite"}) {
            assertThat(actions.allows(CaseStage.CLOSED, form)).as(form).isFalse();
            assertThat(actions.allows(CaseStage.DECLINED, form)).as(form).isFalse();
        }
    }

    @Test
    void a_form_it_does_not_know_is_a_mistake_in_the_template_not_a_hidden_form() {
        assertThatThrownBy(() -> actions.allows(CaseStage.RECEPTION, "nothing"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_command_of_the_lifecycle_table_has_its_form_on_the_case_page() {
        Set<Class<?>> inTable = Lifecycle.ALLOWED_COMMANDS.values().stream()
                .flatMap(Set::stream)
                .collect(Collectors.toSet());

        assertThat(CaseActionsByStage.COMMANDS.values()).containsExactlyInAnyOrderElementsOf(inTable);
    }

    @Test
    void the_page_offers_to_correct_only_the_entries_the_case_accepts_to_correct() {
        assertThat(actions.correctable("InterviewHeld")).isTrue();
        assertThat(actions.correctable("CustodyChanged")).isTrue();
        assertThat(actions.correctable("RequestAccepted")).isFalse();
        assertThat(actions.correctable("EntryCorrected")).isFalse();
    }

    @Test
    void a_group_of_forms_shows_when_any_of_them_is_allowed() {
        assertThat(actions.allowsAny(CaseStage.CLOSED, "refus", "reouverture")).isTrue();
        assertThat(actions.allowsAny(CaseStage.CLOSED, "refus", "entretien")).isFalse();
    }
}
