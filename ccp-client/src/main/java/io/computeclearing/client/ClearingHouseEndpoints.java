package io.computeclearing.client;

import java.net.URI;
import java.util.Objects;

/** Where the five services answer: their base URLs, without a trailing slash. */
public record ClearingHouseEndpoints(URI accountService, URI clearingService, URI marginService,
                                     URI settlementService, URI riskService) {

    public ClearingHouseEndpoints {
        accountService = base(accountService, "accountService");
        clearingService = base(clearingService, "clearingService");
        marginService = base(marginService, "marginService");
        settlementService = base(settlementService, "settlementService");
        riskService = base(riskService, "riskService");
    }

    /** The local stack's ports: account 8081, clearing 8082, margin 8083, settlement 8084, risk 8085. */
    public static ClearingHouseEndpoints localhost() {
        return of("http://localhost:8081", "http://localhost:8082", "http://localhost:8083", "http://localhost:8084",
                "http://localhost:8085");
    }

    public static ClearingHouseEndpoints of(String accountService, String clearingService, String marginService,
                                            String settlementService, String riskService) {
        return new ClearingHouseEndpoints(URI.create(accountService), URI.create(clearingService),
                URI.create(marginService), URI.create(settlementService), URI.create(riskService));
    }

    private static URI base(URI url, String name) {
        Objects.requireNonNull(url, name);
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }
}
