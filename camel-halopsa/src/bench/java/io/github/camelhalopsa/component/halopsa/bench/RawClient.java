package io.github.camelhalopsa.component.halopsa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * The limit: what the component does, written by hand on Apache HttpClient 5 with a token fetched once, and nothing
 * else. Answers are parsed straight from the socket's stream into the same Maps and Lists the component delivers.
 */
final class RawClient implements AutoCloseable {

    private final CloseableHttpClient http;
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final String base;
    private final String bearer;

    RawClient(String baseUrl, int poolSize) throws IOException {
        this.base = baseUrl + "/api";
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(poolSize).setMaxConnPerRoute(poolSize).build())
                .disableAutomaticRetries().disableCookieManagement()
                .build();
        this.bearer = "Bearer " + fetchToken(baseUrl);
    }

    private String fetchToken(String baseUrl) throws IOException {
        HttpPost post = new HttpPost(baseUrl + "/auth/token");
        post.setEntity(new StringEntity("grant_type=client_credentials&client_id=" + BenchServer.CLIENT_ID
                                        + "&client_secret=" + BenchServer.CLIENT_SECRET + "&scope=all",
                ContentType.APPLICATION_FORM_URLENCODED));
        return http.execute(post, response -> mapper.readTree(response.getEntity().getContent())
                .get("access_token").asText());
    }

    /** The server's ceiling: a tiny static answer, read and dropped. */
    int ping() throws IOException {
        return http.execute(authorised(base + "/Static"), response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    /** The server's ceiling for a page of 100 tickets: read and dropped, not parsed. */
    int pageBytesOnly() throws IOException {
        return http.execute(authorised(base + "/Tickets?pageinate=true&page_size=100&page_no=1"), response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> getTicket(int id) throws IOException {
        return http.execute(authorised(base + "/Tickets/" + id), response -> (Map<String, Object>) parse(response));
    }

    /** One list page, as a user would request it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> page(int pageNo, int pageSize) throws IOException {
        String uri = base + "/Tickets?pageinate=true&page_size=" + pageSize + "&page_no=" + pageNo;
        return http.execute(authorised(uri), response -> (Map<String, Object>) parse(response));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> firstPage(int pageSize) throws IOException {
        return (List<Map<String, Object>>) page(1, pageSize).get("tickets");
    }

    /** The raw paging loop: pages of 100 until record_count is reached or a page comes back short. */
    @SuppressWarnings("unchecked")
    long readAll(Consumer<Map<String, Object>> each) throws IOException {
        long seen = 0;
        for (int pageNo = 1;; pageNo++) {
            Map<String, Object> page = page(pageNo, BenchServer.PAGE_CAP);
            List<Map<String, Object>> tickets = (List<Map<String, Object>>) page.get("tickets");
            tickets.forEach(each);
            seen += tickets.size();
            Number count = (Number) page.get("record_count");
            if (tickets.size() < BenchServer.PAGE_CAP || count != null && seen >= count.longValue()) {
                return seen;
            }
        }
    }

    private HttpGet authorised(String uri) {
        HttpGet get = new HttpGet(uri);
        get.setHeader("Authorization", bearer);
        get.setHeader("Accept", "application/json");
        return get;
    }

    private Object parse(ClassicHttpResponse response) throws IOException {
        if (response.getCode() != 200) {
            throw new IOException("Unexpected " + response.getCode() + ": "
                                  + new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8));
        }
        try (InputStream in = response.getEntity().getContent()) {
            return mapper.readValue(in, Object.class);
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
