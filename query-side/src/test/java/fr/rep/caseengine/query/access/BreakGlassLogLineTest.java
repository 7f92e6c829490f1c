package fr.rep.caseengine.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The break-glass log line: the justification's beginning only, on one line whatever was typed. */
class BreakGlassLogLineTest {

    @Test
    void a_typed_line_break_is_escaped_and_cannot_start_a_forged_log_line() {
        String logged = BreakGlassController.logged("judge called\r\n2026-12-03 WARN Break-glass revoked");

        assertThat(logged)
                .doesNotContain("\n")
                .doesNotContain("\r")
                .isEqualTo("judge called\\u000d\\u000a2026-12-03 WARN Break-glass revoked");
    }

    @Test
    void a_long_justification_is_logged_by_its_beginning_and_its_length() {
        String justification = "The child was placed in our department this morning by the juvenile judge, "
                + "and the caseworker of the case is away until Monday.";

        assertThat(BreakGlassController.logged(justification))
                .isEqualTo(justification.substring(0, 60) + "... (" + justification.length() + " characters)");
    }
}
