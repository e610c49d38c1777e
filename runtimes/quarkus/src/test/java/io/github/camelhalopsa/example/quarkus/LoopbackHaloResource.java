package io.github.camelhalopsa.example.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.loopback.LoopbackHalo;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A HaloPSA on loopback for the test, and the environment application.properties reads to reach it. */
public class LoopbackHaloResource implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "quarkus-client";
    static final String CLIENT_SECRET = "Quarkus-Secret+42&x";

    private LoopbackHalo halo;

    @Override
    public Map<String, String> start() {
        try {
            halo = LoopbackHalo.start(CLIENT_ID, CLIENT_SECRET)
                    .list("Agent", "[{\"id\":1,\"name\":\"Alice\"},{\"id\":2,\"name\":\"Bob\"}]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("HALOPSA_CLIENT_ID", CLIENT_ID, "HALOPSA_CLIENT_SECRET", CLIENT_SECRET,
                "HALOPSA_RESOURCE_SERVER", halo.baseUrl(), "HALOPSA_TENANT", "acme");
    }

    @Override
    public void stop() {
        if (halo != null) {
            halo.close();
        }
    }
}
