package io.github.camelhalopsa.component.halopsa.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;

/**
 * The push options of one trigger, read and checked together, so that a wrong combination fails when the endpoint is
 * created, naming the options, rather than when Halo first calls.
 *
 * @param path         where the listener is served; null when push is off
 * @param credentials  what a call must carry
 * @param registration what registerWebhook sends to Halo; null when it is off
 */
public record PushSettings(String path, WebhookCredentials credentials, Registration registration) {

    /** The webhook registerWebhook keeps in Halo. */
    public record Registration(String url, String name, List<TriggerEvents.HaloEvent> events, String username,
                               String password, String token) {
        /** The secrets stay out of logs and messages. */
        @Override
        public String toString() {
            return "webhook '" + name + "' calling " + url + " on events " + events;
        }
    }

    static final String NAME_PREFIX = "camel-halopsa ";

    private static final PushSettings OFF = new PushSettings(null, WebhookCredentials.none(), null);

    public boolean isOn() {
        return path != null;
    }

    /**
     * Checks the push options when an endpoint is created.
     *
     * @throws IllegalArgumentException as {@link #of} does
     */
    public static void check(HaloPsaConfiguration configuration, HaloPsaEntity entity, String kind) {
        of(configuration, entity, kind, "(checked only)");
    }

    /**
     * @param kind     the trigger kind ("new", "updated")
     * @param stateKey the trigger's state key, from which the webhook's default name is made
     * @throws IllegalArgumentException naming the push options that do not go together, or the one that is malformed
     */
    public static PushSettings of(HaloPsaConfiguration configuration, HaloPsaEntity entity, String kind,
                                  String stateKey) {
        String path = configuration.getWebhookPath();
        String username = configuration.getWebhookUsername();
        String password = configuration.getWebhookPassword();
        String token = configuration.getWebhookToken();
        if (path == null) {
            requireUnset(configuration);
            return OFF;
        }
        checkPath(path);
        WebhookCredentials credentials = credentials(username, password, token);
        Registration registration = null;
        if (configuration.isRegisterWebhook()) {
            registration = registration(configuration, entity, kind, stateKey);
        } else if (configuration.getWebhookUrl() != null || configuration.getWebhookName() != null
                   || configuration.getWebhookEvents() != null) {
            throw new IllegalArgumentException("webhookUrl, webhookName and webhookEvents are used by registerWebhook, "
                                               + "which is off: set registerWebhook=true for the trigger to create its "
                                               + "webhook in HaloPSA, or leave them out and set the webhook up in "
                                               + "HaloPSA by hand");
        }
        return new PushSettings(path, credentials, registration);
    }

    private static void requireUnset(HaloPsaConfiguration configuration) {
        if (configuration.getWebhookUsername() != null || configuration.getWebhookPassword() != null
            || configuration.getWebhookToken() != null || configuration.isRegisterWebhook()
            || configuration.getWebhookUrl() != null || configuration.getWebhookName() != null
            || configuration.getWebhookEvents() != null) {
            throw new IllegalArgumentException("The webhook options (webhookUsername, webhookPassword, webhookToken, "
                                               + "registerWebhook, webhookUrl, webhookName, webhookEvents) need "
                                               + "webhookPath, the path the trigger listens on for HaloPSA's calls, "
                                               + "such as webhookPath=/halo/tickets");
        }
    }

    private static void checkPath(String path) {
        boolean wellFormed = path.startsWith("/") && path.length() > 1 && !path.contains("?") && !path.contains("#")
                             && !path.contains("{") && !path.contains("}") && !path.contains("*")
                             && path.chars().noneMatch(Character::isWhitespace);
        if (!wellFormed) {
            throw new IllegalArgumentException("Invalid webhookPath '" + path + "': it must start with '/' and name at "
                                               + "least one segment, such as /halo/tickets, without a query, fragment, "
                                               + "wildcard, placeholder or whitespace");
        }
    }

    private static WebhookCredentials credentials(String username, String password, String token) {
        boolean basic = username != null || password != null;
        if (basic && token != null) {
            throw new IllegalArgumentException("webhookToken (Bearer) cannot be combined with webhookUsername and "
                                               + "webhookPassword (Basic): a HaloPSA webhook sends one of them");
        }
        if (basic) {
            if (isBlank(username) || isBlank(password)) {
                throw new IllegalArgumentException("Basic authentication of HaloPSA's webhook needs both webhookUsername "
                                                   + "and webhookPassword, neither blank; "
                                                   + (isBlank(username) ? "webhookUsername" : "webhookPassword")
                                                   + " is missing");
            }
            if (username.contains(":")) {
                throw new IllegalArgumentException("Invalid webhookUsername: Basic authentication cannot carry a user "
                                                   + "name containing ':'");
            }
            return WebhookCredentials.basic(username, password);
        }
        if (token != null) {
            if (isBlank(token) || token.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("Invalid webhookToken: a Bearer token must not be blank nor contain "
                                                   + "whitespace");
            }
            return WebhookCredentials.bearer(token);
        }
        return WebhookCredentials.none();
    }

    private static Registration registration(HaloPsaConfiguration configuration, HaloPsaEntity entity, String kind,
                                             String stateKey) {
        String url = configuration.getWebhookUrl();
        if (url == null) {
            throw new IllegalArgumentException("registerWebhook=true needs webhookUrl: the public URL HaloPSA calls to "
                                               + "reach webhookPath " + configuration.getWebhookPath() + " on this "
                                               + "application, such as https://integrations.example.com"
                                               + configuration.getWebhookPath());
        }
        String name = configuration.getWebhookName();
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("Invalid webhookName: it must not be blank");
        }
        List<TriggerEvents.HaloEvent> events = configuration.getWebhookEvents() != null
                ? TriggerEvents.parse(configuration.getWebhookEvents()) : TriggerEvents.of(entity, kind);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("registerWebhook=true on halopsa:" + entity + " (trigger " + kind
                                               + ") needs webhookEvents: the component knows no HaloPSA event for this "
                                               + "trigger. Give the event numbers of Halo's notification events to "
                                               + "subscribe to, or set the webhook up in HaloPSA by hand");
        }
        return new Registration(absoluteUrl(url), name != null ? name.trim() : NAME_PREFIX + stateKey, events,
                configuration.getWebhookUsername(), configuration.getWebhookPassword(),
                configuration.getWebhookToken());
    }

    /** The URL with https:// unless a scheme is written out, checked for what Halo needs to call it. */
    private static String absoluteUrl(String url) {
        String trimmed = url.trim();
        String withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            // not echoed: a malformed URL may still hold a credential
            throw new IllegalArgumentException("Invalid webhookUrl: use the public http(s) URL HaloPSA calls, such as "
                                               + "https://integrations.example.com/halo/tickets");
        }
        if (uri.getUserInfo() != null) {
            // a credential in the URL would be stored and shown in Halo as plain text
            throw new IllegalArgumentException("Invalid webhookUrl: it must not carry a user name or password; use "
                                               + "webhookUsername and webhookPassword or webhookToken");
        }
        return withScheme;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
