package org.stockroom.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.Optional;

/**
 * The two request rate limits: per client address, which also covers anonymous requests and
 * the log-in that password guessing aims at, and per user, which a user keeps from whichever
 * address they come. A limit of 0 turns it off. Refusals are counted as the metric
 * {@code stockroom_rate_limit_refused_total{by="address"|"user"}}.
 */
@ApplicationScoped
public class RateLimits {

    private final Optional<KeyedRateLimiter> perAddress;
    private final Optional<KeyedRateLimiter> perUser;
    private final int perAddressLimit;
    private final int perUserLimit;
    private final MetricRegistry metrics;

    @Inject
    public RateLimits(@ConfigProperty(name = "stockroom.rate-limit.per-address", defaultValue = "400") int perAddress,
                      @ConfigProperty(name = "stockroom.rate-limit.per-user", defaultValue = "200") int perUser,
                      MetricRegistry metrics) {
        this.perAddressLimit = perAddress;
        this.perUserLimit = perUser;
        this.perAddress = perAddress > 0 ? Optional.of(new KeyedRateLimiter("address", perAddress)) : Optional.empty();
        this.perUser = perUser > 0 ? Optional.of(new KeyedRateLimiter("user", perUser)) : Optional.empty();
        this.metrics = metrics;
    }

    /** Counts a request from this client address, or refuses it with 429. */
    void admitFromAddress(String address) {
        long wait = perAddress.map(limiter -> limiter.acquire(address)).orElse(0L);
        if (wait > 0) {
            metrics.counter("stockroom.rate.limit.refused", new Tag("by", "address")).inc();
            throw new TooManyRequestsException("More than " + perAddressLimit
                    + " requests per second came from your address; try again in " + wait + " s", wait);
        }
    }

    /** Counts a request by this user, or refuses it with 429. */
    void admitFromUser(String username) {
        long wait = perUser.map(limiter -> limiter.acquire(username)).orElse(0L);
        if (wait > 0) {
            metrics.counter("stockroom.rate.limit.refused", new Tag("by", "user")).inc();
            throw new TooManyRequestsException("More than " + perUserLimit
                    + " requests per second came from your user; try again in " + wait + " s", wait);
        }
    }
}
