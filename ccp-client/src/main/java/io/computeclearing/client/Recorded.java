package io.computeclearing.client;

/**
 * The answer to an idempotent write: what the service holds, and whether this request recorded it (201) or found it
 * recorded by an earlier one with the same key or content (200, a replay that changed nothing).
 */
public record Recorded<T>(T value, boolean replayed) {

    public boolean created() {
        return !replayed;
    }
}
