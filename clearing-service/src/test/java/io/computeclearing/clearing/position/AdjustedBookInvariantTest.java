package io.computeclearing.clearing.position;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A seeded random sequence of trades, busts, corrections and accepted give-ups: afterwards every instrument's positions
 * sum to zero, each account's position equals a replay of the trades still standing (computed here, independently),
 * and positions as at today, rebuilt from the legs, equal the current ones.
 */
@QuarkusTest
class AdjustedBookInvariantTest {

    private static final int OPERATIONS = 160;

    /** A trade still standing, with the accounts that hold its legs now. */
    private static final class Standing {
        final long id;
        final String instrument;
        long quantity;
        String buyer;
        String seller;

        Standing(long id, String instrument, long quantity, String buyer, String seller) {
            this.id = id;
            this.instrument = instrument;
            this.quantity = quantity;
            this.buyer = buyer;
            this.seller = seller;
        }
    }

    @Test
    void tradesBustsCorrectionsAndGiveUpsKeepTheBookFlat() {
        List<String> members = List.of(Accounts.member("ADJA"), Accounts.member("ADJB"), Accounts.member("ADJC"));
        Map<String, String> memberOf = new HashMap<>();
        List<String> accounts = new ArrayList<>();
        for (String member : members) {
            for (String type : List.of("HOUSE", "CLIENT_OMNIBUS")) {
                String account = Accounts.open(member, type);
                accounts.add(account);
                memberOf.put(account, member);
            }
        }
        Set<String> omnibus = Set.of(accounts.get(1), accounts.get(3), accounts.get(5));
        Accounts.awaitTradable(accounts.toArray(String[]::new));
        List<String> instruments = List.of(Api.listed("GH100").get(2), Api.listed("GB200").get(2));
        BigDecimal tick = new BigDecimal("0.005");

        Random random = new Random(20261124L);
        List<Standing> standing = new ArrayList<>();
        int busts = 0, corrections = 0, giveUps = 0;
        for (int i = 0; i < OPERATIONS; i++) {
            int dice = random.nextInt(10);
            if (standing.size() < 5 || dice < 6) {
                String instrument = instruments.get(random.nextInt(instruments.size()));
                String buyer = accounts.get(random.nextInt(accounts.size()));
                String seller = accounts.get(random.nextInt(accounts.size()));
                if (buyer.equals(seller)) {
                    continue;
                }
                long quantity = 1 + random.nextInt(30);
                String price = tick.multiply(BigDecimal.valueOf(random.nextInt(1000) - 100)).toPlainString();
                long id = Api.cleared(TestTrade.of(instrument, quantity, price, buyer, seller));
                standing.add(new Standing(id, instrument, quantity, buyer, seller));
            } else if (dice < 7) {
                Standing trade = standing.remove(random.nextInt(standing.size()));
                Api.bust(trade.id, "random bust").then().statusCode(200);
                busts++;
            } else if (dice < 8) {
                Standing trade = standing.remove(random.nextInt(standing.size()));
                long quantity = 1 + random.nextInt(30);
                long corrected = Api.backOffice().body("{\"quantity\":%d,\"reason\":\"random\"}".formatted(quantity))
                        .post("/trades/{id}/correct", trade.id).then().statusCode(200)
                        .extract().jsonPath().getLong("corrected.tradeId");
                standing.add(new Standing(corrected, trade.instrument, quantity, trade.buyer, trade.seller));
                corrections++;
            } else {
                Standing trade = standing.get(random.nextInt(standing.size()));
                boolean buySide = random.nextBoolean();
                String holder = buySide ? trade.buyer : trade.seller;
                List<String> others = accounts.stream().filter(a -> !memberOf.get(a).equals(memberOf.get(holder)))
                        .toList();
                String to = others.get(random.nextInt(others.size()));
                long giveUpId = ((Number) Api.as(TestTokens.member(memberOf.get(holder)))
                        .body("{\"side\":\"%s\",\"toAccountId\":\"%s\"}".formatted(buySide ? "BUY" : "SELL", to))
                        .post("/trades/{id}/give-ups", trade.id).then().statusCode(201)
                        .extract().path("giveUpId")).longValue();
                Api.as(TestTokens.member(memberOf.get(to))).post("/give-ups/{id}/accept", giveUpId)
                        .then().statusCode(200);
                if (buySide) {
                    trade.buyer = to;
                } else {
                    trade.seller = to;
                }
                giveUps++;
            }
        }
        assertThat(busts).isPositive();
        assertThat(corrections).isPositive();
        assertThat(giveUps).isPositive();

        Map<String, long[]> gross = new HashMap<>();
        for (Standing trade : standing) {
            gross.computeIfAbsent(trade.buyer + "|" + trade.instrument, k -> new long[2])[0] += trade.quantity;
            gross.computeIfAbsent(trade.seller + "|" + trade.instrument, k -> new long[2])[1] += trade.quantity;
        }
        for (String instrument : instruments) {
            long sum = 0;
            for (String account : accounts) {
                long[] expected = gross.getOrDefault(account + "|" + instrument, new long[2]);
                long net = expected[0] - expected[1];
                List<Long> position = omnibus.contains(account) ? List.of(expected[0], expected[1])
                        : List.of(Math.max(net, 0), Math.max(-net, 0));
                assertThat(Api.position(account, instrument)).as("%s in %s", account, instrument)
                        .isEqualTo(position);
                List<Map<String, Object>> asAt = Api.backOffice().queryParam("accountId", account)
                        .queryParam("instrumentId", instrument).queryParam("businessDate", Api.today().toString())
                        .get("/positions").then().statusCode(200).extract().jsonPath().getList("$");
                List<Long> rebuilt = asAt.isEmpty() ? List.of(0L, 0L) : List.of(
                        ((Number) asAt.getFirst().get("longQuantity")).longValue(),
                        ((Number) asAt.getFirst().get("shortQuantity")).longValue());
                assertThat(rebuilt).as("%s in %s as at today", account, instrument).isEqualTo(position);
                sum += net;
            }
            assertThat(sum).isZero();
            Api.backOffice().queryParam("instrumentId", instrument).get("/open-interest").then().statusCode(200)
                    .body("[0].netSum", equalTo(0));
        }
    }
}
