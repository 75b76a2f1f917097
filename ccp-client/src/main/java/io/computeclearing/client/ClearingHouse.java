package io.computeclearing.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The clearing house's REST APIs, typed: one small client per area, each calling the service that owns it. Every call
 * carries a token from the {@link TokenSource}; a refusal throws {@link ProblemException}, no answer throws
 * {@link ClearingHouseException}. Thread-safe: share one instance (and its HTTP connections) across threads.
 *
 * <pre>{@code
 * var tokens = OidcTokenSource.clientCredentials(tokenEndpoint, "alpha-system", secret);
 * var house = ClearingHouse.connect(ClearingHouseEndpoints.localhost(), tokens);
 * List<Positions.Position> mine = house.positions().list(Positions.Filter.account("ALPHA-H"));
 * }</pre>
 */
public final class ClearingHouse {

    /** How long one request may take unless the builder says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final ClearingHouseEndpoints endpoints;
    private final HttpClient http;
    private final Duration timeout;
    private final RestCalls calls;

    private ClearingHouse(ClearingHouseEndpoints endpoints, HttpClient http, TokenSource tokens, Duration timeout) {
        this.endpoints = endpoints;
        this.http = http;
        this.timeout = timeout;
        this.calls = new RestCalls(http, tokens, timeout);
    }

    public static ClearingHouse connect(ClearingHouseEndpoints endpoints, TokenSource tokens) {
        return builder(endpoints).tokens(tokens).build();
    }

    public static Builder builder(ClearingHouseEndpoints endpoints) {
        return new Builder(endpoints);
    }

    /** The same endpoints and connections with another caller's tokens (the demo acts as several users). */
    public ClearingHouse as(TokenSource tokens) {
        return new ClearingHouse(endpoints, http, Objects.requireNonNull(tokens, "tokens"), timeout);
    }

    public ClearingHouseEndpoints endpoints() {
        return endpoints;
    }

    // account-service

    public Members members() {
        return new Members(calls, endpoints.accountService());
    }

    public Accounts accounts() {
        return new Accounts(calls, endpoints.accountService());
    }

    public Collateral collateral() {
        return new Collateral(calls, endpoints.accountService());
    }

    public MarginCalls marginCalls() {
        return new MarginCalls(calls, endpoints.accountService());
    }

    // clearing-service

    public Catalogue catalogue() {
        return new Catalogue(calls, endpoints.clearingService());
    }

    public BusinessDays businessDays() {
        return new BusinessDays(calls, endpoints.clearingService());
    }

    public Trades trades() {
        return new Trades(calls, endpoints.clearingService());
    }

    public Positions positions() {
        return new Positions(calls, endpoints.clearingService());
    }

    public GiveUps giveUps() {
        return new GiveUps(calls, endpoints.clearingService());
    }

    // margin-service

    public Margin margin() {
        return new Margin(calls, endpoints.marginService());
    }

    public RiskParameters riskParameters() {
        return new RiskParameters(calls, endpoints.marginService());
    }

    // settlement-service

    public SettlementPrices settlementPrices() {
        return new SettlementPrices(calls, endpoints.settlementService());
    }

    public SettlementCycles settlementCycles() {
        return new SettlementCycles(calls, endpoints.settlementService());
    }

    public EndOfDay endOfDay() {
        return new EndOfDay(calls, endpoints.settlementService());
    }

    public Indices indices() {
        return new Indices(calls, endpoints.settlementService());
    }

    public FinalSettlements finalSettlements() {
        return new FinalSettlements(calls, endpoints.settlementService());
    }

    public Statements statements() {
        return new Statements(calls, endpoints.settlementService());
    }

    // risk-service

    public StressRuns stressRuns() {
        return new StressRuns(calls, endpoints.riskService());
    }

    /** Default cases: proposed and approved (four eyes) at risk-service. */
    public Defaults defaults() {
        return new Defaults(calls, endpoints.riskService());
    }

    /** The default fund: sized at risk-service, held and called at account-service. */
    public DefaultFund defaultFund() {
        return new DefaultFund(calls, endpoints.accountService(), endpoints.riskService());
    }

    /**
     * The accounts {@code service} learnt from account-service's events (clearing, margin, settlement or risk); for
     * account-service's own accounts see {@link #accounts()}.
     */
    public AccountDirectory accountDirectory(Service service) {
        if (service == Service.ACCOUNT) {
            throw new IllegalArgumentException("account-service owns the accounts: use accounts()");
        }
        return new AccountDirectory(calls, service.baseUrl(endpoints));
    }

    /** {@code service}'s business time, which tests and the local stack can move ({@code admin}). */
    public BusinessTime businessTime(Service service) {
        return new BusinessTime(calls, service.baseUrl(endpoints));
    }

    public static final class Builder {

        private final ClearingHouseEndpoints endpoints;
        private TokenSource tokens;
        private HttpClient http;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(ClearingHouseEndpoints endpoints) {
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        }

        public Builder tokens(TokenSource tokens) {
            this.tokens = tokens;
            return this;
        }

        /** The HTTP client to send with (its version, connect timeout, executor); a default one otherwise. */
        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        /** The longest one request may take. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public ClearingHouse build() {
            HttpClient client = http != null ? http
                    : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return new ClearingHouse(endpoints, client, Objects.requireNonNull(tokens, "tokens"), timeout);
        }
    }
}
