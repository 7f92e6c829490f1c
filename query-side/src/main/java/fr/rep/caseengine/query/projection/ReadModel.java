package fr.rep.caseengine.query.projection;

/**
 * A processing group whose every row can be computed again from the event store. Each feature declares its own as a
 * bean beside its processing settings; from that declaration its transactions commit without waiting for the disk
 * ({@link ProjectionCommits}) and its poison events are set aside ({@code query.deadletter}). The machinery lists no
 * feature: a feature that adds a read model says so itself.
 *
 * @param processingGroup the Axon processing group of the read model's projections
 */
public record ReadModel(String processingGroup) {

    /**
     * The group of the case list and detail ({@code query.caseview}), the history ({@code query.history}) and the prison
     * suspensions' list: one transaction per batch for all of them, one rebuild. Named here, where each of them looks,
     * so that no feature names another's.
     */
    public static final String CASE_VIEWS = "case-views";
}
