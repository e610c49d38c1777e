package io.github.camelhalopsa.examples;

/**
 * Where a ticket goes: a category and a team, and the keyword that decided it (null when no rule matched).
 */
public final class Triage {

    private final String category;
    private final String team;
    private final String keyword;

    public Triage(String category, String team, String keyword) {
        this.category = category;
        this.team = team;
        this.keyword = keyword;
    }

    public String getCategory() {
        return category;
    }

    public String getTeam() {
        return team;
    }

    public String getKeyword() {
        return keyword;
    }

    @Override
    public String toString() {
        return category + " -> " + team + (keyword == null ? " (no keyword matched)" : " ('" + keyword + "')");
    }
}
