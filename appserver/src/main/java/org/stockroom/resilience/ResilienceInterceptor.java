package org.stockroom.resilience;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a {@link Resilient} method under {@link DatabaseResilience}. It is ordered before the
 * {@code @Transactional} interceptor, so that a retry starts a new transaction from the
 * beginning rather than continuing a half-done one; inside a transaction that is already
 * running it steps aside, since only the boundary that began it can run it again.
 */
@Resilient
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ResilienceInterceptor {

    private final DatabaseResilience resilience;
    private final TransactionSynchronizationRegistry transactions;

    @Inject
    public ResilienceInterceptor(DatabaseResilience resilience, TransactionSynchronizationRegistry transactions) {
        this.resilience = resilience;
        this.transactions = transactions;
    }

    @AroundInvoke
    public Object guard(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionKey() != null) {
            return invocation.proceed();
        }
        return resilience.call(invocation::proceed);
    }
}
