package io.github.camelhalopsa.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import io.github.camelhalopsa.sandbox.spec.HaloOpenApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the spec check of the most used collections' list, get and POST in the background, so that a route's
 * first calls are not the ones that wait: the first check of an operation reads its part of Halo's document, a second
 * or more of CPU for the large ones (tickets, actions). The rest is prepared on first use, as without this.
 */
final class SpecWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(SpecWarmUp.class);

    /** The collections routes use most, in the order they usually first call them. */
    private static final List<SandboxCollection> MOST_USED = List.of(SandboxCollection.ticket, SandboxCollection.action,
            SandboxCollection.client, SandboxCollection.site, SandboxCollection.contract, SandboxCollection.asset,
            SandboxCollection.item, SandboxCollection.team, SandboxCollection.agent);

    private SpecWarmUp() {
    }

    /** Starts preparing; interrupt the thread to stop early (the sandbox does when it stops). */
    static Thread startInBackground() {
        Thread thread = new Thread(SpecWarmUp::run, "halo-sandbox-spec-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    private static void run() {
        long start = System.nanoTime();
        for (SandboxCollection collection : MOST_USED) {
            for (Request request : requests(collection)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                try {
                    HaloOpenApi.get().violations(request);
                } catch (RuntimeException e) {
                    // only a head start: the request that needs this check will meet the problem and report it
                    LOG.debug("Could not prepare the spec check of {} {}: {}", request.getMethod(), request.getUrl(), e.toString());
                    return;
                }
            }
        }
        LOG.debug("Spec check prepared for {} in {} ms", MOST_USED, (System.nanoTime() - start) / 1_000_000);
    }

    private static List<Request> requests(SandboxCollection collection) {
        String path = "/api" + collection.path();
        List<Request> requests = new ArrayList<>();
        requests.add(request(RequestMethod.GET, collection.isPaged()
                ? path + "?pageinate=true&page_size=100&page_no=1" : path, null));
        requests.add(request(RequestMethod.GET, path + "/1", null));
        requests.add(request(RequestMethod.POST, path, "[{}]"));
        return requests;
    }

    private static Request request(RequestMethod method, String url, String body) {
        return new ImmutableRequest.Builder().withAbsoluteUrl("http://127.0.0.1" + url).withMethod(method)
                .withHeader("Content-Type", "application/json").withProtocol("HTTP/1.1")
                .withBody(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)).build();
    }
}
