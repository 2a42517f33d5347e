package org.stockroom.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The one place that names the persistence unit: repositories {@code @Inject @Stockroom}
 * the EntityManager it produces (the CDI resource-producer pattern).
 *
 * <p>Why one injection point: under Helidon 4.2, when each repository had its own
 * {@code @PersistenceContext} field, one JTA transaction was seen to open a persistence
 * context, and so a pooled connection, per repository. Two connections for one business
 * transaction broke its atomicity (the database's deferred ledger check ran on the
 * connection that had not written the movement) and deadlocked the pool under load.
 * Through this single field every repository shares the transaction's one persistence
 * context and one connection; the tests run with a pool of 2 to keep it that way.
 */
@ApplicationScoped
public class PersistenceResources {

    @PersistenceContext(unitName = "stockroom")
    EntityManager entityManager;

    @Produces
    @Stockroom
    EntityManager entityManager() {
        return entityManager;
    }
}
