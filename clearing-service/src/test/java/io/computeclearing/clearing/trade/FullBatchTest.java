package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;

/** The largest batch the service takes clears whole, in one transaction. */
@QuarkusTest
class FullBatchTest {

    private static final Logger LOG = Logger.getLogger(FullBatchTest.class);

    @Test
    void aBatchOfFiveThousandTradesClearsWhole() {
        String house = Accounts.open(Accounts.member("FBH"), "HOUSE");
        String omnibus = Accounts.open(Accounts.member("FBO"), "CLIENT_OMNIBUS");
        Accounts.awaitTradable(house, omnibus);
        List<String> instruments = Api.newFamily();
        List<TestTrade> batch = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String instrument = instruments.get(i % 3);
            batch.add(i % 2 == 0 ? TestTrade.of(instrument, 2, "3.10", house, omnibus)
                    : TestTrade.of(instrument, 1, "3.11", omnibus, house));
        }

        long start = System.nanoTime();
        Api.submitBatch(batch).then().statusCode(200).body("accepted", equalTo(5000));
        LOG.infof("5,000 trades cleared in %d ms", (System.nanoTime() - start) / 1_000_000);

        // trade i goes to instrument i mod 3: the house account buys 2 on even i and sells 1 on odd i; it nets, while
        // the omnibus account keeps the two sides gross
        Api.backOffice().queryParam("accountId", omnibus).get("/positions").then()
                .body("longQuantity", equalTo(List.of(833, 834, 833)))
                .body("shortQuantity", equalTo(List.of(1668, 1666, 1666)));
        Api.backOffice().queryParam("accountId", house).get("/positions").then()
                .body("netQuantity", equalTo(List.of(835, 832, 833)));
    }
}
