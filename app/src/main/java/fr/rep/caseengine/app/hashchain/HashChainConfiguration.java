package fr.rep.caseengine.app.hashchain;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store's storage engine, case-chaining what it appends (it replaces the one Axon's auto-configuration would
 * build, with the same settings), the sealer extending the store chain after commit ({@code rep.event-chain.seal-batch}
 * rows a pass at most, a pass {@code rep.event-chain.seal-gathering} after a commit woke it and at least every
 * {@code rep.event-chain.seal-interval}), the verification, and the migration sealing events stored before the chain
 * existed.
 */
@Configuration(proxyBeanMethods = false)
class HashChainConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager axonTransactions,
            EventSchema eventSchema,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            StoreChainSealer storeChainSealer,
            ObjectProvider<Cache> aggregateCaches) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return new HashChainedEventStorageEngine(
                JdbcEventStorageEngine.builder()
                        .snapshotSerializer(defaultSerializer)
                        .upcasterChain(configuration.upcasterChain())
                        .persistenceExceptionResolver(persistenceExceptionResolver)
                        .eventSerializer(eventSerializer)
                        .snapshotFilter(configuration.snapshotFilter())
                        .connectionProvider(connectionProvider)
                        .transactionManager(axonTransactions)
                        .schema(eventSchema),
                new CaseAppendLock(jdbc, aggregateCaches),
                new EventSealer(jdbc, transaction, storeChainSealer),
                transaction);
    }

    @Bean
    StoreChainSealer storeChainSealer(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            @Value("${rep.event-chain.seal-batch:1000}") int batchSize,
            @Value("${rep.event-chain.seal-interval:1s}") Duration interval,
            @Value("${rep.event-chain.seal-gathering:20ms}") Duration gathering) {
        return new StoreChainSealer(jdbc, transactions, batchSize, interval, gathering);
    }

    @Bean
    StoreVerification storeVerification(DataSource dataSource, Clock clock) {
        return new StoreVerification(dataSource, clock);
    }

    @Bean
    JavaMigration sealEventsWrittenBeforeTheChain() {
        return new SealEventsWrittenBeforeTheChain();
    }
}
