package org.stockroom.desktop.connection;

import org.stockroom.client.ProblemException;
import org.stockroom.client.ServerUnreachableException;
import org.stockroom.client.StockroomClient;

import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The logged-in connection to the server: runs every call off the event thread, counts the
 * calls under way for the busy indicator, and keeps the connection state the status bar
 * shows. Listeners are told on the event thread.
 */
public final class ServerConnection {

    /** Hears about the connection state and the number of calls under way. */
    public interface Listener {
        void stateChanged(ConnectionState state);

        void busyChanged(boolean busy);
    }

    private final StockroomClient client;
    private final UserSession session;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger callsUnderWay = new AtomicInteger();
    private volatile ConnectionState state = ConnectionState.CONNECTED;

    /** Use {@link #open}, which wires the client's retry waits to the state. */
    private ServerConnection(StockroomClient.Builder client, UserSession session) {
        // The client sleeps between attempts only when a call failed and is retried: say so.
        this.client = client.sleeper(duration -> {
            setState(ConnectionState.RETRYING);
            Thread.sleep(duration);
        }).build();
        this.session = session;
    }

    public static ServerConnection open(StockroomClient.Builder client, UserSession session) {
        return new ServerConnection(client, session);
    }

    public StockroomClient client() {
        return client;
    }

    public UserSession session() {
        return session;
    }

    public ConnectionState state() {
        return state;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Runs {@code call} on a worker thread, then {@code onSuccess} with its result, or
     * {@code onFailure} with what went wrong, on the event thread.
     */
    public <T> void run(Callable<T> call, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        if (callsUnderWay.getAndIncrement() == 0) {
            fire(listener -> listener.busyChanged(true));
        }
        new SwingWorker<T, Void>() {
            @Override
            protected T doInBackground() throws Exception {
                return call.call();
            }

            @Override
            protected void done() {
                if (callsUnderWay.decrementAndGet() == 0) {
                    fire(listener -> listener.busyChanged(false));
                }
                T result;
                try {
                    result = get();
                } catch (ExecutionException e) {
                    Exception failure = e.getCause() instanceof Exception cause ? cause : e;
                    setState(stateAfter(failure));
                    onFailure.accept(failure);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                setState(ConnectionState.CONNECTED);
                onSuccess.accept(result);
            }
        }.execute();
    }

    /** A refusal (4xx) means the server answered; only an unreachable or unavailable server is down. */
    private static ConnectionState stateAfter(Exception failure) {
        if (failure instanceof ServerUnreachableException) {
            return ConnectionState.UNAVAILABLE;
        }
        if (failure instanceof ProblemException problem && problem.status() >= 500) {
            return ConnectionState.UNAVAILABLE;
        }
        return ConnectionState.CONNECTED;
    }

    private void setState(ConnectionState newState) {
        if (state != newState) {
            state = newState;
            fire(listener -> listener.stateChanged(newState));
        }
    }

    private void fire(Consumer<Listener> event) {
        if (SwingUtilities.isEventDispatchThread()) {
            listeners.forEach(event);
        } else {
            SwingUtilities.invokeLater(() -> listeners.forEach(event));
        }
    }
}
