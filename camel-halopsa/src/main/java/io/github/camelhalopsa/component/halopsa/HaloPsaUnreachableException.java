package io.github.camelhalopsa.component.halopsa;

import java.io.IOException;

import org.apache.camel.CamelException;

/**
 * HaloPSA could not be reached, after the retries the connection allows: the connection was refused, the host is
 * unknown, a connect or read timed out, or the answer broke off. Apart from {@link HaloPsaException}, which is Halo
 * answering with an error, so that a route can treat "Halo is down or unreachable" on its own, for example with
 * {@code onException(HaloPsaUnreachableException.class)}. The cause is the network failure of the last try.
 */
public class HaloPsaUnreachableException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final String call;
    private final int attempts;
    private final boolean maybeReceived;

    public HaloPsaUnreachableException(String message, String host, String call, int attempts, boolean maybeReceived,
                                       IOException cause) {
        super(message, cause);
        this.host = host;
        this.call = call;
        this.attempts = attempts;
        this.maybeReceived = maybeReceived;
    }

    /** The host the call was for, e.g. {@code yourtenant.halopsa.com}. */
    public String getHost() {
        return host;
    }

    /** The call as method and path, e.g. {@code POST /Tickets}. */
    public String getCall() {
        return call;
    }

    /** How many times the call was tried. */
    public int getAttempts() {
        return attempts;
    }

    /**
     * Whether HaloPSA may have received the request before the failure (a connection that broke after sending). A
     * POST in that state may have saved its records, so check before sending it again.
     */
    public boolean isMaybeReceived() {
        return maybeReceived;
    }
}
