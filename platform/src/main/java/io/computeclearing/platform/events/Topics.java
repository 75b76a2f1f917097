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

    /** Instruments listed and their status changes (expiry, final settlement), published by clearing-service. Key: instrument id. */
    public static final String CLEARING_INSTRUMENTS = "ccp.clearing.instruments.v1";

    /** Business days closed by clearing-service, with the count of trade events of the day. Key: business date. */
    public static final String CLEARING_DAYS = "ccp.clearing.days.v1";

    /** Index values published (by a provider or computed from a panel), published by settlement-service. Key: index id. */
    public static final String SETTLEMENT_INDICES = "ccp.settlement.indices.v1";

    /** Daily settlement prices and final settlements per instrument, published by settlement-service. Key: instrument id. */
    public static final String SETTLEMENT_PRICES = "ccp.settlement.prices.v1";

    /** Variation margin and final settlement cash per account, currency and business date, published by settlement-service. Key: account id. */
    public static final String SETTLEMENT_CASH = "ccp.settlement.cash.v1";

    /** End-of-day runs completed by settlement-service. Key: business date. */
    public static final String SETTLEMENT_RUNS = "ccp.settlement.runs.v1";

    /** Stress runs, default fund sizing and contributions, backtesting alerts, published by risk-service. Key: see RiskEvents. */
    public static final String RISK = "ccp.risk.v1";

    private Topics() {
    }
}
