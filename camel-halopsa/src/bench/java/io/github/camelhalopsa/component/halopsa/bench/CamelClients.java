package io.github.camelhalopsa.component.halopsa.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The two Camel ways to call HaloPSA, in one CamelContext: the halopsa producer, and what a user writes without it,
 * a camel-http route that puts a token fetched by hand into the Authorization header and unmarshals the JSON.
 */
final class CamelClients implements AutoCloseable {

    static final int TICKET_ID = 123;
    private static final String SINK = "benchRecordSink";

    private final CamelContext context;
    private final ProducerTemplate template;
    private final Endpoint haloGet;
    private final Endpoint haloList;
    private final Endpoint httpGet;
    private final Endpoint httpList;
    private final Endpoint haloStream;
    private final Endpoint haloSplit;
    private final Endpoint haloEager;

    CamelClients(String baseUrl, String token, int poolSize) throws Exception {
        context = new DefaultCamelContext();
        HaloPsaComponent halo = new HaloPsaComponent();
        configure(halo.getConfiguration(), baseUrl);
        context.addComponent("halopsa", halo);
        HttpComponent http = new HttpComponent();
        http.setMaxTotalConnections(poolSize);
        http.setConnectionsPerRoute(poolSize);
        context.addComponent("http", http);
        String api = baseUrl + "/api";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:http-get")
                        .setHeader("Authorization", constant("Bearer " + token))
                        .to(api + "/Tickets/" + TICKET_ID)
                        .unmarshal().json(JsonLibrary.Jackson, Map.class);
                from("direct:http-list")
                        .setHeader("Authorization", constant("Bearer " + token))
                        .to(api + "/Tickets?pageinate=true&page_size=100&page_no=1")
                        .unmarshal().json(JsonLibrary.Jackson, Map.class)
                        .transform().body(Map.class, page -> page.get("tickets"));
                from("direct:halo-split").to("halopsa:ticket?streamList=true")
                        .split(body()).streaming()
                        .process(exchange -> exchange.getProperty(SINK, StreamingBench.RecordSink.class)
                                .accept(exchange.getMessage().getBody(Map.class)));
            }
        });
        context.start();
        template = context.createProducerTemplate();
        haloGet = context.getEndpoint("halopsa:ticket?operation=get&id=" + TICKET_ID);
        haloList = context.getEndpoint("halopsa:ticket?maxResults=100");
        httpGet = context.getEndpoint("direct:http-get");
        httpList = context.getEndpoint("direct:http-list");
        haloStream = context.getEndpoint("halopsa:ticket?streamList=true");
        haloSplit = context.getEndpoint("direct:halo-split");
        haloEager = context.getEndpoint("halopsa:ticket");
    }

    static void configure(HaloPsaConfiguration configuration, String baseUrl) {
        configuration.setClientId(BenchServer.CLIENT_ID);
        configuration.setClientSecret(BenchServer.CLIENT_SECRET);
        configuration.setResourceServer(baseUrl);
    }

    Map<?, ?> haloGet() {
        return template.requestBody(haloGet, (Object) null, Map.class);
    }

    List<?> haloList() {
        return template.requestBody(haloList, (Object) null, List.class);
    }

    Map<?, ?> httpGet() {
        return template.requestBody(httpGet, (Object) null, Map.class);
    }

    List<?> httpList() {
        return template.requestBody(httpList, (Object) null, List.class);
    }

    /** The whole list through the streamed Iterator, read directly. */
    long streamAll(StreamingBench.RecordSink sink) {
        Iterator<?> records = template.requestBody(haloStream, (Object) null, Iterator.class);
        long n = 0;
        while (records.hasNext()) {
            sink.accept((Map<?, ?>) records.next());
            n++;
        }
        return n;
    }

    /** The whole list through the streamed Iterator and split(body()).streaming(). */
    long splitAll(StreamingBench.RecordSink sink) {
        long[] n = new long[1];
        StreamingBench.RecordSink counting = record -> {
            n[0]++;
            sink.accept(record);
        };
        Exchange done = template.send(haloSplit, exchange -> exchange.setProperty(SINK, counting));
        if (done.getException() != null) {
            throw new IllegalStateException("The split route failed", done.getException());
        }
        return n[0];
    }

    /** The whole list as one List. */
    List<?> eagerList() {
        return template.requestBody(haloEager, (Object) null, List.class);
    }

    long eagerAll(StreamingBench.RecordSink sink) {
        List<?> all = eagerList();
        all.forEach(record -> sink.accept((Map<?, ?>) record));
        return all.size();
    }

    CamelContext context() {
        return context;
    }

    ProducerTemplate template() {
        return template;
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.close();
    }
}
