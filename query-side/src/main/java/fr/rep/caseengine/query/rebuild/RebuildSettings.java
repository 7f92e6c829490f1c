package fr.rep.caseengine.query.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param workers threads applying a rebuild's batches; each takes a share of the cases, as segments do live
 */
@ConfigurationProperties("rep.projections.rebuild")
public record RebuildSettings(@DefaultValue("2") int workers) {

    public RebuildSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("rep.projections.rebuild.workers must be at least 1, was " + workers);
        }
    }
}
