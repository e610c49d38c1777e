package io.github.camelhalopsa.component.halopsa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Concurrent first calls on a connection that has no token yet: a fresh CamelContext, all callers released at once
 * while the token endpoint takes its time. The server counts the token requests they cause.
 */
final class ColdStart {

    record Result(int callers, int tokenRequests, int succeeded, long millis) {
    }

    private ColdStart() {
    }

    static Result run(BenchServer server, int callers) throws Exception {
        CamelContext context = new DefaultCamelContext();
        HaloPsaComponent halo = new HaloPsaComponent();
        CamelClients.configure(halo.getConfiguration(), server.baseUrl());
        context.addComponent("halopsa", halo);
        context.start();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (ProducerTemplate template = context.createProducerTemplate()) {
            Endpoint get = context.getEndpoint("halopsa:ticket?operation=get&id=" + CamelClients.TICKET_ID);
            int tokensBefore = server.tokenRequests();
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Map<?, ?>>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return template.requestBody(get, (Object) null, Map.class);
                }));
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            int succeeded = 0;
            for (Future<Map<?, ?>> call : calls) {
                if (call.get(60, TimeUnit.SECONDS).get("id") != null) {
                    succeeded++;
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Result(callers, server.tokenRequests() - tokensBefore, succeeded, millis);
        } finally {
            pool.shutdownNow();
            context.close();
        }
    }
}
