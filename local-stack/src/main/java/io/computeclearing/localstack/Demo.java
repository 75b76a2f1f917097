package io.computeclearing.localstack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A short walk through the running stack with real Keycloak tokens: the back office onboards two clearing members with
 * accounts and cash collateral, then a member user looks at its own balances and fails to see the other member's
 * account. Safe to replay: existing members and accounts (409) count as done, and deposits carry fixed idempotency
 * keys, so a second start of the stack changes nothing.
 */
final class Demo {

    /** ISO 17442 LEIs with valid ISO 7064 MOD 97-10 check digits (made up for the demo, not registered entities). */
    static final String ALPHA_LEI = "549300ALPHACOMPUTE18";
    static final String BRAVO_LEI = "549300BRAVOMARKETS76";

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final PrintStream out;
    /** Amounts stay decimal: never through double. */
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String accountService;
    private final String clearingService;
    private final String settlementService;
    /** The first business day the demo trades on; the month runs from it to the front months' last trading day. */
    private final LocalDate firstBusinessDay;
    private int passed;
    private final List<String> failed = new ArrayList<>();

    /**
     * @param clearingService base URL of clearing-service, or null when it is not running
     * @param settlementService base URL of settlement-service, or null when it is not running
     */
    Demo(PrintStream out, String accountService, String clearingService, String settlementService) {
        this(out, accountService, clearingService, settlementService, LocalDate.now(ZoneOffset.UTC));
    }

    /** @param firstBusinessDay the date the demo opens and trades first (the launcher: today, UTC) */
    Demo(PrintStream out, String accountService, String clearingService, String settlementService,
         LocalDate firstBusinessDay) {
        this.firstBusinessDay = firstBusinessDay;
        this.out = out;
        this.accountService = accountService;
        this.clearingService = clearingService;
        this.settlementService = settlementService;
    }

    /** Plays the demo; returns the failed steps (empty when all passed). */
    List<String> run() {
        out.println();
        out.println("DEMO (account-service " + accountService + ", tokens from " + KeycloakServer.tokenUrl() + ")");
        String backOffice = token("backoffice", "back-office", null);
        String alice = token("alice", "member", "ALPHA");
        String bob = token("bob", "member", "BRAVO");
        String indexProvider = token("indexco", "index-provider", null);
        if (backOffice == null) {
            fail("no back-office token: the remaining steps need it");
            return summary();
        }

        create(backOffice, "/members", "member ALPHA", Map.of("id", "ALPHA", "legalName", "Alpha Compute Clearing LLC",
                "lei", ALPHA_LEI, "membershipType", "GENERAL_CLEARING_MEMBER"));
        create(backOffice, "/members", "member BRAVO", Map.of("id", "BRAVO", "legalName", "Bravo Markets Ltd",
                "lei", BRAVO_LEI, "membershipType", "DIRECT_CLEARING_MEMBER"));

        if (alice != null) {
            showOtherMemberHidden(backOffice, alice, "/members/ALPHA", "/members/BRAVO", "BRAVO's member record");
        }

        create(backOffice, "/accounts", "account ALPHA-H (HOUSE, USD)", account("ALPHA-H", "ALPHA", "HOUSE", "USD"));
        create(backOffice, "/accounts", "account ALPHA-C (CLIENT_OMNIBUS, USD)",
                account("ALPHA-C", "ALPHA", "CLIENT_OMNIBUS", "USD"));
        create(backOffice, "/accounts", "account BRAVO-H (HOUSE, USD)", account("BRAVO-H", "BRAVO", "HOUSE", "USD"));
        create(backOffice, "/accounts", "account BRAVO-CN (HOUSE, CNY)", account("BRAVO-CN", "BRAVO", "HOUSE", "CNY"));
        create(backOffice, "/accounts", "account BRAVO-S (CLIENT_SEGREGATED, USD)",
                account("BRAVO-S", "BRAVO", "CLIENT_SEGREGATED", "USD"));

        deposit(backOffice, "ALPHA-H", "demo-alpha-usd-1", "USD", "5000000.00");
        deposit(backOffice, "BRAVO-H", "demo-bravo-usd-1", "USD", "3000000.00");
        deposit(backOffice, "BRAVO-CN", "demo-bravo-cny-1", "CNY", "20000000.00");
        deposit(backOffice, "BRAVO-S", "demo-bravo-s-usd-1", "USD", "10000.00");

        if (alice != null) {
            showOwnBalances(alice);
            showOtherMemberHidden(backOffice, alice, "/accounts/ALPHA-H", "/accounts/BRAVO-H", "BRAVO's account");
        }
        if (bob != null) {
            Response own = call(bob, "GET", accountService + "/accounts/BRAVO-H", null, null);
            step(own.status() == 200, "bob (member BRAVO) reads his own account BRAVO-H", own);
        }
        if (clearingService != null) {
            showClearingLearntAccounts(backOffice);
            DemoTrades.TradingDay today = new DemoTrades(this, out, json, clearingService, firstBusinessDay)
                    .run(backOffice, alice, bob);
            if (alice != null && today.traded()) {
                showMarginArrived(backOffice, alice);
            }
            if (settlementService != null && indexProvider != null && !today.frontMonths().isEmpty()) {
                new DemoMonth(this, out, json, accountService, clearingService, settlementService, firstBusinessDay)
                        .run(today.frontMonths(), backOffice, alice, bob, indexProvider);
            }
        } else {
            out.println("  - clearing-service is not running: skipped the check that it learnt the accounts from events");
        }
        return summary();
    }

    private static Map<String, Object> account(String id, String memberId, String type, String currency) {
        return Map.of("id", id, "memberId", memberId, "type", type, "baseCurrency", currency);
    }

    /** A password-grant token for a demo user, checked for the role and member claim the services rely on. */
    private String token(String user, String role, String memberId) {
        String form = form(Map.of("client_id", "ccp-cli", "username", user, "password", user, "grant_type", "password"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(KeycloakServer.tokenUrl()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("token for " + user + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
                return null;
            }
            String token = json.readTree(response.body()).path("access_token").asText();
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            Set<String> roles = new TreeSet<>();
            claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
            String claimedMember = claims.path("member_id").asText(null);
            boolean ok = roles.contains(role) && (memberId == null ? claimedMember == null : memberId.equals(claimedMember));
            String roleNames = roles.stream().filter(r -> Set.of("back-office", "member", "risk", "admin", "index-provider").contains(r))
                    .collect(Collectors.joining(","));
            step(ok, "token for " + user + " (realm roles " + roleNames + (claimedMember == null ? ""
                    : ", member_id " + claimedMember) + ")", null);
            return token;
        } catch (IOException | RuntimeException e) {
            fail("token for " + user + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("token for " + user + ": interrupted");
            return null;
        }
    }

    private void create(String token, String path, String what, Map<String, Object> body) {
        Response response = call(token, "POST", accountService + path, body, null);
        switch (response.status()) {
            case 200, 201 -> pass("POST " + path + " " + what + ": created (" + response.status() + ")");
            case 409 -> pass("POST " + path + " " + what + ": already there (409)");
            default -> step(false, "POST " + path + " " + what, response);
        }
    }

    private void deposit(String token, String accountId, String idempotencyKey, String currency, String amount) {
        String path = "/accounts/" + accountId + "/deposits";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currency", currency);
        body.put("amount", new BigDecimal(amount));
        body.put("reference", "demo wire");
        Response response = call(token, "POST", accountService + path, body, idempotencyKey);
        String what = "POST " + path + " " + String.format("%,.2f", new BigDecimal(amount)) + " " + currency
                + " (Idempotency-Key " + idempotencyKey + ")";
        switch (response.status()) {
            case 201 -> pass(what + ": recorded (201)");
            case 200 -> pass(what + ": already recorded, replayed (200)");
            case 409 -> pass(what + ": already recorded (409)");
            default -> step(false, what, response);
        }
    }

    private void showOwnBalances(String alice) {
        Response response = call(alice, "GET", accountService + "/accounts/ALPHA-H/balances", null, null);
        step(response.status() == 200, "alice (member ALPHA) reads GET /accounts/ALPHA-H/balances", response);
        if (response.status() == 200) {
            out.println("      " + balanceSummary(response.body()));
        }
    }

    /**
     * The trades reach margin-service as position events; its SPAN requirement comes back to account-service as an
     * event. ALPHA-H holds a CNY token future in a USD account, so the back office first records a USD/CNY rate.
     */
    private void showMarginArrived(String backOffice, String alice) {
        Response fx = call(backOffice, "PUT", accountService + "/collateral/fx-rates/USD/CNY",
                Map.of("rate", new BigDecimal("7.10")), null);
        step(fx.status() == 200 || fx.status() == 201, "PUT /collateral/fx-rates/USD/CNY 7.10", fx);
        Response response = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            response = call(alice, "GET", accountService + "/accounts/ALPHA-H/balances", null, null);
            if (response.status() == 200 && requirement(response.body()).signum() > 0) {
                break;
            }
            sleep(Duration.ofSeconds(1));
        }
        boolean arrived = response != null && response.status() == 200 && requirement(response.body()).signum() > 0;
        step(arrived, "margin-service's SPAN requirement for ALPHA-H reached account-service (alice reads her balances)",
                response);
        if (arrived) {
            out.println("      " + balanceSummary(response.body()));
        }
    }

    private BigDecimal requirement(String body) {
        try {
            JsonNode value = json.readTree(body).path("marginRequirement");
            return value.isNumber() ? value.decimalValue() : BigDecimal.ZERO;
        } catch (IOException notJson) {
            return BigDecimal.ZERO;
        }
    }

    /** "collateral 5,000,000.00 USD, margin requirement 0.00, excess 5,000,000.00; holdings USD 5,000,000.00" */
    private String balanceSummary(String body) {
        try {
            JsonNode balances = json.readTree(body);
            if (!balances.has("collateralValue")) {
                return abbreviate(body);
            }
            String currency = balances.path("baseCurrency").asText("");
            List<String> holdings = new ArrayList<>();
            balances.path("holdings").forEach(h -> holdings.add(h.path("asset").asText() + " " + amount(h.path("quantity"))));
            return "collateral " + amount(balances.path("collateralValue")) + " " + currency
                    + ", margin requirement " + amount(balances.path("marginRequirement"))
                    + ", excess " + amount(balances.path("excess")) + "; holdings " + (holdings.isEmpty() ? "none" : String.join(", ", holdings));
        } catch (IOException notJson) {
            return abbreviate(body);
        }
    }

    private static String amount(JsonNode value) {
        return value.isNumber() ? String.format("%,.2f", value.decimalValue()) : value.asText("?");
    }

    /**
     * A member user sees its own member's data, and the other member's as if it did not exist: 404 for alice where
     * the back office gets 200.
     */
    private void showOtherMemberHidden(String backOffice, String alice, String ownPath, String otherPath, String what) {
        Response own = call(alice, "GET", accountService + ownPath, null, null);
        step(own.status() == 200, "alice (member ALPHA) reads her own GET " + ownPath, own);
        Response seenByBackOffice = call(backOffice, "GET", accountService + otherPath, null, null);
        if (seenByBackOffice.status() != 200) {
            step(false, "back office reads GET " + otherPath + " (needed to show that alice cannot)", seenByBackOffice);
            return;
        }
        Response seenByAlice = call(alice, "GET", accountService + otherPath, null, null);
        step(seenByAlice.status() == 404, "alice cannot see " + what + ": GET " + otherPath + " -> "
                + seenByAlice.status() + " (back office: 200)", seenByAlice.status() == 404 ? null : seenByAlice);
    }

    /** clearing-service learns accounts from account-service's events, asynchronously: poll for a while. */
    private void showClearingLearntAccounts(String backOffice) {
        Set<String> expected = Set.of("ALPHA-H", "ALPHA-C", "BRAVO-H", "BRAVO-CN", "BRAVO-S");
        Set<String> seen = new TreeSet<>();
        Response last = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            last = call(backOffice, "GET", clearingService + "/accounts", null, null);
            seen.clear();
            if (last.status() == 200) {
                try {
                    json.readTree(last.body()).forEach(a -> seen.add(a.path("id").asText(a.path("accountId").asText())));
                } catch (IOException notJson) {
                    break;
                }
                if (seen.containsAll(expected)) {
                    break;
                }
            } else if (last.status() != 503 && last.status() != -1) {
                break;
            }
            sleep(Duration.ofSeconds(1));
        }
        if (seen.containsAll(expected)) {
            pass("clearing-service learnt the accounts from account-service's events: GET /accounts lists " + seen);
        } else if (last != null && last.status() == 200) {
            fail("clearing-service GET /accounts after 20 s lists " + seen + ", expected also "
                    + expected.stream().filter(id -> !seen.contains(id)).sorted().toList());
        } else {
            step(false, "clearing-service GET /accounts (the accounts it learnt from events)", last);
        }
    }

    Response call(String token, String method, String url, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted");
        }
    }

    void step(boolean ok, String what, Response response) {
        if (ok) {
            pass(what);
        } else if (response == null) {
            fail(what);
        } else if (response.status() == -1) {
            fail(what + ": no answer (" + response.body() + ")");
        } else if (isMissingEndpoint(response)) {
            fail(what + ": HTTP " + response.status() + ", no such endpoint in the running service"
                    + " (not implemented yet, or the jar is older than the code?)");
        } else {
            fail(what + ": HTTP " + response.status() + " " + abbreviate(response.body()));
        }
    }

    /** The framework's answer for an unknown path or method, as opposed to a domain "not found". */
    private static boolean isMissingEndpoint(Response response) {
        return (response.status() == 404 || response.status() == 405)
                && (response.body().isBlank() || response.body().contains("/problems/http-40"));
    }

    void pass(String line) {
        passed++;
        out.println("  \u2713 " + line);
    }

    void fail(String line) {
        failed.add(line);
        out.println("  \u2717 " + line);
    }

    private List<String> summary() {
        if (failed.isEmpty()) {
            out.println("  \u2713 demo: all " + passed + " steps passed");
        } else {
            out.println("  \u2717 demo: " + failed.size() + " of " + (passed + failed.size()) + " steps FAILED (see \u2717 lines above)");
        }
        return List.copyOf(failed);
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "...";
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** ISO 7064 MOD 97-10 as ISO 17442 uses it: letters count A=10..Z=35, the whole number mod 97 must be 1. */
    static boolean isValidLei(String lei) {
        if (!lei.matches("[A-Z0-9]{18}[0-9]{2}")) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : lei.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    record Response(int status, String body) {
    }
}
