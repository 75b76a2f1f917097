package io.computeclearing.platform.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A clearing member's standing as account-service last published it. Kept apart from its accounts so that an account
 * opened after its member was suspended starts out suspended with it.
 */
@Entity
@Table(name = "known_member")
public class KnownMember {

    /**
     * DEFAULTED: risk-service declared the member in default; it stays so. Its accounts take no new business and its
     * positions are left to default management, but they are still margined and settled.
     */
    public enum Status { ACTIVE, SUSPENDED, DEFAULTED }

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
