"""Analysis over the store: dedup of reports into real-world events, dyad timelines, queries."""
