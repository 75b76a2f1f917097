package io.computeclearing.account.valuation;

/** A valuation needs a price or FX rate that is not there; the valuation refuses rather than guess. */
public class MissingMarketData extends RuntimeException {

    public MissingMarketData(String message) {
        super(message);
    }
}
