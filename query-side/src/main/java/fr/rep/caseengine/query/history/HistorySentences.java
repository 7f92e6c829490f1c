package fr.rep.caseengine.query.history;

import java.util.Map;
import java.util.UUID;

/**
 * The history's entries told as sentences in the service's language, for its pages (the API's {@code summary} stays
 * English). Implemented beside the domain's words; asked only once the caller was allowed to read the case's history.
 */
public interface HistorySentences {

    /** The sentence of each of the case's events, by event id; empty for no such case. */
    Map<String, String> sentences(UUID caseId);
}
