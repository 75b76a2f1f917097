package io.computeclearing.platform.events;

/**
 * A published event kind: the topic it goes to, its name, its payload schema version and payload class.
 * Producers and consumers use the same constant, so they cannot disagree on topic or name.
 */
public record EventType<P>(String topic, String aggregateType, String name, int schemaVersion, Class<P> payloadType) {

    public static <P> EventType<P> of(String topic, String aggregateType, String name, int schemaVersion,
                                      Class<P> payloadType) {
        return new EventType<>(topic, aggregateType, name, schemaVersion, payloadType);
    }
}
