package io.github.camelhalopsa.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The bearer tokens the sandbox has issued, with their scopes and expiry. */
final class AccessTokens {

    record Issued(Set<String> scopes, Instant expiresAt) {
    }

    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;
    private final Clock clock;

    AccessTokens(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String issue(Set<String> scopes) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, new Issued(Set.copyOf(scopes), clock.instant().plus(lifetime)));
        return token;
    }

    /** The token's grant, if the sandbox issued it and it has not expired. */
    Optional<Issued> check(String token) {
        Issued grant = token == null ? null : issued.get(token);
        if (grant == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            issued.remove(token);
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    void revokeAll() {
        issued.clear();
    }

    int count() {
        return issued.size();
    }
}
