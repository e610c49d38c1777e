package io.github.camelhalopsa.sandbox;

/**
 * The sandbox refuses a write the way HaloPSA would: with an HTTP status (400 for a broken rule, 404 for a record
 * that is not there) and a message for the caller.
 */
public class SandboxRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public SandboxRejection(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static SandboxRejection notFound(String message) {
        return new SandboxRejection(404, message);
    }

    static SandboxRejection badRequest(String message) {
        return new SandboxRejection(400, message);
    }
}
