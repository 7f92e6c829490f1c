package fr.rep.caseengine.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;

/** What is said of a failure: type, SQLState, place in the code; never its message, which may quote the data. */
class PoisonCauseTest {

    @Test
    void a_refused_write_is_described_by_its_type_and_sqlstate_without_its_message() {
        Exception failure = new DataIntegrityViolationException(
                "INSERT ... 'Jean Valjean'", new SQLException("invalid byte sequence: Jean Valjean", "22021"));

        String described = PoisonCause.describe(failure);

        assertThat(described).startsWith("SQLException (SQLState 22021)").doesNotContain("Valjean");
        assertThat(PoisonCause.of(failure).message()).isEqualTo(described);
        assertThat(PoisonCause.of(failure).type()).isEqualTo(SQLException.class.getName());
        assertThat(PoisonCause.isTransient(failure)).isFalse();
    }

    @Test
    void connection_deadlock_and_resource_failures_are_transient_a_refused_value_is_not() {
        assertThat(PoisonCause.isTransient(new SQLException("connection lost", "08006")))
                .isTrue();
        assertThat(PoisonCause.isTransient(new SQLException("deadlock detected", "40P01")))
                .isTrue();
        assertThat(PoisonCause.isTransient(new SQLException("disk full", "53100")))
                .isTrue();
        assertThat(PoisonCause.isTransient(new SQLException("lock not available", "55P03")))
                .isTrue();
        assertThat(PoisonCause.isTransient(new DeadlockLoserDataAccessException("deadlock", null)))
                .isTrue();
        assertThat(PoisonCause.isTransient(new SQLException("date/time field value out of range", "22008")))
                .isFalse();
        assertThat(PoisonCause.isTransient(new IllegalStateException("a handler's bug")))
                .isFalse();
    }
}
