package io.github.camelhalopsa.component.halopsa;

import org.apache.camel.CamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * HaloPSA answered a call with an error. Carries the HTTP status, the call (method and path, no query) and Halo's
 * own message; never a token or secret. As an {@link HttpResponseAware} its status shows in Camel's health details.
 */
public class HaloPsaException extends CamelException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int statusCode;
    private String statusText;
    private final String call;
    private final String haloMessage;

    public HaloPsaException(String message, int statusCode, String statusText, String call, String haloMessage) {
        this(message, statusCode, statusText, call, haloMessage, null);
    }

    /** The same, with the failure that led to it, such as the JSON error of an answer that could not be read. */
    public HaloPsaException(String message, int statusCode, String statusText, String call, String haloMessage,
                            Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.statusText = statusText;
        this.call = call;
        this.haloMessage = haloMessage;
    }

    /** The failed call as method and path, e.g. {@code GET /Tickets/42}. */
    public String getCall() {
        return call;
    }

    /** Halo's own error text, as far as it could be read from the answer; may be null. */
    public String getHaloMessage() {
        return haloMessage;
    }

    @Override
    public int getHttpResponseCode() {
        return statusCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.statusCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return statusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.statusText = status;
    }
}
