package io.github.camelhalopsa.component.halopsa.connection;

import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.CamelException;

/**
 * Holds the one token of a connection. Callers read it without locking; when it is due, the first caller fetches a
 * new one while the others wait for that same fetch (single flight), so N concurrent callers cause one token request.
 */
final class AccessTokenProvider {

    /** Fetches a fresh token from the authorisation server. */
    interface TokenSource {
        AccessToken fetch() throws CamelException;
    }

    private final TokenSource source;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken current;

    AccessTokenProvider(TokenSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    String token() throws CamelException {
        AccessToken token = current;
        if (token != null && !token.isDue(clock.instant())) {
            return token.value();
        }
        lock.lock();
        try {
            token = current;
            if (token == null || token.isDue(clock.instant())) {
                token = source.fetch();
                current = token;
            }
            return token.value();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the token that HaloPSA refused, unless another caller already replaced it: then the next {@link #token()}
     * reuses the replacement instead of fetching yet another.
     */
    void invalidate(String refused) {
        lock.lock();
        try {
            AccessToken token = current;
            if (token != null && token.value().equals(refused)) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
