package io.github.camelhalopsa.component.halopsa.connection;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import io.github.camelhalopsa.component.halopsa.HaloPsaRequestLimiter;
import io.github.camelhalopsa.component.halopsa.HaloPsaUnreachableException;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the calls of one connection through its {@link RateLimitGate} and its request limiter (a
 * {@link RollingWindowLimiter}, or the one the option requestLimiter names), and repeats those
 * that failed on the way where repeating is safe:
 * <ul>
 * <li>a 429, always: Halo refused the call before doing anything with it;</li>
 * <li>a 5xx or a network fault (reset, timeout, truncated answer), only for calls that may run twice (GET, DELETE,
 * the token request);</li>
 * <li>a POST only after a failure that proves it never left ({@link TransportFailures#neverSent}), so an add never
 * creates twice.</li>
 * </ul>
 */
final class RetryingCaller {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingCaller.class);

    /** One try at the call. */
    interface Attempt {
        /**
         * Gets what the call needs before it leaves (the token), once the rate limit gate is open and before the
         * call counts against the request budget: what the budget counts is then when requests leave.
         */
        default void prepare() throws CamelException {
        }

        HaloHttpResponse send() throws IOException, CamelException;
    }

    /** The answer a call ended with and how many tries it took. */
    record Outcome(HaloHttpResponse response, int attempts) {
    }

    private final RetryPolicy policy;
    private final RateLimitGate gate;
    private final HaloPsaRequestLimiter limiter;
    private final String host;
    private final Clock clock;

    RetryingCaller(RetryPolicy policy, RateLimitGate gate, HaloPsaRequestLimiter limiter, String host, Clock clock) {
        this.policy = policy;
        this.gate = gate;
        this.limiter = limiter;
        this.host = host;
        this.clock = clock;
    }

    /**
     * @param  call           the call as method and path, for messages
     * @param  repeatable     whether the call may run twice on Halo's side without harm
     * @param  maxRetries     how many times it may be repeated
     * @return                the last answer, which may still be an error (a 4xx, or a 429 or 5xx once the retries
     *                        are spent)
     * @throws HaloPsaUnreachableException when HaloPSA could not be reached, with what happened to the last try
     */
    Outcome call(String call, boolean repeatable, int maxRetries, Attempt attempt) throws CamelException {
        for (int tries = 1;; tries++) {
            long epoch = awaitTurn(call, attempt);
            HaloHttpResponse response;
            try {
                response = attempt.send();
            } catch (IOException e) {
                boolean safe = repeatable || TransportFailures.neverSent(e);
                if (!safe || tries > maxRetries || !TransportFailures.worthRepeating(e)) {
                    throw unreachable(call, e, tries, safe);
                }
                Duration wait = policy.afterFault(tries);
                LOG.debug("{} failed ({}); repeating it in {} ms (repeat {} of {})", call, TransportFailures.describe(e),
                        wait.toMillis(), tries, maxRetries);
                sleep(wait, call);
                continue;
            }
            if (response.status() == 429) {
                gate.refused(epoch, RetryAfter.parse(response.retryAfter(), clock));
                if (tries > maxRetries) {
                    return new Outcome(response, tries);
                }
                LOG.debug("{} -> 429; repeating it when the rate limit gate reopens (repeat {} of {})", call, tries,
                        maxRetries);
                continue;
            }
            gate.answered(epoch);
            if (repeatable && isTransient(response.status()) && tries <= maxRetries) {
                Duration retryAfter = RetryAfter.parse(response.retryAfter(), clock);
                Duration wait = retryAfter != null ? policy.capped(retryAfter) : policy.afterFault(tries);
                LOG.debug("{} -> {}; repeating it in {} ms (repeat {} of {})", call, response.status(), wait.toMillis(),
                        tries, maxRetries);
                sleep(wait, call);
                continue;
            }
            return new Outcome(response, tries);
        }
    }

    /** Server errors that a later try may not meet; 501 and 505 say the call itself is wrong. */
    private static boolean isTransient(int status) {
        return status >= 500 && status != 501 && status != 505;
    }

    private long awaitTurn(String call, Attempt attempt) throws CamelException {
        try {
            long epoch = gate.awaitOpen();
            attempt.prepare();
            limiter.acquire();
            return epoch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CamelException("Interrupted while " + call + " waited for HaloPSA's rate limit", e);
        }
    }

    private static void sleep(Duration wait, String call) throws CamelException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CamelException("Interrupted while waiting to repeat " + call, e);
        }
    }

    private HaloPsaUnreachableException unreachable(String call, IOException failure, int tries, boolean safe) {
        StringBuilder message = new StringBuilder();
        if (TransportFailures.neverSent(failure)) {
            message.append("Could not reach HaloPSA at ").append(host).append(" for ").append(call);
        } else {
            message.append("HaloPSA at ").append(host).append(" did not answer ").append(call).append(" completely");
        }
        message.append(": ").append(TransportFailures.describe(failure));
        if (tries > 1) {
            message.append(" (gave up after ").append(tries).append(" attempts)");
        }
        if (!safe) {
            message.append(". Not repeated: the request may have reached HaloPSA, and repeating a POST could save it "
                           + "twice; check HaloPSA before sending it again");
        }
        return new HaloPsaUnreachableException(message.toString(), host, call, tries,
                !TransportFailures.neverSent(failure), failure);
    }
}
