package org.stockroom.reservation;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stockroom.stock.StockLevelId;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks OPEN reservations past their expiry EXPIRED, every {@code stockroom.reservations.sweep-interval}
 * (30 s by default), one stock level per transaction. Every server of a cluster runs one: each level is
 * expired under its lock ({@link ReservationService#expireAt}), so two sweeps of one level queue and the
 * second finds nothing to do. Availability never waits for it: every check expires the level's
 * reservations itself first ({@link Reservations#releaseExpired}); the sweep closes the ones nobody
 * touches, so the lists, the stock report and the event stream show them expired.
 */
@ApplicationScoped
public class ReservationSweeper {

    private static final int LEVELS_PER_ROUND = 100;
    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class.getName());

    private final ReservationService service;
    private final Duration interval;
    private volatile boolean stopped;
    private Thread sweeper;

    @Inject
    public ReservationSweeper(ReservationService service,
                              @ConfigProperty(name = "stockroom.reservations.sweep-interval", defaultValue = "PT30S")
                              Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the reservation sweep's interval must be positive: " + interval);
        }
        this.service = service;
        this.interval = interval;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object startup) {
        sweeper = Thread.ofPlatform().daemon().name("stockroom-reservation-sweep").start(this::run);
    }

    private void run() {
        while (!stopped) {
            try {
                Thread.sleep(interval);
                sweep();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database is away or busy: the next round tries again, and checks never wait for this.
                LOG.log(Level.FINE, "Could not expire reservations this round", e);
            }
        }
    }

    /** One round: every level with expired reservations, a bounded batch at a time. */
    void sweep() {
        List<StockLevelId> due = service.levelsWithExpired(LEVELS_PER_ROUND);
        while (!due.isEmpty() && !stopped) {
            for (StockLevelId level : due) {
                service.expireAt(level);
            }
            due = due.size() < LEVELS_PER_ROUND ? List.of() : service.levelsWithExpired(LEVELS_PER_ROUND);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (sweeper != null) {
            sweeper.interrupt();
        }
    }
}
