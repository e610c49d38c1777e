package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.function.Supplier;

import org.apache.camel.CamelException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failed poll as one WARN line that says why and what happens next. Camel's default handler logs a stack trace
 * at ERROR each time; during a HaloPSA outage or a rate-limit spell that buries the one line worth reading. Failures of
 * HaloPSA or the network carry their whole story in the message, so their stack trace goes to DEBUG; anything else
 * (a bug) keeps its stack trace. Users who set exceptionHandler or bridgeErrorHandler replace this.
 */
public final class PollFailureLog implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PollFailureLog.class);

    private final String trigger;
    private final Supplier<String> context;
    private int failedPolls;

    /**
     * @param trigger the trigger's title, for example "New Ticket Record trigger"
     * @param context describes the consumer and where the next poll starts, for the log line
     */
    public PollFailureLog(String trigger, Supplier<String> context) {
        this.trigger = trigger;
        this.context = context;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        failedPolls++;
        String line = "Polling HaloPSA for the " + trigger + " failed; " + context.get() + ". Cause: " + reason(exception);
        if (exception instanceof CamelException) {
            LOG.warn(line);
            LOG.debug("Stack trace of the failed poll", exception);
        } else {
            LOG.warn(line, exception);
        }
    }

    /** Called after a poll that worked, to say so once after a run of failures. */
    public void pollSucceeded() {
        if (failedPolls > 0) {
            LOG.info("Polling HaloPSA for the {} works again after {} failed poll(s)", trigger, failedPolls);
            failedPolls = 0;
        }
    }

    /** The exception's message, followed by its causes' where they add something. */
    public static String reason(Throwable exception) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = exception; t != null && reason.length() < 2000; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (reason.indexOf(message) < 0) {
                if (reason.length() > 0) {
                    reason.append(" <- ");
                }
                reason.append(message);
            }
        }
        return reason.toString();
    }
}
