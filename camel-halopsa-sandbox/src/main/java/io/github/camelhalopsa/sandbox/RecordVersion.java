package io.github.camelhalopsa.sandbox;

/**
 * One version of a record the sandbox wrote, for a test that checks every change was seen exactly once: the
 * collection, the record's key ({@code "12"}, or {@code "12/3"} for action 3 of ticket 12, as Halo numbers actions
 * per ticket) and the change's time as the record carries it ({@code last_update}, {@code alastupdate}, ...; an
 * action's {@code datetime}).
 */
public record RecordVersion(SandboxCollection collection, String key, String changedAt) {
}
