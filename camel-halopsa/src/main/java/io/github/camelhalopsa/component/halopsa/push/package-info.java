/**
 * Push: HaloPSA's outbound webhooks wake a trigger so that it polls at once, rather than at its next scheduled poll.
 * The call is a signal only; what is delivered still comes from the trigger's own poll, watermark and
 * de-duplication, so a lost or repeated call loses or repeats nothing, and the scheduled poll stays as the safety
 * net.
 * <ul>
 * <li>{@code Push} is what a consumer holds: it starts and stops the rest, and serialises every poll;</li>
 * <li>{@code PushSettings} reads and checks the push options when an endpoint is created;</li>
 * <li>{@code PushListener} answers Halo's calls on {@code webhookPath} through Camel's platform-http;</li>
 * <li>{@code WebhookCredentials} checks their Basic or Bearer credential in constant time;</li>
 * <li>{@code WakeUps} coalesces calls into polls, one at a time;</li>
 * <li>{@code TriggerEvents} is the table of Halo events each trigger needs, which
 * {@code WebhookRegistration} subscribes the trigger's webhook to through {@code POST /Webhook}.</li>
 * </ul>
 * <p>
 * Not API: the classes are public only so that the component's packages can use each other, and may change in any
 * release.
 */
package io.github.camelhalopsa.component.halopsa.push;
