package io.computeclearing.client;

import java.net.URI;

/** The five services, each owning its part of the API. */
public enum Service {
    ACCOUNT, CLEARING, MARGIN, SETTLEMENT, RISK;

    /** This service's base URL among the endpoints. */
    public URI baseUrl(ClearingHouseEndpoints endpoints) {
        return switch (this) {
            case ACCOUNT -> endpoints.accountService();
            case CLEARING -> endpoints.clearingService();
            case MARGIN -> endpoints.marginService();
            case SETTLEMENT -> endpoints.settlementService();
            case RISK -> endpoints.riskService();
        };
    }
}
