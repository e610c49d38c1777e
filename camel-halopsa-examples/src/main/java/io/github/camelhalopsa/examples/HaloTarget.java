package io.github.camelhalopsa.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the examples run: a real HaloPSA tenant when {@code HALOPSA_CLIENT_ID}, {@code HALOPSA_CLIENT_SECRET} and
 * {@code HALOPSA_RESOURCE_SERVER} are set (application.properties reads them, with {@code HALOPSA_TENANT},
 * {@code HALOPSA_AUTH_SERVER} and {@code HALOPSA_ON_PREMISE}), or a sandbox on loopback when none of them is.
 */
final class HaloTarget {

    static final List<String> REQUIRED = List.of("HALOPSA_CLIENT_ID", "HALOPSA_CLIENT_SECRET", "HALOPSA_RESOURCE_SERVER");

    private final boolean sandbox;
    private final String description;

    private HaloTarget(boolean sandbox, String description) {
        this.sandbox = sandbox;
        this.description = description;
    }

    /**
     * @throws IllegalArgumentException when only some of the required variables are set, naming the missing ones
     */
    static HaloTarget fromEnvironment(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (missing.size() == REQUIRED.size()) {
            return new HaloTarget(true, "the HaloPSA sandbox");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("To run against your HaloPSA tenant set all of " + REQUIRED
                                               + " (and HALOPSA_TENANT for a Halo-hosted instance); missing: " + missing
                                               + ". To run against the sandbox instead, set none of them.");
        }
        String tenant = env.get("HALOPSA_TENANT");
        // names the instance only: the client id and secret are credentials
        return new HaloTarget(false, "the HaloPSA tenant at " + env.get("HALOPSA_RESOURCE_SERVER")
                                     + (tenant == null || tenant.isBlank() ? "" : " (tenant " + tenant + ")"));
    }

    boolean isSandbox() {
        return sandbox;
    }

    @Override
    public String toString() {
        return description;
    }
}
