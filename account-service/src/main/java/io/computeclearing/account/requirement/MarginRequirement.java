package io.computeclearing.account.requirement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An account's latest margin requirement, as calculated by margin-service: per currency, the initial margin the
 * account must hold and the maintenance margin (the SPAN result). A newer calculation replaces every line.
 */
@Entity
@Table(name = "margin_requirement")
public class MarginRequirement extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public String accountId;

    @Column(name = "calculated_at", nullable = false)
    public Instant calculatedAt;

    /** The event the requirement came from. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "margin_requirement_line", joinColumns = @JoinColumn(name = "account_id"))
    public List<Line> lines = new ArrayList<>();

    /** Initial and maintenance margin in one currency. */
    @Embeddable
    public static class Line {

        @Column(nullable = false)
        public String currency;

        @Column(name = "initial_margin", nullable = false)
        public BigDecimal initialMargin;

        @Column(name = "maintenance_margin", nullable = false)
        public BigDecimal maintenanceMargin;

        public static Line of(String currency, BigDecimal initialMargin, BigDecimal maintenanceMargin) {
            Line line = new Line();
            line.currency = currency;
            line.initialMargin = initialMargin;
            line.maintenanceMargin = maintenanceMargin;
            return line;
        }
    }
}
