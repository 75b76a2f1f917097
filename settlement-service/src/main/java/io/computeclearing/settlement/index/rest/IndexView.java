package io.computeclearing.settlement.index.rest;

import io.computeclearing.settlement.index.IndexDefinition;

import java.time.Instant;
import java.time.LocalTime;

/** An index definition as everyone may read it. */
public record IndexView(String id, String name, String unit, String currency, int valueScale,
                        LocalTime publicationTime, String publicationZone, String description, Instant createdAt,
                        Instant updatedAt) {

    static IndexView of(IndexDefinition index) {
        return new IndexView(index.id, index.name, index.unit, index.currency, index.valueScale,
                index.publicationTime, index.publicationZone, index.description, index.createdAt, index.updatedAt);
    }
}
