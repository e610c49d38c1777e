package io.github.camelhalopsa.sandbox;

/**
 * The sandbox refuses a write the way HaloPSA would: with an HTTP status (400 for a broken rule, 404 for a record
 * that is not there) and, where Halo sends one, a message for the caller.
 */
public class SandboxRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final boolean answeredWithMessage;

    public SandboxRejection(int status, String message) {
        this(status, message, status != 404);
    }

    private SandboxRejection(int status, String message, boolean answeredWithMessage) {
        super(message);
        this.status = status;
        this.answeredWithMessage = answeredWithMessage;
    }

    public int status() {
        return status;
    }

    /**
     * Whether Halo's answer carries the message (as {@code {"ClassName": "System.Exception", "Message": ...}}); a 404
     * and some 400s come without one (R4). The message is still here for a test that saves through
     * {@link SandboxData}.
     */
    public boolean answeredWithMessage() {
        return answeredWithMessage;
    }

    static SandboxRejection notFound(String message) {
        return new SandboxRejection(404, message);
    }

    static SandboxRejection badRequest(String message) {
        return new SandboxRejection(400, message);
    }

    /** A 400 whose answer has no message, as Halo gives for an action without its ticket_id (R4). */
    static SandboxRejection badRequestWithoutMessage(String message) {
        return new SandboxRejection(400, message, false);
    }
}
