package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.familycase.CaseStage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
