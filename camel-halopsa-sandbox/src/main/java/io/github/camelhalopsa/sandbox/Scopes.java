package io.github.camelhalopsa.sandbox;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OAuth scopes as Halo names them ({@code all}, {@code read:tickets}, {@code edit:customers}, ...; HaloAPI's
 * {@code HaloAuth.psm1}, API notes §1.3). A token carries the requested scopes that the application was granted.
 * <p>
 * Which scope guards which collection is the sandbox's reading of the scope names (tickets, customers, assets, ...),
 * not documented by Halo: a call outside the token's scopes gets 403, as a real tenant answers when the application
 * lacks a permission.
 */
final class Scopes {

    private Scopes() {
    }

    static Set<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.trim().split("[\\s,]+")).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The requested scopes the application may have; all it was granted when it asked for none. */
    static Set<String> grant(Set<String> requested, Set<String> granted) {
        if (requested.isEmpty()) {
            return granted;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String scope : requested) {
            if (granted.contains("all") || granted.contains(scope)
                || (scope.startsWith("read:") && granted.contains("edit:" + scope.substring(5)))) {
                result.add(scope);
            }
        }
        return result;
    }

    static boolean allows(Set<String> scopes, SandboxCollection collection, boolean write) {
        if (scopes.contains("all")) {
            return true;
        }
        String area = collection.scopeArea();
        if (area == null) {
            // reference lists: any token reads them; changing them is configuration
            return !write || scopes.contains("admin");
        }
        if (scopes.contains("all:standard") || scopes.contains("edit:" + area)) {
            return true;
        }
        return !write && scopes.contains("read:" + area);
    }

    /** The scope a refused call would have needed, for the 403 message. */
    static String needed(SandboxCollection collection, boolean write) {
        String area = collection.scopeArea();
        if (area == null) {
            return write ? "admin" : "any";
        }
        return (write ? "edit:" : "read:") + area;
    }

    static String text(Set<String> scopes) {
        return String.join(" ", scopes);
    }
}
