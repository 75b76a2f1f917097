package io.computeclearing.risk.defaults;

/** Why a member is proposed for default. */
public enum DefaultReason {
    /** A margin call escalated unmet past its deadline. */
    MISSED_MARGIN_CALL,
    /** A default fund contribution call escalated unmet past its deadline. */
    MISSED_CONTRIBUTION_CALL,
    /** The member, or its parent, is insolvent. */
    INSOLVENCY,
    /** A regulator or the exchange ordered it. */
    REGULATOR
}
