package fr.rep.caseengine.app.page;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the service writes them ({@code 03/12/2026}, {@code 14:30}) in its time zone, and ages today.
 * Templates call it as {@code @frenchDates}; a missing value shows as nothing.
 */
@Component("frenchDates")
public class FrenchDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd/MM/yyyy", Locale.FRANCE);

    private final Clock clock;

    FrenchDates(Clock clock) {
        this.clock = clock;
    }

    /** {@code dd/MM/yyyy} of an instant in the service's zone, or of a calendar date. */
    public String date(Object value) {
        if (value instanceof Instant instant) {
            return DATE.format(instant.atZone(clock.getZone()));
        }
        return value instanceof LocalDate date ? DATE.format(date) : "";
    }

    /** {@code dd/MM/yyyy à HH:mm} in the service's zone. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : date(instant) + " à " + TIME.format(instant.atZone(clock.getZone()));
    }

    /** {@code HH:mm} in the service's zone. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(clock.getZone()));
    }

    /** The day and date, as in « mardi 08/12/2026 ». */
    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(clock.getZone()));
    }

    /** Whole years from the birth date to today in the service's zone. */
    public int age(LocalDate birthDate) {
        return Period.between(birthDate, LocalDate.now(clock)).getYears();
    }

    /** The current time, for « mis à jour à … ». */
    public String now() {
        return time(clock.instant());
    }
}
