package fr.rep.caseengine.app.hashchain;

import fr.rep.caseengine.events.staff.Caller;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/**
 * Auditors verify the event store from a page: the same walk as {@code GET /api/event-store/verification}, run in the
 * background so that a large store shows its progress (the page polls it with htmx), and the result in words: intact,
 * or the first broken link named with what it means.
 */
@Controller
class StoreVerificationPage {

    private static final Logger LOG = LoggerFactory.getLogger(StoreVerificationPage.class);
    private static final int RUNS_KEPT = 20;

    private final StoreVerificationController verification;
    private final Clock clock;
    /** One walk at a time: a second waits behind the first rather than share the database's two cores with it. */
    private final ExecutorService walker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-verification-page");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<UUID, Run> runs = new LinkedHashMap<>();

    StoreVerificationPage(StoreVerificationController verification, Clock clock) {
        this.verification = verification;
        this.clock = clock;
    }

    /** One verification asked for from the page, and where it stands. */
    static final class Run {
        private final UUID id;
        private final String requestedBy;
        private final Instant requestedAt;
        private volatile long walked;
        private volatile long total;
        private volatile VerificationReport report;
        private volatile boolean failed;

        Run(UUID id, String requestedBy, Instant requestedAt) {
            this.id = id;
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
        }

        public UUID id() {
            return id;
        }

        public String requestedBy() {
            return requestedBy;
        }

        public Instant requestedAt() {
            return requestedAt;
        }

        public long walked() {
            return walked;
        }

        public long total() {
            return total;
        }

        public int percent() {
            return report != null ? 100 : total == 0 ? 0 : (int) Math.min(99, walked * 100 / total);
        }

        public VerificationReport report() {
            return report;
        }

        public boolean failed() {
            return failed;
        }

        public boolean running() {
            return report == null && !failed;
        }
    }

    @GetMapping("/verification")
    String page() {
        return "verification/page";
    }

    @PostMapping("/verification")
    String start(Caller caller) {
        Run run = new Run(UUID.randomUUID(), caller.account(), clock.instant());
        synchronized (runs) {
            runs.put(run.id, run);
            if (runs.size() > RUNS_KEPT) {
                runs.remove(runs.keySet().iterator().next());
            }
        }
        walker.submit(() -> {
            try {
                run.report = verification.run(Optional.empty(), (walked, total) -> {
                    run.total = total;
                    run.walked = walked;
                });
                LOG.info("Event store verified from the page by '{}': intact={}", run.requestedBy, run.report.intact());
            } catch (RuntimeException e) {
                run.failed = true;
                LOG.error("The event store verification asked for by '{}' failed", run.requestedBy, e);
            }
        });
        return "redirect:/verification/" + run.id;
    }

    @GetMapping("/verification/{runId}")
    String run(
            @PathVariable UUID runId, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Run run;
        synchronized (runs) {
            run = runs.get(runId);
        }
        if (run == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("run", run);
        return htmx != null ? "verification/page :: run" : "verification/page";
    }

    @PreDestroy
    void stop() {
        walker.shutdownNow();
    }
}
