package io.computeclearing.clearing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A clearing member's standing as account-service last published it. A suspended member's accounts take no new
 * trades, including accounts opened after the suspension.
 */
@Entity
@Table(name = "clearing_member")
public class ClearingMember extends PanacheEntityBase {

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
