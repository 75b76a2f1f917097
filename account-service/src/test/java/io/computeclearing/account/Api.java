package io.computeclearing.account;

import io.computeclearing.account.member.LegalEntityIdentifier;
import io.computeclearing.testsupport.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * Calls to the service as the back office or a member would make them. Tests share one application and one database,
 * so every member, account and security a test creates has a name of its own ({@link #unique}).
 */
public final class Api {

    /** JSON numbers read back as BigDecimal, so money is compared exactly (scale included). */
    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config().jsonConfig(
            JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().config(EXACT_NUMBERS).auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification backOffice() {
        return as(TestTokens.backOffice());
    }

    public static RequestSpecification anonymous() {
        return given().config(EXACT_NUMBERS).contentType(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public static String idempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /** A valid LEI no other test uses. */
    public static String lei() {
        return LegalEntityIdentifier.withCheckDigits("969500T" + String.format("%011d", SEQUENCE.incrementAndGet()));
    }

    /** Registers an active general clearing member named {@code name-n}; returns its id. */
    public static String registerMember(String name) {
        String id = unique(name);
        backOffice().body("""
                        {"id":"%s","legalName":"%s Clearing LLC","lei":"%s","membershipType":"GENERAL_CLEARING_MEMBER"}"""
                        .formatted(id, name, lei()))
                .post("/members").then().statusCode(201);
        return id;
    }

    /** Opens a house account for the member; returns its id. */
    public static String openAccount(String memberId, String baseCurrency) {
        return openAccount(memberId, "HOUSE", baseCurrency);
    }

    /** Opens an account of the type ({@code HOUSE}, {@code CLIENT_SEGREGATED}, ...) for the member; returns its id. */
    public static String openAccount(String memberId, String type, String baseCurrency) {
        String id = memberId + "-" + type.charAt(0) + SEQUENCE.incrementAndGet();
        backOffice().body("""
                        {"id":"%s","memberId":"%s","type":"%s","baseCurrency":"%s"}"""
                        .formatted(id, memberId, type, baseCurrency))
                .post("/accounts").then().statusCode(201);
        return id;
    }

    /** A new member with one account in the base currency; returns the account id. */
    public static String newAccount(String memberName, String baseCurrency) {
        return openAccount(registerMember(memberName), baseCurrency);
    }

    public static Response depositCash(String accountId, String key, String currency, String amount, String reference) {
        return backOffice().header("Idempotency-Key", key)
                .body("""
                        {"currency":"%s","amount":%s,"reference":"%s"}""".formatted(currency, amount, reference))
                .post("/accounts/{id}/deposits", accountId);
    }

    public static Response withdrawCash(String accountId, String key, String currency, String amount) {
        return backOffice().header("Idempotency-Key", key)
                .body("""
                        {"currency":"%s","amount":%s,"reference":"payment to member"}""".formatted(currency, amount))
                .post("/accounts/{id}/withdrawals", accountId);
    }

    public static void deposit(String accountId, String currency, String amount) {
        depositCash(accountId, idempotencyKey(), currency, amount, "wire").then().statusCode(201);
    }

    /** Defines (or re-prices) a security in the master. */
    public static void defineSecurity(String securityId, String assetType, String currency, String price) {
        backOffice().body("""
                        {"description":"%s","assetType":"%s","currency":"%s","price":%s}"""
                        .formatted(securityId, assetType, currency, price))
                .put("/collateral/securities/{id}", securityId)
                .then().statusCode(anyOf(is(200), is(201)));
    }

    public static Response moveSecurity(String accountId, String direction, String key, String securityId, String nominal) {
        return backOffice().header("Idempotency-Key", key)
                .body("""
                        {"securityId":"%s","nominal":%s,"reference":"custody instruction"}"""
                        .formatted(securityId, nominal))
                .post("/accounts/{id}/securities/" + direction, accountId);
    }

    public static void setFxRate(String base, String quote, String rate) {
        backOffice().body("{\"rate\":" + rate + "}")
                .put("/collateral/fx-rates/{base}/{quote}", base, quote)
                .then().statusCode(200);
    }
}
