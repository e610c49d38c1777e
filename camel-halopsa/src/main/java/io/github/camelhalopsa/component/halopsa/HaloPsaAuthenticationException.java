package io.github.camelhalopsa.component.halopsa;

/**
 * HaloPSA's authorisation server refused to issue a token (wrong client id or secret, wrong tenant, or an
 * application that is not allowed the requested scope).
 */
public class HaloPsaAuthenticationException extends HaloPsaException {

    private static final long serialVersionUID = 1L;

    public HaloPsaAuthenticationException(String message, int statusCode, String statusText, String call,
                                          String haloMessage) {
        super(message, statusCode, statusText, call, haloMessage);
    }
}
