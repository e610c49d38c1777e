package io.github.camelhalopsa.sandbox;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The switches of {@code GET /Actions} that the sandbox honours, read from the fields of Halo's {@code Actions}
 * schema (Halo's own rules behind them are not documented, so these readings are the sandbox's):
 * <ul>
 * <li>{@code agentonly}: "actions done by Agents": not by an end user ({@code actionby_user_id} unset or 0);</li>
 * <li>{@code excludeprivate}: "only public actions": not {@code hiddenfromuser} and not {@code private_note};</li>
 * <li>{@code excludesys}: not a system action ({@code action_systemid} unset or 0);</li>
 * <li>{@code conversationonly}: "the Agent to End User conversation": public and not a system action;</li>
 * <li>{@code importantonly}: {@code important}.</li>
 * </ul>
 */
final class ActionFilters {

    private ActionFilters() {
    }

    static Predicate<Map<String, Object>> of(Map<String, List<String>> query) {
        Predicate<Map<String, Object>> filter = action -> true;
        if (on(query, "agentonly")) {
            filter = filter.and(action -> !byEndUser(action));
        }
        if (on(query, "excludeprivate")) {
            filter = filter.and(ActionFilters::isPublic);
        }
        if (on(query, "excludesys")) {
            filter = filter.and(action -> !isSystem(action));
        }
        if (on(query, "conversationonly")) {
            filter = filter.and(action -> isPublic(action) && !isSystem(action));
        }
        if (on(query, "importantonly")) {
            filter = filter.and(action -> Boolean.TRUE.equals(action.get("important")));
        }
        return filter;
    }

    static boolean byEndUser(Map<String, Object> action) {
        return SandboxData.intValue(action.get("actionby_user_id")) > 0;
    }

    private static boolean isPublic(Map<String, Object> action) {
        return !Boolean.TRUE.equals(action.get("hiddenfromuser")) && !Boolean.TRUE.equals(action.get("private_note"));
    }

    private static boolean isSystem(Map<String, Object> action) {
        return SandboxData.intValue(action.get("action_systemid")) > 0;
    }

    private static boolean on(Map<String, List<String>> query, String name) {
        return "true".equalsIgnoreCase(Responses.first(query, name));
    }
}
