package fr.rep.caseengine.query.live;

import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans the projections' change notifications out to the server-sent event streams of this node. One connection per
 * node listens on {@value ViewChange#CHANNEL}; each batch of notifications becomes, for each subscriber of a view, one
 * message listing the changes that subscriber may see (never a case outside their scope), with the view's lag.
 * Subscribers also get a {@code connected} message when they subscribe and a heartbeat comment every 15 seconds;
 * a stream that completes, times out or fails is dropped.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final ProjectionLag lag;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread listener;
    private ScheduledExecutorService heartbeat;

    LiveUpdates(DataSource dataSource, ProjectionLag lag) {
        this.dataSource = dataSource;
        this.lag = lag;
    }

    private record Subscriber(View view, Caller caller, SseEmitter emitter) {}

    /** What a subscriber receives. */
    record Message(String view, List<Change> changes, Lag lag) {}

    /** A case whose rows changed in the view; the client reloads what it shows of it. */
    record Change(String team, String caseId) {}

    /** Opens a stream of {@code view}'s changes within the caller's scope. */
    public SseEmitter subscribe(Caller caller, View view) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(view, caller, emitter);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(failure -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        send(subscriber, "connected", new Message(view.processingGroup(), List.of(), lag.of(view)));
        return emitter;
    }

    /** Whether a caller may learn that this case changed in this view: the case list's scope, by team and assignee. */
    static boolean visibleTo(Caller caller, View view, ViewChange change) {
        if (view == View.CASELOAD && caller.has(Role.SERVICE_MANAGER)) {
            return true;
        }
        if ((caller.has(Role.CASEWORKER) || caller.has(Role.TEAM_MANAGER)) && caller.isIn(change.team())) {
            return true;
        }
        return caller.has(Role.CASEWORKER) && change.caseworkers().contains(caller.account());
    }

    void dispatch(Collection<ViewChange> changes) {
        Map<View, List<ViewChange>> byView = new EnumMap<>(View.class);
        for (ViewChange change : changes) {
            byView.computeIfAbsent(View.named(change.view()), view -> new ArrayList<>())
                    .add(change);
        }
        byView.forEach((view, ofView) -> {
            Lag current = null;
            for (Subscriber subscriber : subscribers) {
                if (subscriber.view() != view) {
                    continue;
                }
                List<Change> visible = ofView.stream()
                        .filter(change -> visibleTo(subscriber.caller(), view, change))
                        .map(change ->
                                new Change(change.team().name(), change.caseId().toString()))
                        .distinct()
                        .toList();
                if (!visible.isEmpty()) {
                    current = current == null ? lag.of(view) : current;
                    send(subscriber, "change", new Message(view.processingGroup(), visible, current));
                }
            }
        });
    }

    private void send(Subscriber subscriber, String name, Message message) {
        try {
            subscriber.emitter().send(SseEmitter.event().name(name).data(message, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
            subscriber.emitter().completeWithError(gone);
        }
    }

    private void beat() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter().send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(subscriber);
                subscriber.emitter().completeWithError(gone);
            }
        }
    }

    /** Listens until stopped; a lost connection is opened again after a second. */
    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + ViewChange.CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = postgres.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        List<ViewChange> changes = new ArrayList<>(received.length);
                        for (PGNotification notification : received) {
                            changes.add(ViewChange.parse(notification.getParameter()));
                        }
                        dispatch(changes);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening to view changes failed; listening again in a second", e);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "view-changes-listener");
        listener.setDaemon(true);
        listener.start();
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "view-changes-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        for (Subscriber subscriber : subscribers) {
            subscriber.emitter().complete();
        }
        subscribers.clear();
        try {
            listener.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
