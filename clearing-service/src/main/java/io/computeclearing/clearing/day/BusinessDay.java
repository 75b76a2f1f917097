package io.computeclearing.clearing.day;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A clearing business date. The back office opens it; trades are cleared only into an open day; closing it (after
 * the end-of-day run) is final.
 */
@Entity
@Table(name = "business_day")
public class BusinessDay extends PanacheEntityBase {

    public enum Status { OPEN, CLOSED }

    @Id
    @Column(name = "business_date")
    public LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
