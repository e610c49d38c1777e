package io.github.camelhalopsa.sandbox;

/**
 * What the sandbox's outbound webhooks did since start or {@link HaloSandbox#reset()}: HTTP calls sent (each repeat
 * counts), calls dropped on purpose ({@link SandboxOptions#dropEveryNthWebhookCall(int)}), and sent calls that failed
 * (no connection, a timeout, or a status of 400 or more).
 */
public record WebhookCalls(long sent, long dropped, long failed) {
}
