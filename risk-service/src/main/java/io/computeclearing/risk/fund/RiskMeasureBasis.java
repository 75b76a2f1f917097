package io.computeclearing.risk.fund;

/** What the pro rata part of the contributions is shared by, by configuration: an average over the sizing period. */
public enum RiskMeasureBasis {
    /** Each member group's average uncovered stress loss (its loss beyond the margin held, floored at zero). */
    AVERAGE_UNCOVERED_STRESS_LOSS,
    /** Each member's average initial margin requirement, house and clients together. */
    AVERAGE_INITIAL_MARGIN
}
