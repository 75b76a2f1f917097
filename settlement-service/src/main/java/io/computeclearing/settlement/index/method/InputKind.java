package io.computeclearing.settlement.index.method;

/** The kind of a panel observation, highest in the input hierarchy first. */
public enum InputKind {
    /** A price actually paid: a completed rental or a billed token volume. */
    TRANSACTION,
    /** A price offered: a listed on-demand rate or a list price, used only when too few providers transacted. */
    LISTING
}
