package io.github.camelhalopsa.component.halopsa.push;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers HaloPSA's webhook calls on one path through Camel's platform-http, so it runs on the application's own HTTP
 * engine. A call with the right credential is answered 204 at once and only then wakes the trigger; its payload is not
 * read, since the poll finds what changed. A call without it is answered 401 and wakes nothing. platform-http itself
 * answers 405 to other methods and 404 to other paths.
 */
final class PushListener {

    private static final Logger LOG = LoggerFactory.getLogger(PushListener.class);

    private final CamelContext context;
    private final String path;
    private final WebhookCredentials credentials;
    private final Runnable wakeUp;
    private Endpoint endpoint;
    private Consumer consumer;

    PushListener(CamelContext context, String path, WebhookCredentials credentials, Runnable wakeUp) {
        this.context = context;
        this.path = path;
        this.credentials = credentials;
        this.wakeUp = wakeUp;
    }

    void start() throws Exception {
        try {
            endpoint = context.getEndpoint("platform-http:" + path + "?httpMethodRestrict=POST");
        } catch (NoSuchEndpointException e) {
            throw new IllegalStateException("webhookPath " + path + " is served through Camel's platform-http, which is "
                                            + "not on the classpath: add camel-platform-http-vertx (camel-main), "
                                            + "camel-platform-http-starter (Spring Boot) or camel-quarkus-platform-http "
                                            + "(Quarkus)", e);
        }
        consumer = endpoint.createConsumer(this::answer);
        ServiceHelper.startService(consumer);
        if (!credentials.isRequired()) {
            LOG.warn("The HaloPSA webhook listener on {} accepts calls without a credential: anyone who can reach it can "
                     + "make the trigger poll. Set webhookUsername and webhookPassword, or webhookToken", path);
        }
        LOG.info("Listening for HaloPSA webhook calls on {} ({})", path, credentials);
    }

    void stop() {
        ServiceHelper.stopAndShutdownService(consumer);
        consumer = null;
        if (endpoint != null) {
            try {
                context.removeEndpoint(endpoint);
            } catch (Exception e) {
                LOG.debug("Could not remove the endpoint of webhook path {}: {}", path, e.getMessage());
            }
            endpoint = null;
        }
    }

    private void answer(Exchange exchange) {
        Message message = exchange.getMessage();
        WebhookCredentials.Verdict verdict = credentials.check(message.getHeader("Authorization", String.class));
        // nothing of the request goes back: platform-http would echo its headers, the credential among them
        message.removeHeaders("*");
        message.setBody(null);
        if (verdict != WebhookCredentials.Verdict.ACCEPTED) {
            LOG.warn("Refused a HaloPSA webhook call on {}: {} (401)", path,
                    verdict == WebhookCredentials.Verdict.MISSING ? "no credential of the expected scheme"
                            : "a wrong credential");
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
            message.setHeader("WWW-Authenticate", credentials.challenge());
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        // wakeUp only queues the poll: Halo gets its answer without waiting for it
        wakeUp.run();
    }
}
