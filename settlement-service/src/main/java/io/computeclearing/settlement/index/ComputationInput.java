package io.computeclearing.settlement.index;

import io.computeclearing.settlement.index.method.InputStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An observation a computation considered, and whether it was used or why it was excluded. */
@Embeddable
public class ComputationInput {

    @Column(name = "observation_id", nullable = false)
    public Long observationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InputStatus status;

    protected ComputationInput() {
    }

    ComputationInput(Long observationId, InputStatus status) {
        this.observationId = observationId;
        this.status = status;
    }
}
