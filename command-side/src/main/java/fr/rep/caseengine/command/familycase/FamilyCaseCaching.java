package fr.rep.caseengine.command.familycase;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps recently used cases in memory between commands, so that a command does not re-read and deserialise every
 * past event of its case (a quarter of the JVM's time under command load, docs/benchmarks.md). Entries are weakly
 * held: the garbage collector reclaims them under memory pressure. A command that fails evicts its case, so the next
 * one reads it from the store. With several nodes, a case changed by another node is stale here: its next command
 * fails on the store's unique (case, sequence) key with a 409, which evicts it.
 */
@Configuration(proxyBeanMethods = false)
class FamilyCaseCaching {

    static final String NAME = "familyCaseCache";

    @Bean(NAME)
    Cache familyCaseCache() {
        return new WeakReferenceCache();
    }
}
