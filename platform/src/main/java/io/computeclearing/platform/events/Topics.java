package io.computeclearing.platform.events;

/** Kafka topic names. See docs/events.md for keys and payloads. */
public final class Topics {

    /** Members and accounts: registration, opening, status changes, collateral movements. Key: account or member id. */
    public static final String ACCOUNTS = "ccp.accounts.v1";

    /** Margin requirements per account and currency, published by margin-service. Key: account id. */
    public static final String MARGIN_REQUIREMENTS = "ccp.margin.requirements.v1";

    /** Cleared trades and busts, one event per leg (CCP against one account), published by clearing-service. Key: account id. */
    public static final String CLEARING_TRADES = "ccp.clearing.trades.v1";

    /** Positions per account and instrument after each change, published by clearing-service. Key: account id. */
    public static final String CLEARING_POSITIONS = "ccp.clearing.positions.v1";

    private Topics() {
    }
}
