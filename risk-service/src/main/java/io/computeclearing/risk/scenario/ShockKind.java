package io.computeclearing.risk.scenario;

/** How a shock moves a price: by a relative move, or to an absolute price. */
public enum ShockKind {
    RELATIVE, ABSOLUTE
}
