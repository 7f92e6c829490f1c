package fr.rep.caseengine.benchmark;

import static fr.rep.caseengine.benchmark.BenchmarkReport.atLeast;
import static fr.rep.caseengine.benchmark.BenchmarkReport.count;
import static fr.rep.caseengine.benchmark.BenchmarkReport.millis;
import static fr.rep.caseengine.benchmark.BenchmarkReport.perSecond;
import static fr.rep.caseengine.benchmark.BenchmarkReport.percent;
import static fr.rep.caseengine.benchmark.BenchmarkReport.seconds;
import static fr.rep.caseengine.benchmark.BenchmarkReport.under;

import fr.rep.caseengine.app.projections.ViewBacklogGate;
import fr.rep.caseengine.command.personaldata.PersonalDataRecorder;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.Team;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole benchmark in one process, on one embedded PostgreSQL: generate and load the dataset, then (c) replay,
 * (d) queries, (a) PostgreSQL's ceiling with (b) command load and (e) projection lag at each concurrency, and
 * (f) start-up. Each measured phase is profiled.
 */
final class BenchmarkRun {

    private static final double COMMAND_TARGET = 0.5;
    private static final double REPLAY_TARGET = 0.5;
    private static final double QUERY_LIMIT_MILLIS = 50;
    private static final double HISTORY_LIMIT_MILLIS = 100;
    private static final double LAG_LIMIT_MILLIS = 1_000;
    private static final double STARTUP_LIMIT_MILLIS = 20_000;
    /** (g): a page's server time p95, and its bytes with its assets (500 KB, counted in thousands). */
    private static final double PAGE_LIMIT_MILLIS = 100;

    private static final long PAGE_LIMIT_BYTES = 500_000;
    /** (g): the report's year, one with activity in the generated dataset (2019–2024), as in the browser tests. */
    private static final int PAGES_YEAR = 2021;

    private static final Duration LAG_PATIENCE = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_PATIENCE = Duration.ofMinutes(5);

    private final BenchmarkSettings settings;
    private final BenchmarkReport report = new BenchmarkReport();
    private final Map<String, LongAdder> commandMix = new ConcurrentHashMap<>();
    private long errors;

    BenchmarkRun(BenchmarkSettings settings) {
        this.settings = settings;
    }

    BenchmarkReport run() throws Exception {
        prepareDirectory();
        describeMachine();
        CaseDataset dataset = new CaseDataset(settings.seed(), settings.dataset());
        Path data = settings.directory().resolve("data");
        try (EngineInstance engine = EngineInstance.start(data, settings.tuning())) {
            describePostgres(engine);
            PhaseProfiler profiler =
                    new PhaseProfiler(engine, settings.directory().resolve("jfr"));
            long events = load(engine, dataset);
            if (!settings.rebuildProbe().isEmpty()) {
                rebuildProbe(engine, profiler, events);
                return report;
            }
            replay(engine, profiler, events);
            maintain(engine);
            queries(engine, dataset);
            pages(engine, dataset);
            if (!settings.skipped().contains("commands")) {
                commands(engine, profiler, dataset);
            }
        }
        if (!settings.skipped().contains("startup")) {
            startup(data);
        }
        report.context("command mix of (b)", mix());
        return report;
    }

    /** Failed operations in (a) and (b): a generator or engine defect when not zero. */
    long errors() {
        return errors;
    }

    private long load(EngineInstance engine, CaseDataset dataset) throws Exception {
        // Stopped while loading, so that (c) times a rebuild of everything rather than a race with the load.
        engine.projectionProcessors().forEach(StreamingEventProcessor::shutDown);
        report.progress("loading " + count(settings.dataset().events()) + " events");
        EventStoreLoader.Loaded loaded =
                EventStoreLoader.load(dataset, engine.bean(EventStorageEngine.class), settings.loadBatchSize());
        EventStoreLoader.recordCaseReach(engine.bean(org.springframework.jdbc.core.JdbcTemplate.class));
        EventStoreLoader.recordPeople(
                dataset.sampledFamilies(),
                engine.bean(PersonalDataRecorder.class),
                engine.bean(TransactionTemplate.class));
        report.context(
                "dataset",
                String.format(
                        Locale.ROOT,
                        "%s cases, %s events (%s), seed %d; %d cases of %s "
                                + "events; written with Axon's EventStorageEngine.appendEvents in transactions of %d events at "
                                + "%s; names of %d families recorded through the app's encrypted personal-data store",
                        count(settings.dataset().cases()),
                        count(loaded.events()),
                        dataset.eventsByType().entrySet().stream()
                                .map(entry -> entry.getKey() + " " + count(entry.getValue()))
                                .collect(Collectors.joining(", ")),
                        settings.seed(),
                        settings.dataset().longCases(),
                        count(settings.dataset().longCaseEvents()),
                        settings.loadBatchSize(),
                        perSecond(loaded.perSecond(), "events"),
                        dataset.sampledFamilies().size()));
        return loaded.events();
    }

    private void replay(EngineInstance engine, PhaseProfiler profiler, long events) throws Exception {
        Replay replay = new Replay(engine);
        PhaseProfiler.Running scanning = profiler.start("c raw ordered scan", false);
        Replay.Rate scan = replay.rawScan();
        report.profile(scanning.stop());
        report.row(new BenchmarkReport.Row(
                "c/scan",
                "raw ordered scan of `domain_event_entry` (all columns, " + "payload bytes)",
                count(scan.events()) + " events, 1 connection",
                perSecond(scan.perSecond(), "events"),
                "",
                "",
                "",
                "",
                List.of(scan.perSecond())));
        Replay.Rate deserialized = replay.scanAndDeserialize(engine.bean("eventSerializer", Serializer.class));
        report.row(new BenchmarkReport.Row(
                "c/deserialize",
                "the same scan, payloads and metadata deserialised by " + "the app's serializer",
                count(deserialized.events()) + " events",
                perSecond(deserialized.perSecond(), "events") + " ("
                        + percent(deserialized.perSecond() / scan.perSecond()) + " of the scan)",
                "",
                "",
                "",
                "",
                List.of(deserialized.perSecond())));
        report.progress("rebuilding the views from " + count(events) + " events");
        PhaseProfiler.Running rebuilding = profiler.start("c rebuild of every projection", settings.jfr());
        Replay.Rate rebuilt = replay.rebuild(true);
        report.profile(rebuilding.stop());
        double ratio = rebuilt.perSecond() / scan.perSecond();
        report.row(new BenchmarkReport.Row(
                "c/rebuild",
                "full rebuild of every projection (" + String.join(", ", replay.projections())
                        + ") beside the live ones, then switched in",
                count(rebuilt.events())
                        + " events, all projections together (the store read once); "
                        + seconds(rebuilt.took().toNanos() / 1e9) + "; " + statements(rebuilt),
                perSecond(rebuilt.perSecond(), "events") + " (" + percent(ratio) + " of the scan)",
                "",
                "",
                "≥ 50 % of the scan",
                atLeast(ratio, REPLAY_TARGET),
                List.of(rebuilt.perSecond(), rebuilt.statementsPerEvent())));
        Replay.Rate floor = replay.viewWriteFloor(events);
        report.row(new BenchmarkReport.Row(
                "c/floor",
                "PostgreSQL writing the rebuilt view rows set-wise (copy of " + "every projection table, same indexes)",
                "one INSERT … SELECT per table",
                perSecond(floor.perSecond(), "events") + " equivalent (" + percent(floor.perSecond() / scan.perSecond())
                        + " of the scan)",
                "",
                "",
                "",
                "",
                List.of(floor.perSecond())));
    }

    /** The rebuilds of {@code bench.rebuildProbe} alone, one after the other on the loaded store, each profiled. */
    private void rebuildProbe(EngineInstance engine, PhaseProfiler profiler, long events) throws Exception {
        Replay replay = new Replay(engine);
        int round = 0;
        for (String way : settings.rebuildProbe()) {
            boolean together = switch (way) {
                case "together" -> true;
                case "apart" -> false;
                default -> throw new IllegalArgumentException("bench.rebuildProbe: together or apart, not " + way);
            };
            round++;
            report.progress("rebuild " + round + ", " + way + ", from " + count(events) + " events");
            PhaseProfiler.Running rebuilding = profiler.start("c rebuild " + round + " " + way, settings.jfr());
            Replay.Rate rebuilt = replay.rebuild(together);
            report.profile(rebuilding.stop());
            report.row(new BenchmarkReport.Row(
                    "c/rebuild/" + round + "/" + way,
                    "full rebuild of every projection ("
                            + String.join(", ", replay.projections()) + "), "
                            + (together
                                    ? "together (the store read once)"
                                    : "each projection started on its own (each reading the store)"),
                    count(rebuilt.events()) + " events; "
                            + seconds(rebuilt.took().toNanos() / 1e9) + "; " + statements(rebuilt),
                    perSecond(rebuilt.perSecond(), "events"),
                    "",
                    "",
                    "",
                    "",
                    List.of(rebuilt.perSecond(), rebuilt.statementsPerEvent())));
        }
    }

    private static String statements(Replay.Rate rebuilt) {
        return String.format(
                Locale.ROOT,
                "%.2f statements per event (%s)",
                rebuilt.statementsPerEvent(),
                count(rebuilt.statements()));
    }

    /** What autovacuum reaches on its own some minutes after a bulk load: visibility map and planner statistics. */
    private void maintain(EngineInstance engine) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = engine.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
        }
        report.note("Before (d): VACUUM (ANALYZE) of the database after the load and the rebuild, took "
                + seconds((System.nanoTime() - start) / 1e9) + " (the state autovacuum reaches on its own).");
    }

    private void queries(EngineInstance engine, CaseDataset dataset) {
        QueryLatencies queries = new QueryLatencies(new CaseEngineHttpClient(engine.port()), settings.seed());
        int requests = settings.queryRequests();
        String idle = count(requests) + " requests, 1 client, idle engine";
        Latencies caseList = queries.caseload(requests);
        report.row(latencyRow(
                "d/case-list",
                "case list: `GET /api/cases?team=&stage=&page=0..4&size=20` (filtered " + "and counted)",
                count(settings.dataset().cases()) + " cases, " + idle,
                caseList,
                QUERY_LIMIT_MILLIS));
        Latencies dashboard = queries.caseloadDashboard(requests);
        report.row(latencyRow(
                "d/caseload",
                "caseload dashboard of the whole service: `GET /api/caseload` (service " + "manager)",
                count(settings.dataset().cases()) + " cases, " + idle,
                dashboard,
                QUERY_LIMIT_MILLIS));
        List<CaseId> sampled =
                dataset.sampledFamilies().stream().map(Family::caseId).toList();
        Latencies detail = queries.caseDetail(sampled, requests);
        report.row(latencyRow(
                "d/detail",
                "case detail: `GET /api/cases/{id}` (names decrypted)",
                count(sampled.size()) + " cases drawn, " + idle,
                detail,
                QUERY_LIMIT_MILLIS));
        Latencies history = queries.history(dataset.longCases(), Math.max(1, requests / 4));
        report.row(latencyRow(
                "d/history",
                "history of a case with " + count(settings.dataset().longCaseEvents())
                        + " events: `GET /api/cases/{id}/history`",
                dataset.longCases().size() + " such cases, " + count(Math.max(1, requests / 4)) + " requests, 1 client",
                history,
                HISTORY_LIMIT_MILLIS));
        Latencies workQueue = queries.workQueue(FamilyGenerator.SOMME_AISNE_OISE_CASEWORKERS, requests);
        report.row(latencyRow(
                "d/work-queue",
                "a caseworker's work queue: `GET /api/work-queue?caseworker=` (their " + "team manager; four sections)",
                FamilyGenerator.SOMME_AISNE_OISE_CASEWORKERS.size() + " caseworkers of one team drawn, " + idle,
                workQueue,
                QUERY_LIMIT_MILLIS));
        List<Integer> years = IntStream.range(
                        CaseDataset.START.atZone(ZoneOffset.UTC).getYear(),
                        CaseDataset.END.atZone(ZoneOffset.UTC).getYear())
                .boxed()
                .toList();
        Latencies annual = queries.activityReport(years, requests);
        report.row(latencyRow(
                "d/annual-report",
                "annual activity report of the whole service: "
                        + "`GET /api/reports/activity/{year}` (service manager)",
                "years " + years.get(0) + "–" + years.get(years.size() - 1) + " drawn, " + idle,
                annual,
                QUERY_LIMIT_MILLIS));
    }

    /** (g) Every page of every role, with the dataset loaded: server time and size with assets. */
    private void pages(EngineInstance engine, CaseDataset dataset) {
        report.progress("asking for every page");
        // A family of the team manager's team when the sample has one, and a caseworker of the family's team.
        Family family = dataset.sampledFamilies().stream()
                .filter(sampled -> sampled.request().team() == Team.SOMME_AISNE_OISE)
                .findFirst()
                .orElse(dataset.sampledFamilies().get(0));
        String caseId = family.caseId().value().toString();
        String longCase = dataset.longCases().get(0).value().toString();
        String lastName = family.people().get(family.request().detainedParent()).lastName();
        String caseworker = (family.request().team() == Team.SOMME_AISNE_OISE
                        ? FamilyGenerator.SOMME_AISNE_OISE_CASEWORKERS
                        : FamilyGenerator.PAS_DE_CALAIS_CASEWORKERS)
                .get(0);
        String manager = CaseEngineHttpClient.TEAM_MANAGER;
        String service = CaseEngineHttpClient.MANAGER;
        String auditor = CaseEngineHttpClient.READER;
        String administrator = CaseEngineHttpClient.ADMINISTRATOR;
        int year = PAGES_YEAR;
        List<PageLatencies.Page> pages = List.of(
                new PageLatencies.Page("g/home", "« Mon travail » (caseworker)", caseworker, "/mon-travail"),
                new PageLatencies.Page(
                        "g/case-list",
                        "case list filtered by stage (caseworker)",
                        caseworker,
                        "/dossiers?stage=SETTING_UP"),
                new PageLatencies.Page(
                        "g/name-search",
                        "case list: last-name search (caseworker)",
                        caseworker,
                        "/dossiers?name="
                                + java.net.URLEncoder.encode(lastName, java.nio.charset.StandardCharsets.UTF_8)),
                new PageLatencies.Page("g/case", "case page (caseworker)", caseworker, "/dossiers/" + caseId),
                new PageLatencies.Page(
                        "g/history", "case history (caseworker)", caseworker, "/dossiers/" + caseId + "/historique"),
                new PageLatencies.Page(
                        "g/history-long",
                        "history of a case with " + count(settings.dataset().longCaseEvents()) + " events (auditor)",
                        auditor,
                        "/dossiers/" + longCase + "/historique"),
                new PageLatencies.Page(
                        "g/as-of", "case as of a date (auditor)", auditor, "/dossiers/" + caseId + "/a-date"),
                new PageLatencies.Page(
                        "g/as-of-long",
                        "as of a date, case with " + count(settings.dataset().longCaseEvents()) + " events (auditor)",
                        auditor,
                        "/dossiers/" + longCase + "/a-date"),
                new PageLatencies.Page(
                        "g/dashboard-team", "« Tableau de bord » (team manager)", manager, "/tableau-de-bord"),
                new PageLatencies.Page(
                        "g/team-queue",
                        "a caseworker's queue (team manager)",
                        manager,
                        "/equipe?intervenant=" + FamilyGenerator.SOMME_AISNE_OISE_CASEWORKERS.get(0)),
                new PageLatencies.Page("g/suspensions", "prison suspensions (team manager)", manager, "/suspensions"),
                new PageLatencies.Page(
                        "g/dashboard-service", "« Tableau de bord » (service manager)", service, "/tableau-de-bord"),
                new PageLatencies.Page(
                        "g/report",
                        "« Bilan d'activité » " + year + " (service manager)",
                        service,
                        "/bilan?annee=" + year),
                new PageLatencies.Page(
                        "g/report-csv", "its CSV download", service, "/api/reports/activity/" + year + ".csv"),
                new PageLatencies.Page(
                        "g/report-pdf", "its PDF download", service, "/api/reports/activity/" + year + ".pdf"),
                new PageLatencies.Page("g/access-trail", "access trail (auditor)", auditor, "/traces-acces"),
                new PageLatencies.Page(
                        "g/break-glass", "break-glass accesses (auditor)", auditor, "/acces-exceptionnels"),
                new PageLatencies.Page("g/erasures", "erasure register (auditor)", auditor, "/effacements"),
                new PageLatencies.Page("g/verification", "store verification (auditor)", auditor, "/verification"),
                new PageLatencies.Page(
                        "g/projections", "projections (administrator)", administrator, "/administration/projections"),
                new PageLatencies.Page(
                        "g/accounts", "accounts (administrator)", administrator, "/administration/comptes"));
        String conditions = count(settings.dataset().cases()) + " cases, " + count(settings.pageRequests())
                + " requests, 1 client, idle engine";
        for (PageLatencies.Measured page :
                new PageLatencies(new CaseEngineHttpClient(engine.port())).measure(pages, settings.pageRequests())) {
            double p95 = page.latencies().millis(95);
            boolean small = page.totalBytes() <= PAGE_LIMIT_BYTES;
            String verdict = p95 < PAGE_LIMIT_MILLIS && small
                    ? "met"
                    : String.join(
                                    "; ",
                                    p95 < PAGE_LIMIT_MILLIS ? "" : "p95 " + under(p95, PAGE_LIMIT_MILLIS),
                                    small ? "" : "size missed")
                            .replaceAll("^; |; $", "");
            report.row(new BenchmarkReport.Row(
                    page.page().id(),
                    "page: " + page.page().name() + ", `"
                            + page.page().path().replace(caseId, "{id}").replace(longCase, "{long}") + "`",
                    conditions,
                    String.format(
                            Locale.ROOT,
                            "HTTP %d; p95 %s; %s KB with %d assets (page %s KB)",
                            page.status(),
                            millis(p95),
                            kilobytes(page.totalBytes()),
                            page.assets(),
                            kilobytes(page.pageBytes())),
                    millis(page.latencies().millis(50)),
                    millis(page.latencies().millis(99)),
                    "p95 < " + (int) PAGE_LIMIT_MILLIS + " ms, ≤ 500 KB",
                    verdict,
                    List.of(
                            page.latencies().millis(50),
                            p95,
                            page.latencies().millis(99),
                            (double) page.status(),
                            (double) page.totalBytes())));
        }
    }

    private static String kilobytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1000.0);
    }

    private void commands(EngineInstance engine, PhaseProfiler profiler, CaseDataset dataset) throws Exception {
        CommandWorkload.OpenCases openCases = new CommandWorkload.OpenCases(dataset.openCases());
        List<CommandChannel> channels = List.of(
                CommandChannel.gateway(engine.bean(CommandGateway.class)),
                CommandChannel.http(new CaseEngineHttpClient(engine.port())));
        prime(engine, channels.get(0), openCases);
        try (PostgresCeiling ceiling = new PostgresCeiling(engine)) {
            for (int concurrency : settings.concurrencies()) {
                PhaseProfiler.Running inserting = profiler.start("a ceiling ×" + concurrency, false);
                ClosedLoop.Result raw = ceiling.measure(concurrency, settings.warmup(), settings.ceilingWindow());
                report.profile(inserting.stop());
                countErrors(raw);
                report.row(new BenchmarkReport.Row(
                        "a/" + concurrency,
                        "PostgreSQL ceiling: INSERT + COMMIT of an " + "event row (" + ceiling.averagePayloadBytes()
                                + " B payload on average)",
                        concurrency + " connection" + (concurrency > 1 ? "s" : "") + ", " + seconds(window(raw)),
                        perSecond(raw.perSecond(), "rows"),
                        millis(raw.latencies().millis(50)),
                        millis(raw.latencies().millis(99)),
                        "",
                        "",
                        List.of(
                                raw.perSecond(),
                                raw.latencies().millis(50),
                                raw.latencies().millis(99))));
                for (CommandChannel channel : channels) {
                    commandLoad(engine, profiler, channel, concurrency, openCases, raw);
                }
                writeSideAlone(engine, profiler, channels.get(0), concurrency, openCases, raw);
                appendAlone(engine, profiler, concurrency, openCases, raw);
            }
        }
        report.note("Open cases of the dataset picked up again by (b): " + count(openCases.taken()) + " of "
                + count(dataset.openCases().size()) + " kept.");
    }

    private void commandLoad(
            EngineInstance engine,
            PhaseProfiler profiler,
            CommandChannel channel,
            int concurrency,
            CommandWorkload.OpenCases openCases,
            ClosedLoop.Result ceiling)
            throws Exception {
        String phase = "b " + channel.name() + " ×" + concurrency;
        ProjectionLag.Result lags;
        ClosedLoop.Result load;
        ViewBacklogGate gate = engine.bean(ViewBacklogGate.class);
        ViewBacklogGate.Held heldBefore = gate.held();
        try (ProjectionLag lag = new ProjectionLag(engine.connect())) {
            PhaseProfiler.Running running = profiler.start(phase, settings.jfr());
            load = ClosedLoop.run(
                    "bench-" + channel.name().toLowerCase() + "-" + concurrency,
                    concurrency,
                    settings.warmup(),
                    settings.commandWindow(),
                    worker -> new CommandWorker(
                            channel,
                            new CommandWorkload(
                                    settings.seed() * 31
                                            + concurrency * 1_000L
                                            + worker
                                            + (channel.name().equals("HTTP") ? 500 : 0),
                                    openCases),
                            lag));
            report.profile(running.stop());
            lags = lag.finish(LAG_PATIENCE);
        }
        ViewBacklogGate.Held held = gate.held();
        long heldCommands = held.commands() - heldBefore.commands();
        String heldBack = heldCommands == 0
                ? "no command waited for the views"
                : count(heldCommands) + " commands waited for the views, "
                        + millis((held.waited().toNanos() - heldBefore.waited().toNanos()) / 1e6 / heldCommands)
                        + " on average";
        countErrors(load);
        double ratio = load.perSecond() / ceiling.perSecond();
        String clients = concurrency + (channel.name().equals("HTTP") ? " HTTP client" : " thread")
                + (concurrency > 1 ? "s" : "") + ", " + seconds(window(load));
        report.row(new BenchmarkReport.Row(
                "b/" + channel.name() + "/" + concurrency,
                "commands through " + (channel.name().equals("HTTP") ? "the HTTP API" : "Axon's command gateway"),
                clients,
                perSecond(load.perSecond(), "commands") + " (" + percent(ratio) + " of (a))",
                millis(load.latencies().millis(50)),
                millis(load.latencies().millis(99)),
                "≥ 50 % of (a)",
                atLeast(ratio, COMMAND_TARGET),
                List.of(
                        load.perSecond(),
                        load.latencies().millis(50),
                        load.latencies().millis(99))));
        double lagP99 = lags.lags().millis(99);
        report.row(new BenchmarkReport.Row(
                "e/" + channel.name() + "/" + concurrency,
                "projection lag: command "
                        + "acknowledged → visible in `case_view` (polled every "
                        + ProjectionLag.POLL_INTERVAL.toMillis()
                        + " ms)",
                "under (b) " + channel.name() + " ×" + concurrency + ", "
                        + count(lags.lags().count())
                        + " commands"
                        + (lags.notVisibleInTime() > 0
                                ? ", " + lags.notVisibleInTime() + " not visible after " + LAG_PATIENCE.toSeconds()
                                        + " s"
                                : "")
                        + " (" + heldBack + ", warm-up included)",
                "",
                millis(lags.lags().millis(50)),
                millis(lagP99),
                "p99 < 1 s",
                under(lagP99, LAG_LIMIT_MILLIS),
                List.of(lags.lags().millis(50), lagP99)));
    }

    /**
     * Before (b), the workload runs on one thread for one warm-up period, then every projection catches up. The first
     * events dated in a calendar year the store has not seen make the activity report carry every open family into
     * that year (set-wise statements over every case: seconds of PostgreSQL, once a year); without this, the first
     * window of (b) would measure that yearly step rather than the sustained load.
     */
    private void prime(EngineInstance engine, CommandChannel gateway, CommandWorkload.OpenCases openCases)
            throws Exception {
        long start = System.nanoTime();
        ClosedLoop.Result primed = ClosedLoop.run(
                "bench-prime",
                1,
                Duration.ZERO,
                settings.warmup(),
                worker -> new CommandWorker(
                        gateway, new CommandWorkload(settings.seed() * 41 + worker, openCases), null));
        countErrors(primed);
        awaitProjectionsCaughtUp(engine);
        report.note("Before (b): " + count(primed.operations()) + " commands sent on one thread, then every "
                + "projection caught up, in " + seconds((System.nanoTime() - start) / 1e9) + " (the activity "
                + "report's yearly step, carrying open families into the commands' calendar year, included).");
    }

    private void awaitProjectionsCaughtUp(EngineInstance engine) throws SQLException {
        long last;
        try (Connection connection = engine.connect();
                Statement statement = connection.createStatement();
                ResultSet head = statement.executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            head.next();
            last = head.getLong(1);
        }
        for (StreamingEventProcessor projection : engine.projectionProcessors()) {
            Replay.awaitCaughtUp(projection, last, CATCH_UP_PATIENCE);
        }
    }

    /**
     * Diagnostic: the gateway's load with the read models' processors paused, so that the commands have the machine
     * to themselves; the difference with (b) is what projecting costs the commands on two cores.
     */
    private void writeSideAlone(
            EngineInstance engine,
            PhaseProfiler profiler,
            CommandChannel gateway,
            int concurrency,
            CommandWorkload.OpenCases openCases,
            ClosedLoop.Result ceiling)
            throws Exception {
        ClosedLoop.Result load = withProjectionsPaused(
                engine,
                profiler,
                "gateway, projections paused",
                "bench-alone-",
                concurrency,
                worker -> new CommandWorker(
                        gateway,
                        new CommandWorkload(settings.seed() * 37 + concurrency * 1_000L + worker, openCases),
                        null));
        diagnosticRow(
                "b/gateway-alone/",
                "diagnostic: commands through the gateway with the four projections paused " + "(the write side alone)",
                "commands",
                concurrency,
                load,
                ceiling);
    }

    /**
     * Diagnostic: Axon's append alone — the request of a new family appended in a transaction of its own through the
     * app's {@link EventStorageEngine} (serialiser, insert, read-back and case link of the hash chain, the store
     * chain's sealer after commit), with the projections paused. What any command storing one event pays at least,
     * without loading a case, a command handler or Axon's unit of work (the new cases are ordinary requests).
     */
    private void appendAlone(
            EngineInstance engine,
            PhaseProfiler profiler,
            int concurrency,
            CommandWorkload.OpenCases openCases,
            ClosedLoop.Result ceiling)
            throws Exception {
        EventStorageEngine storage = engine.bean(EventStorageEngine.class);
        ClosedLoop.Result load =
                withProjectionsPaused(engine, profiler, "Axon's append alone", "bench-append-", concurrency, worker -> {
                    CommandWorkload requests =
                            new CommandWorkload(settings.seed() * 43 + concurrency * 1_000L + worker, openCases);
                    return window -> storage.appendEvents(List.of(new GeneratedEvent(
                                    UUID.randomUUID().toString(),
                                    0,
                                    requests.newRequest(),
                                    "benchmark",
                                    UUID.randomUUID().toString(),
                                    UUID.randomUUID().toString())
                            .toMessage()));
                });
        diagnosticRow(
                "b/append-alone/",
                "diagnostic: one event (a new family's request) appended per transaction "
                        + "through the app's Axon storage engine, hash chain included; no command, projections paused",
                "events",
                concurrency,
                load,
                ceiling);
    }

    /** A closed loop with the read models' processors paused, profiled; the processors then catch up. */
    private ClosedLoop.Result withProjectionsPaused(
            EngineInstance engine,
            PhaseProfiler profiler,
            String phase,
            String threads,
            int concurrency,
            IntFunction<ClosedLoop.Worker> workers)
            throws Exception {
        List<StreamingEventProcessor> projections = engine.projectionProcessors();
        projections.forEach(StreamingEventProcessor::shutDown);
        PhaseProfiler.Running running = profiler.start("diagnostic: " + phase + " ×" + concurrency, false);
        ClosedLoop.Result load = ClosedLoop.run(
                threads + concurrency, concurrency, settings.warmup(), settings.commandWindow(), workers);
        report.profile(running.stop());
        projections.forEach(StreamingEventProcessor::start);
        awaitProjectionsCaughtUp(engine);
        countErrors(load);
        return load;
    }

    private void diagnosticRow(
            String id,
            String measure,
            String unit,
            int concurrency,
            ClosedLoop.Result load,
            ClosedLoop.Result ceiling) {
        report.row(new BenchmarkReport.Row(
                id + concurrency,
                measure,
                concurrency + " thread" + (concurrency > 1 ? "s" : "") + ", " + seconds(window(load)),
                perSecond(load.perSecond(), unit) + " (" + percent(load.perSecond() / ceiling.perSecond()) + " of (a))",
                millis(load.latencies().millis(50)),
                millis(load.latencies().millis(99)),
                "",
                "",
                List.of(
                        load.perSecond(),
                        load.latencies().millis(50),
                        load.latencies().millis(99))));
    }

    private void startup(Path data) throws Exception {
        Startup.Measured warm = Startup.inThisJvm(data, settings.tuning());
        report.row(new BenchmarkReport.Row(
                "f/ready",
                "start-up to ready: a new Spring context in the benchmark's " + "JVM (warm classes)",
                count(warm.storedEvents()) + " events in the store",
                seconds(warm.toReady().toNanos() / 1e9),
                "",
                "",
                "< 20 s",
                under(warm.toReady().toMillis(), STARTUP_LIMIT_MILLIS),
                List.of(warm.toReady().toNanos() / 1e9)));
        report.row(new BenchmarkReport.Row(
                "f/caught-up",
                "… until case-views has handled the last event",
                "tokens were at the last event when the app stopped: nothing to catch up",
                seconds(warm.toCaughtUp().toNanos() / 1e9),
                "",
                "",
                "",
                "",
                List.of(warm.toCaughtUp().toNanos() / 1e9)));
        if (settings.coldStart()) {
            Duration cold = Startup.inNewJvm(
                    data, settings.tuning(), settings.directory().resolve("cold-start.log"));
            report.row(new BenchmarkReport.Row(
                    "f/cold",
                    "start-up to ready: `java -cp … CaseEngineApplication` in a "
                            + "new JVM, until `/actuator/health` answers UP",
                    count(warm.storedEvents()) + " events in the store",
                    seconds(cold.toNanos() / 1e9),
                    "",
                    "",
                    "< 20 s",
                    under(cold.toMillis(), STARTUP_LIMIT_MILLIS),
                    List.of(cold.toNanos() / 1e9)));
        }
    }

    private BenchmarkReport.Row latencyRow(
            String id, String measure, String conditions, Latencies latencies, double limitMillis) {
        double p99 = latencies.millis(99);
        return new BenchmarkReport.Row(
                id,
                measure,
                conditions,
                "",
                millis(latencies.millis(50)),
                millis(p99),
                "p99 < " + (int) limitMillis + " ms",
                under(p99, limitMillis),
                List.of(latencies.millis(50), p99));
    }

    private void countErrors(ClosedLoop.Result result) {
        errors += result.errors();
        if (result.errors() > 0) {
            report.note(result.name() + ": " + result.errors() + " failed operations, e.g. "
                    + String.join(" / ", result.errorSamples()));
        }
    }

    private static double window(ClosedLoop.Result result) {
        return result.window().toNanos() / 1e9;
    }

    private String mix() {
        long total = commandMix.values().stream().mapToLong(LongAdder::sum).sum();
        return new TreeMap<>(commandMix)
                .entrySet().stream()
                        .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> entry) ->
                                        entry.getValue().sum())
                                .reversed())
                        .map(entry ->
                                entry.getKey() + " " + percent(entry.getValue().sum() / (double) Math.max(1, total)))
                        .collect(Collectors.joining(", "));
    }

    private void prepareDirectory() throws IOException {
        if (Files.exists(settings.directory())) {
            try (Stream<Path> paths = Files.walk(settings.directory())) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(settings.directory());
    }

    private void describeMachine() throws IOException {
        report.context("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .findFirst()
                .map(l -> l.replaceAll("\\D+", ""))
                .map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GiB")
                .orElse("?");
        report.context(
                "machine",
                Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), " + memory
                        + ", Linux " + System.getProperty("os.version") + ", load average at start "
                        + Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        report.context(
                "JVM",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
                        + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MiB");
        report.context(
                "app arguments under test",
                settings.tuning().isEmpty() ? "none (application.yml as is)" : String.join(" ", settings.tuning()));
    }

    private void describePostgres(EngineInstance engine) throws SQLException {
        try (Connection connection = engine.connect();
                Statement statement = connection.createStatement();
                ResultSet settingRows = statement.executeQuery("""
                     SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'fsync',
                         'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_wal_size', 'wal_buffers',
                         'max_connections') ORDER BY name""")) {
            StringBuilder described = new StringBuilder("embedded, same machine;");
            while (settingRows.next()) {
                described
                        .append(' ')
                        .append(settingRows.getString(1))
                        .append('=')
                        .append(settingRows.getString(2))
                        .append(settingRows.getString(3) == null ? "" : " × " + settingRows.getString(3));
            }
            report.context("PostgreSQL", described.toString());
        }
    }

    /** Sends the workload's commands one after another and reports each acknowledgement to the lag probe. */
    private final class CommandWorker implements ClosedLoop.Worker {

        private final CommandChannel channel;
        private final CommandWorkload workload;
        private final ProjectionLag lag;

        CommandWorker(CommandChannel channel, CommandWorkload workload, ProjectionLag lag) {
            this.channel = channel;
            this.workload = workload;
            this.lag = lag;
        }

        @Override
        public void runOnce(ClosedLoop.Window window) {
            WorkloadCommand command = workload.next();
            long before = System.nanoTime();
            CommandChannel.Stored stored;
            try {
                stored = channel.send(command);
            } catch (RuntimeException refused) {
                workload.abandonCase();
                throw refused;
            }
            long after = System.nanoTime();
            if (window.covers(before, after)) {
                if (lag != null) {
                    lag.expect(stored.caseId(), stored.version(), after);
                }
                commandMix
                        .computeIfAbsent(command.type(), type -> new LongAdder())
                        .increment();
            }
        }
    }
}
