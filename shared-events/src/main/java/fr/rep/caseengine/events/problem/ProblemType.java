package fr.rep.caseengine.events.problem;

import java.net.URI;

/**
 * A problem's {@code type}: {@value #PREFIX} then its kind ({@code invalid-input}, {@code case-rule:<code>}). Clients
 * act on it (docs/api.md: stable), so every module names its problems through here.
 */
public final class ProblemType {

    /** What every problem type of the service begins with. */
    public static final String PREFIX = "urn:rep:problem:";
    /** A field, a parameter or a header breaks an input rule (400). */
    public static final URI INVALID_INPUT = of("invalid-input");

    private ProblemType() {}

    /** The type of the problems of {@code kind}, e.g. {@code unknown-case}. */
    public static URI of(String kind) {
        return URI.create(PREFIX + kind);
    }
}
