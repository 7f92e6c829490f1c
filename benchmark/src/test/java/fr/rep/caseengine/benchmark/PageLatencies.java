package fr.rep.caseengine.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (g) The browser pages as each role opens them: every page asked many times, one at a time on an idle engine, signed
 * in as the role. A page's server time is the time from sending the request to reading its last byte over loopback
 * (the client's own cost is a few microseconds), compressed as a browser asks; its size is the bytes transferred for
 * the page and for every stylesheet, script and image it names, each counted once, as a browser with an empty cache
 * downloads them.
 */
final class PageLatencies {

    /** A stylesheet, script or image the page makes the browser download. */
    private static final Pattern ASSET =
            Pattern.compile("<(?:script|img)\\b[^>]*\\bsrc=\"([^\"]+)\"|<link\\b[^>]*\\bhref=\"([^\"]+)\"[^>]*>");

    /** One page (or download) of a role: what to measure and who asks. */
    record Page(String id, String name, String account, String path) {}

    /** What was measured of a page. */
    record Measured(Page page, Latencies latencies, int status, long pageBytes, long assetBytes, int assets) {

        long totalBytes() {
            return pageBytes + assetBytes;
        }
    }

    private final CaseEngineHttpClient client;

    PageLatencies(CaseEngineHttpClient client) {
        this.client = client;
    }

    /** Each page asked {@code requests} times after a tenth as many of warm-up; the first answer gives the sizes. */
    List<Measured> measure(List<Page> pages, int requests) {
        List<Measured> measured = new ArrayList<>();
        for (Page page : pages) {
            CaseEngineHttpClient.Fetched first = client.page(page.path(), page.account());
            Map<String, Long> assets = assets(first);
            for (int i = 1; i < Math.max(1, requests / 10); i++) {
                client.page(page.path(), page.account());
            }
            Latencies latencies = new Latencies();
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                CaseEngineHttpClient.Fetched fetched = client.page(page.path(), page.account());
                latencies.record(System.nanoTime() - start);
                if (fetched.status() != first.status()) {
                    throw new IllegalStateException(
                            page.path() + " answered " + fetched.status() + " after " + first.status());
                }
            }
            measured.add(new Measured(
                    page,
                    latencies,
                    first.status(),
                    first.bytes().length,
                    assets.values().stream().mapToLong(Long::longValue).sum(),
                    assets.size()));
        }
        return measured;
    }

    /** The assets an HTML page names, each with the bytes it took to download it. */
    private Map<String, Long> assets(CaseEngineHttpClient.Fetched page) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        if (!page.contentType().startsWith("text/html")) {
            return sizes;
        }
        Matcher asset = ASSET.matcher(page.text());
        while (asset.find()) {
            String path = asset.group(1) != null ? asset.group(1) : asset.group(2);
            String tag = asset.group();
            boolean downloaded = asset.group(1) != null || tag.contains("stylesheet") || tag.contains("icon");
            if (downloaded && path.startsWith("/") && !sizes.containsKey(path)) {
                CaseEngineHttpClient.Fetched fetched = client.page(path.replace("&amp;", "&"), null);
                if (fetched.status() != 200) {
                    throw new IllegalStateException(path + " answered " + fetched.status());
                }
                sizes.put(path, (long) fetched.bytes().length);
            }
        }
        return sizes;
    }
}
