package io.computeclearing.clearing.position;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A random stream of trades (seeded, so a failure repeats), some bad and some resubmitted, single and in batches:
 * afterwards every instrument's positions sum to zero and each account's position equals a replay of the trades that
 * were accepted, computed here independently of the service.
 */
@QuarkusTest
class NovationInvariantTest {

    private static final int TRADES = 400;

    /** Gross long and short per account and instrument, as the test expects them. */
    private final Map<String, long[]> bought = new HashMap<>();

    @Test
    void randomTradesKeepTheBookFlatAndPositionsEqualTheirReplay() {
        String a = Accounts.member("INVA");
        String b = Accounts.member("INVB");
        String c = Accounts.member("INVC");
        List<String> accounts = List.of(Accounts.open(a, "HOUSE"), Accounts.open(a, "CLIENT_OMNIBUS"),
                Accounts.open(b, "HOUSE"), Accounts.open(b, "CLIENT_SEGREGATED"), Accounts.open(c, "HOUSE"),
                Accounts.open(c, "CLIENT_OMNIBUS"));
        Set<String> omnibus = Set.of(accounts.get(1), accounts.get(5));
        Accounts.awaitTradable(accounts.toArray(String[]::new));
        Map<String, BigDecimal> ticks = Map.of(Api.listed("GH100").get(3), new BigDecimal("0.005"),
                Api.listed("GB200").get(1), new BigDecimal("0.005"), Api.listed("TKFRC").get(2), new BigDecimal("0.05"));
        List<String> instruments = List.copyOf(ticks.keySet()).stream().sorted().toList();

        Random random = new Random(20261124L);
        List<TestTrade> accepted = new ArrayList<>();
        int submitted = 0;
        while (submitted < TRADES) {
            int size = random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(40);
            List<TestTrade> batch = new ArrayList<>();
            List<Boolean> good = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (!accepted.isEmpty() && random.nextInt(20) == 0) {
                    batch.add(accepted.get(random.nextInt(accepted.size())));  // a resubmission: no effect
                    good.add(false);
                    continue;
                }
                String instrument = instruments.get(random.nextInt(instruments.size()));
                String buyer = accounts.get(random.nextInt(accounts.size()));
                String seller = accounts.get(random.nextInt(accounts.size()));
                long ticksAway = random.nextInt(1200) - 200;  // some prices negative
                BigDecimal price = ticks.get(instrument).multiply(BigDecimal.valueOf(ticksAway));
                if (random.nextInt(25) == 0) {
                    price = price.add(new BigDecimal("0.001"));  // off the grid
                }
                TestTrade trade = TestTrade.of(instrument, 1 + random.nextInt(50), price.toPlainString(), buyer, seller);
                batch.add(trade);
                good.add(!buyer.equals(seller) && trade.price().remainder(ticks.get(instrument)).signum() == 0);
            }
            List<String> statuses = submit(batch);
            for (int i = 0; i < batch.size(); i++) {
                if (good.get(i)) {
                    assertThat(statuses.get(i)).as("trade %s", batch.get(i)).isEqualTo("ACCEPTED");
                    accepted.add(batch.get(i));
                    replay(batch.get(i));
                } else {
                    assertThat(statuses.get(i)).as("trade %s", batch.get(i)).isIn("REJECTED", "DUPLICATE");
                }
            }
            submitted += size;
        }
        assertThat(accepted).hasSizeGreaterThan(TRADES * 3 / 4);

        for (String account : accounts) {
            JsonPath positions = Api.backOffice().queryParam("accountId", account).get("/positions")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, List<Long>> actual = new HashMap<>();
            for (Map<String, Object> p : positions.<Map<String, Object>>getList("$")) {
                actual.put((String) p.get("instrumentId"), List.of(number(p, "longQuantity"),
                        number(p, "shortQuantity")));
            }
            Map<String, List<Long>> expected = new HashMap<>();
            bought.forEach((key, gross) -> {
                if (key.startsWith(account + "|")) {
                    expected.put(key.substring(account.length() + 1), expectedPosition(gross, omnibus.contains(account)));
                }
            });
            assertThat(actual).as("positions of %s", account).isEqualTo(expected);
        }
        for (String instrument : instruments) {
            long sumOfOurNets = accounts.stream().mapToLong(account -> {
                long[] gross = bought.getOrDefault(account + "|" + instrument, new long[2]);
                return gross[0] - gross[1];
            }).sum();
            assertThat(sumOfOurNets).isZero();
            Api.backOffice().queryParam("instrumentId", instrument).get("/open-interest").then().statusCode(200)
                    .body("[0].netSum", org.hamcrest.Matchers.equalTo(0));
        }
    }

    private static List<String> submit(List<TestTrade> batch) {
        if (batch.size() == 1) {
            int status = Api.submit(batch.getFirst()).then().extract().statusCode();
            return List.of(status == 201 ? "ACCEPTED" : status == 200 ? "DUPLICATE" : "REJECTED");
        }
        return Api.submitBatch(batch).then().statusCode(200).extract().path("results.status");
    }

    private void replay(TestTrade trade) {
        bought.computeIfAbsent(trade.buyerAccountId() + "|" + trade.instrumentId(), k -> new long[2])[0] += trade.quantity();
        bought.computeIfAbsent(trade.sellerAccountId() + "|" + trade.instrumentId(), k -> new long[2])[1] += trade.quantity();
    }

    /** Omnibus: gross long and short; everyone else: the net, as long or short. */
    private static List<Long> expectedPosition(long[] gross, boolean keepsGross) {
        if (keepsGross) {
            return List.of(gross[0], gross[1]);
        }
        long net = gross[0] - gross[1];
        return List.of(Math.max(net, 0), Math.max(-net, 0));
    }

    private static long number(Map<String, Object> position, String field) {
        return ((Number) position.get(field)).longValue();
    }
}
