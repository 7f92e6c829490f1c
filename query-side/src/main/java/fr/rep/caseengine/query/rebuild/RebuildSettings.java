package fr.rep.caseengine.query.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param workers         threads applying a rebuild's batches; each takes a share of the cases, as segments do live
 * @param rememberedCases cases whose kept entries a rebuild keeps in memory per projection, rather than read them back
 *                        for each event ({@link fr.rep.caseengine.query.projection.ReplayMemory}); the least recently
 *                        used are read again
 */
@ConfigurationProperties("rep.projections.rebuild")
public record RebuildSettings(
        @DefaultValue("2") int workers,
        @DefaultValue("50000") int rememberedCases) {

    public RebuildSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("rep.projections.rebuild.workers must be at least 1, was " + workers);
        }
        if (rememberedCases < 0) {
            throw new IllegalArgumentException(
                    "rep.projections.rebuild.remembered-cases must not be negative, was " + rememberedCases);
        }
    }
}
