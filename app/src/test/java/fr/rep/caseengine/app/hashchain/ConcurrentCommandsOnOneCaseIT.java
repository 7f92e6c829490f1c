package fr.rep.caseengine.app.hashchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many clients sending valid commands to one case at once, through the HTTP API, as caseworkers of one team do: every
 * command is applied once, none is refused for a conflict it could not see, and the case's hash chain stays intact.
 * The interview is valid any number of times while a case is evaluated, so every one of these commands must succeed.
 */
class ConcurrentCommandsOnOneCaseIT extends EmbeddedDatabaseTest {

    private static final int CLIENTS = 16;
    private static final int COMMANDS_EACH = 50;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StoreChainSealer sealer;

    @Autowired
    StoreVerification verification;

    CaseApi api;
    String yesterday;

    @BeforeEach
    void client() {
        api = CaseApi.caseworker(http, accounts);
        yesterday = CaseApi.daysAgo(1);
    }

    @Test
    void sixteen_clients_without_if_match_each_get_their_command_applied_once_and_the_chain_stays_intact()
            throws Exception {
        String caseId = api.openCase().read("$.caseId");
        long before = eventsOf(caseId);

        List<ResponseEntity<String>> answers = all(CLIENTS, client -> {
            List<ResponseEntity<String>> mine = new ArrayList<>();
            for (int i = 0; i < COMMANDS_EACH; i++) {
                mine.add(interview(caseId, Map.of()));
            }
            return mine;
        });

        assertThat(statuses(answers))
                .as("every valid command without If-Match succeeds; the first refusal: %s", firstRefusal(answers))
                .containsExactly(entry(200, (long) CLIENTS * COMMANDS_EACH));
        assertThat(eventsOf(caseId)).as("each command applied once").isEqualTo(before + CLIENTS * COMMANDS_EACH);
        assertThat(answers)
                .extracting(
                        answer -> Long.parseLong(answer.getHeaders().getETag().replace("\"", "")))
                .as("each answer names the version its own event made")
                .containsExactlyInAnyOrderElementsOf(LongStream.range(before, before + CLIENTS * COMMANDS_EACH)
                        .boxed()
                        .toList());
        assertIntact();
    }

    @Test
    void sixteen_clients_with_the_same_if_match_get_one_success_and_fifteen_conflicts() throws Exception {
        String caseId = api.openCase().read("$.caseId");
        long before = eventsOf(caseId);
        String seen = "\"" + (before - 1) + "\"";

        List<ResponseEntity<String>> answers =
                all(CLIENTS, client -> List.of(interview(caseId, Map.of("If-Match", seen))));

        assertThat(statuses(answers))
                .as("a version seen by all is decided on once; the others must reload")
                .containsExactly(entry(200, 1L), entry(409, (long) CLIENTS - 1));
        assertThat(eventsOf(caseId)).isEqualTo(before + 1);
        assertIntact();
    }

    @Test
    void an_idempotency_key_sent_by_two_clients_at_once_is_applied_once_even_when_its_command_is_retried()
            throws Exception {
        String caseId = api.openCase().read("$.caseId");
        long before = eventsOf(caseId);
        int keysEach = 25;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CLIENTS / 2 * keysEach; i++) {
            keys.add(UUID.randomUUID().toString());
        }

        // Clients n and n + 8 send the same requests with the same keys, while the others append to the case.
        List<ResponseEntity<String>> answers = all(CLIENTS, client -> {
            List<ResponseEntity<String>> mine = new ArrayList<>();
            for (int i = 0; i < keysEach; i++) {
                mine.add(interview(caseId, Map.of("Idempotency-Key", keys.get(client % (CLIENTS / 2) * keysEach + i))));
            }
            return mine;
        });

        assertThat(statuses(answers))
                .as("the first refusal: %s", firstRefusal(answers))
                .containsExactly(entry(200, (long) CLIENTS * keysEach));
        assertThat(eventsOf(caseId)).as("each key applied once").isEqualTo(before + keys.size());
        assertThat(answers.stream()
                        .map(answer -> answer.getHeaders().getETag())
                        .distinct()
                        .count())
                .as("both senders of a key get its one answer")
                .isEqualTo(keys.size());
        assertIntact();
    }

    /** The same request every time (a resend under the same idempotency key must be the same request). */
    private ResponseEntity<String> interview(String caseId, Map<String, String> headers) {
        return api.post("/api/cases/" + caseId + "/interviews", """
                {"occurredAt": "%s", "kind": "INTERMEDIATE", "participants": ["DETAINED_PARENT"],
                 "place": "IN_DETENTION"}""".formatted(yesterday), headers);
    }

    private static Map<Integer, Long> statuses(List<ResponseEntity<String>> answers) {
        return answers.stream()
                .collect(Collectors.groupingBy(
                        answer -> answer.getStatusCode().value(), TreeMap::new, Collectors.counting()));
    }

    private static String firstRefusal(List<ResponseEntity<String>> answers) {
        return answers.stream()
                .filter(answer -> !answer.getStatusCode().is2xxSuccessful())
                .findFirst()
                .map(answer -> answer.getStatusCode().value() + " " + answer.getBody())
                .orElse("none");
    }

    /** What {@code clients} clients answered, all started together. */
    private static List<ResponseEntity<String>> all(int clients, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<ResponseEntity<String>>>> running = new ArrayList<>();
            for (int n = 0; n < clients; n++) {
                int number = n;
                running.add(pool.submit((Callable<List<ResponseEntity<String>>>) () -> {
                    start.await();
                    return client.send(number);
                }));
            }
            start.countDown();
            List<ResponseEntity<String>> answers = new ArrayList<>();
            for (Future<List<ResponseEntity<String>>> future : running) {
                answers.addAll(future.get(5, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Client {
        List<ResponseEntity<String>> send(int number) throws Exception;
    }

    private long eventsOf(String caseId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, caseId);
    }

    /** What {@code verify-store} and the verification endpoint report, after sealing what has committed. */
    private void assertIntact() {
        sealer.sealPendingBeforeVerifying();
        VerificationReport report = verification.verify(Optional.empty());
        assertThat(report.intact())
                .as(report.problems() + " problems, the first: " + report.firstBrokenLink())
                .isTrue();
    }
}
