package io.computeclearing.margin.span;

/**
 * The kind of account, which selects the ratio of initial to maintenance margin: exchanges ask more of speculators
 * (e.g. 1.10) than of hedgers and members (1.00).
 */
public enum AccountType {
    SPECULATOR, HEDGER, MEMBER
}
