package io.github.camelhalopsa.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Raw HTTP against a sandbox, the way any HaloPSA client would talk to it: no Camel in between. */
final class HaloHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HaloSandbox sandbox;
    private final String scope;
    private String token;

    HaloHttp(HaloSandbox sandbox) {
        this(sandbox, "all");
    }

    HaloHttp(HaloSandbox sandbox, String scope) {
        this.sandbox = sandbox;
        this.scope = scope;
    }

    HttpResponse<String> requestToken(String query, String form) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.authServer() + "/token" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    /** A token for the sandbox's own client, with this client's scope (all unless told). */
    String token() {
        if (token == null) {
            token = tokenFor(scope);
        }
        return token;
    }

    String tokenFor(String scope) {
        String query = sandbox.isOnPremise() ? "" : "?tenant=" + sandbox.tenant();
        HttpResponse<String> response = requestToken(query, form("grant_type", "client_credentials", "client_id",
                sandbox.clientId(), "client_secret", sandbox.clientSecret(), "scope", scope));
        if (response.statusCode() != 200) {
            throw new AssertionError("No token: " + response.statusCode() + " " + response.body());
        }
        return (String) json(response).get("access_token");
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(api(pathAndQuery, token()).GET());
    }

    HttpResponse<byte[]> getBytes(String pathAndQuery) {
        try {
            return HTTP.send(api(pathAndQuery, token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, String json) {
        return send(api(path, token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String pathAndQuery) {
        return send(api(pathAndQuery, token()).DELETE());
    }

    HttpResponse<String> send(String method, String pathAndQuery, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private HttpRequest.Builder api(String pathAndQuery, String bearer) {
        return HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) {
        return (Map<String, Object>) parse(response);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> jsonList(HttpResponse<String> response) {
        return (List<Map<String, Object>>) parse(response);
    }

    static Object parse(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), Object.class);
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }
}
