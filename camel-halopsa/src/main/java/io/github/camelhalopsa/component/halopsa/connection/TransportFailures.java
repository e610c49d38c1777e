package io.github.camelhalopsa.component.halopsa.connection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.RequestAbortedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Sorts the network failures of a call by what they prove about HaloPSA having seen it.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * True when the request provably never left: no connection could be made (refused, connect timeout, no route, an
     * unknown host) or none came free in the pool. Only such a failure lets a POST be repeated, because only then can
     * Halo not have created anything.
     */
    static boolean neverSent(IOException failure) {
        return failure instanceof ConnectException
               || failure instanceof ConnectTimeoutException
               || failure instanceof ConnectionRequestTimeoutException
               || failure instanceof NoRouteToHostException
               || failure instanceof UnknownHostException;
    }

    /**
     * False for failures that the same call will meet again (a certificate Java does not trust) or that the caller
     * asked for (an interrupt): repeating those only delays the error.
     */
    static boolean worthRepeating(IOException failure) {
        return !(failure instanceof SSLHandshakeException || failure instanceof SSLPeerUnverifiedException
                 || failure instanceof RequestAbortedException || Thread.currentThread().isInterrupted());
    }

    /** The failure as a user reads it: the exception's simple name and message. */
    static String describe(IOException failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
