package fr.rep.caseengine.query.deadletter;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * What is kept and shown of why an event could not be applied: the innermost exception's type, PostgreSQL's error
 * code, and where in this code base it was thrown. Never an exception's message: messages may quote the values
 * written (a name, a note, a payload's text), which must stay out of the dead-letter table, the API and the log.
 */
public final class PoisonCause {

    private static final String PROJECTIONS = "fr.rep.caseengine.query.";
    private static final Set<String> NOT_THE_CAUSE =
            Set.of(PoisonCause.class.getPackageName() + ".", "fr.rep.caseengine.query.rebuild.");
    /**
     * PostgreSQL error classes that say nothing about the event: connection (08), rollback for a deadlock or a
     * serialization failure (40), resources (53), operator intervention (57), system (58, XX), and a lock not
     * obtained (55P03). Such a failure is retried with the batch, never set aside.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58", "XX");

    private PoisonCause() {}

    public static ThrowableCause of(Throwable failure) {
        return new ThrowableCause(innermost(failure).getClass().getName(), describe(failure));
    }

    /**
     * For example {@code PSQLException (SQLState 22021) at WorkQueueProjection.on:137}, or
     * {@code DateTimeParseException reading the stored event}.
     */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(innermost(failure).getClass().getSimpleName());
        String state = sqlState(failure);
        if (state != null) {
            text.append(" (SQLState ").append(state).append(')');
        }
        if (chain(failure).stream()
                .anyMatch(cause ->
                        cause.getClass().getName().equals("org.axonframework.serialization.SerializationException"))) {
            return text.append(" reading the stored event").toString();
        }
        List<Throwable> chain = chain(failure);
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (StackTraceElement frame : chain.get(i).getStackTrace()) {
                String type = frame.getClassName();
                if (type.startsWith(PROJECTIONS) && NOT_THE_CAUSE.stream().noneMatch(type::startsWith)) {
                    return text.append(" at ")
                            .append(type.substring(type.lastIndexOf('.') + 1))
                            .append('.')
                            .append(frame.getMethodName())
                            .append(':')
                            .append(frame.getLineNumber())
                            .toString();
                }
            }
        }
        return text.toString();
    }

    /** Whether {@code failure} comes from the database's state rather than from the event: retry, do not set aside. */
    public static boolean isTransient(Throwable failure) {
        String state = sqlState(failure);
        if (state != null && state.length() == 5) {
            return TRANSIENT_CLASSES.contains(state.substring(0, 2)) || state.equals("55P03");
        }
        return chain(failure).stream()
                .anyMatch(cause -> cause instanceof org.springframework.dao.TransientDataAccessException
                        || cause instanceof org.springframework.dao.RecoverableDataAccessException
                        || cause instanceof java.sql.SQLTransientException
                        || cause instanceof java.sql.SQLRecoverableException);
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static Throwable innermost(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.get(chain.size() - 1);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLException sql) {
                SQLException next = sql;
                while (next != null) {
                    if (next.getSQLState() != null) {
                        return next.getSQLState();
                    }
                    next = next.getNextException();
                }
            }
        }
        return null;
    }
}
