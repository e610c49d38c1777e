package io.github.camelhalopsa.component.halopsa.connection;

import java.time.Duration;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import org.apache.camel.CamelException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of one HaloPSA connection: can it get a token and make a call? Shows a misconfigured tenant (wrong
 * secret, tenant or host, an application without permission) in Camel's health output at startup, like the
 * reference integration's validation of a connection on save.
 * <p>
 * It spends as little of Halo's rate budget as it can. A call the routes made recently is proof enough; so is a
 * closed rate limit gate (Halo answered, just not now). Otherwise it sends one {@code GET /Agent/me}, without
 * retries, and reuses a failed probe's result for a while, so a readiness probe polled every few seconds costs at
 * most one request a minute.
 */
public final class HaloPsaConnectionHealthCheck implements HealthCheck {

    /** A success this recent (a route's call or a probe) makes the connection ready without a call. */
    static final Duration FRESH = Duration.ofSeconds(60);
    /** A failed probe is repeated no sooner than this. */
    static final Duration RECHECK_AFTER_FAILURE = Duration.ofSeconds(15);
    static final HaloRequest PROBE = HaloRequest.get("/Agent/me", null);

    private final HaloPsaConnection connection;
    private final String id;
    private volatile boolean enabled = true;
    private Result lastFailure;
    private long lastFailureNanos;

    public HaloPsaConnectionHealthCheck(HaloPsaConnection connection, String id) {
        this.connection = connection;
        this.id = id;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Readiness only: a HaloPSA outage is no reason for a platform to restart the application. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public synchronized Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.detail(CHECK_KIND, Kind.READINESS.name());
        builder.detail("halopsa.url", connection.settings().apiBase().toString());
        String tokenEndpoint = connection.tokenEndpoint();
        if (tokenEndpoint != null) {
            builder.detail("halopsa.token.url", tokenEndpoint);
        }
        if (!enabled) {
            return builder.message("Disabled").detail(CHECK_ENABLED, false).unknown().build();
        }
        Duration paused = connection.rateLimitedFor();
        if (!paused.isZero()) {
            return builder.up().message("HaloPSA answered 429 (rate limit reached); calls wait another "
                                        + paused.toSeconds() + " s").build();
        }
        Duration since = connection.sinceLastSuccess();
        if (since != null && since.compareTo(FRESH) < 0) {
            return builder.up().message("HaloPSA answered a call " + since.toSeconds() + " s ago").build();
        }
        if (lastFailure != null && System.nanoTime() - lastFailureNanos < RECHECK_AFTER_FAILURE.toNanos()) {
            return lastFailure;
        }
        if (!connection.budgetHasRoom()) {
            return builder.up().message("The routes use the whole request budget (rateLimit or requestLimiter); not probing").build();
        }
        try {
            connection.send(PROBE, 0);
            lastFailure = null;
            return builder.up().message("HaloPSA issued a token and answered " + PROBE.describe()).build();
        } catch (CamelException e) {
            builder.down().error(e).message(e.getMessage());
            if (e instanceof HaloPsaException halo) {
                builder.detail(HTTP_RESPONSE_CODE, halo.getHttpResponseCode());
            }
            lastFailure = builder.build();
            lastFailureNanos = System.nanoTime();
            return lastFailure;
        }
    }
}
