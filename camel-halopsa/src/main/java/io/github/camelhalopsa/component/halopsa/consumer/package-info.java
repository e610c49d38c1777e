/**
 * The New Ticket Record trigger ({@code from("halopsa:ticket")}): {@code NewTicketConsumer} polls,
 * {@code NewTicketFinder} asks Halo for tickets past the watermark, {@code TicketWatermark} and
 * {@code TicketStateStore} remember what was delivered across restarts, {@code StateRepositoryLeases} keeps two
 * routes from sharing one state, {@code PollFailureLog} reports failed polls once.
 * <p>
 * Not API: the classes are public only so that the component's packages can use each other, and may change in any
 * release.
 */
package io.github.camelhalopsa.component.halopsa.consumer;
