package fr.rep.caseengine.query.deadletter;

import java.util.List;

/**
 * What a retry of a projection's dead letters did.
 *
 * @param projection the projection
 * @param retried    each case retried
 * @param remaining  cases still set aside after the retry
 */
public record RetryReport(String projection, List<Retried> retried, long remaining) {

    /**
     * @param caseId  the case
     * @param applied its events applied by this retry, in order
     * @param outcome whether all its events are now applied
     * @param error   why the first event left still fails, when it does
     */
    public record Retried(String caseId, int applied, Outcome outcome, String error) {}

    public enum Outcome {
        /** Every event the case had set aside is applied; the case is projected again. */
        APPLIED,
        /** An event still fails: it and the later ones stay set aside. */
        STILL_FAILING
    }
}
