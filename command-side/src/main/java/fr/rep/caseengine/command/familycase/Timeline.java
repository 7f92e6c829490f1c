package fr.rep.caseengine.command.familycase;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A fact that changes over time, read at a given instant. Caseworkers record late, so rules judge the state at the
 * moment a fact happened, not at the moment it was recorded.
 */
final class Timeline<T> {

    private final NavigableMap<Instant, T> changes = new TreeMap<>();
    private final T before;

    /** @param before the value before any recorded change ({@code null} for "unknown") */
    Timeline(T before) {
        this.before = before;
    }

    void set(Instant from, T value) {
        changes.put(from, value);
    }

    /** Forgets a change that turned out to be recorded by mistake. */
    void forget(Instant from, T value) {
        changes.remove(from, value);
    }

    T at(Instant instant) {
        Map.Entry<Instant, T> latest = changes.floorEntry(instant);
        return latest == null ? before : latest.getValue();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Timeline<?> timeline && changes.equals(timeline.changes)
                && Objects.equals(before, timeline.before);
    }

    @Override
    public int hashCode() {
        return Objects.hash(changes, before);
    }
}
