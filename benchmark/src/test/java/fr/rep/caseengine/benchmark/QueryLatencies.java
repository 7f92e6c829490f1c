package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.Team;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Latency of the read side's GET endpoints as one caseworker's browser meets them, one request at a time on an idle
 * engine, after as many warm-up requests as a tenth of the measured ones.
 */
final class QueryLatencies {

    private static final Team[] TEAMS = Team.values();
    private static final CaseStage[] STAGES = CaseStage.values();
    private static final int CASELOAD_PAGES = 5;
    private static final int PAGE_SIZE = 20;

    private final CaseEngineHttpClient client;
    private final SplittableRandom random;

    QueryLatencies(CaseEngineHttpClient client, long seed) {
        this.client = client;
        this.random = new SplittableRandom(seed);
    }

    /** A team's caseload at one stage, one of its first pages: the case list as a caseworker opens it. */
    Latencies caseload(int requests) {
        return measure(
                requests,
                () -> client.caseList(
                        TEAMS[random.nextInt(TEAMS.length)],
                        STAGES[random.nextInt(STAGES.length)],
                        random.nextInt(CASELOAD_PAGES),
                        PAGE_SIZE));
    }

    /** A case's detail, with the names of its people decrypted from the personal-data store. */
    Latencies caseDetail(List<CaseId> cases, int requests) {
        return measure(
                requests,
                () -> client.caseDetail(cases.get(random.nextInt(cases.size())).value()));
    }

    /** The whole history of one of these cases. */
    Latencies history(List<CaseId> cases, int requests) {
        return measure(
                requests,
                () -> client.caseHistory(cases.get(random.nextInt(cases.size())).value()));
    }

    /** The caseload dashboard of the whole service. */
    Latencies caseloadDashboard(int requests) {
        return measure(requests, client::caseloadDashboard);
    }

    /** The work queue of one of these caseworkers, opened by their team manager. */
    Latencies workQueue(List<String> caseworkers, int requests) {
        return measure(requests, () -> client.workQueue(caseworkers.get(random.nextInt(caseworkers.size()))));
    }

    /** The whole service's annual report for one of these years. */
    Latencies activityReport(List<Integer> years, int requests) {
        return measure(requests, () -> client.activityReport(years.get(random.nextInt(years.size()))));
    }

    private static Latencies measure(int requests, Runnable request) {
        for (int i = 0; i < Math.max(1, requests / 10); i++) {
            request.run();
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            request.run();
            latencies.record(System.nanoTime() - start);
        }
        return latencies;
    }
}
