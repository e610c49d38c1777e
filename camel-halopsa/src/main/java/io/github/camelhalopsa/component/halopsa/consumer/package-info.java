/**
 * The triggers ({@code from("halopsa:...")}): {@code Triggers} picks one from the endpoint's options and makes its
 * {@code TriggerConsumer}, which polls and delivers the same way for every kind.
 * <ul>
 * <li>new records by id (the New Ticket Record trigger, and new clients, sites, assets, users): {@code NewRecordTrigger},
 * {@code NewRecordFinder} (reads newest first, checks the order Halo really used), {@code IdWatermark},
 * {@code NewRecordStart};</li>
 * <li>changes by time ({@code trigger=updated}, and new actions across tickets): {@code ChangeTrigger},
 * {@code ChangeFinder}, {@code ChangeWatermark}, {@code ChangeTime}, {@code RecordVersions};</li>
 * <li>for all: {@code TriggerStateStore} keeps the state across restarts, {@code StateRepositoryLeases} keeps two routes
 * from sharing one state, {@code PollFailureLog} reports failed polls once.</li>
 * </ul>
 * Not API: the classes are public only so that the component's packages can use each other, and may change in any
 * release.
 */
package io.github.camelhalopsa.component.halopsa.consumer;
