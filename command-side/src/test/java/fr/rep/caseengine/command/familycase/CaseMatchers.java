package fr.rep.caseengine.command.familycase;

import static org.hamcrest.Matchers.equalTo;

import fr.rep.caseengine.command.rule.Rule;
import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.familycase.CaseEvent;
import java.time.Instant;
import org.hamcrest.Description;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers for what the case answers: which rule refused a command, how an event is dated. */
final class CaseMatchers {

    private CaseMatchers() {}

    /** A {@link RuleViolation} of exactly {@code rule}; any other exception type does not match. */
    static Matcher<RuleViolation> violationOf(CaseRule rule) {
        return new FeatureMatcher<RuleViolation, Rule>(equalTo(rule), "a RuleViolation of rule", "rule") {
            @Override
            protected Rule featureValueOf(RuleViolation violation) {
                return violation.rule();
            }
        };
    }

    /** A case event that happened at {@code occurredAt} and was recorded at {@code recordedAt}. */
    static Matcher<CaseEvent> datedAndStamped(Instant occurredAt, Instant recordedAt) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(CaseEvent event, Description mismatch) {
                mismatch.appendText(event.getClass().getSimpleName())
                        .appendText(" occurred at ")
                        .appendValue(event.occurredAt())
                        .appendText(", recorded at ")
                        .appendValue(event.recordedAt());
                return occurredAt.equals(event.occurredAt()) && recordedAt.equals(event.recordedAt());
            }

            @Override
            public void describeTo(Description description) {
                description
                        .appendText("a case event occurred at ")
                        .appendValue(occurredAt)
                        .appendText(", recorded at ")
                        .appendValue(recordedAt);
            }
        };
    }
}
