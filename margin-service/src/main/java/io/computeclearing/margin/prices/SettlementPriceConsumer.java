package io.computeclearing.margin.prices;

import io.computeclearing.margin.requirement.MarginCalculation;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.settlement.SettlementEvents;
import io.computeclearing.platform.events.settlement.SettlementEvents.FinalSettlementCompleted;
import io.computeclearing.platform.events.settlement.SettlementEvents.SettlementPricePublished;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps the daily settlement prices (the latest version per instrument and business date) and the final settlements
 * from settlement-service, and re-margins every account holding the instrument when its reference price changes (a
 * price for its latest business date) or when it is finally settled (its positions no longer carry margin). The inbox
 * record, the price, the recomputed requirements and their outbox events commit together; a redelivered event or an
 * older version changes nothing.
 */
@ApplicationScoped
public class SettlementPriceConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.settlement.prices.v1}. */
    public static final String CHANNEL = "settlement-prices";

    private static final Logger LOG = Logger.getLogger(SettlementPriceConsumer.class);

    private final Consumption consumption;
    private final MarginCalculation margin;
    private final Clock clock;

    public SettlementPriceConsumer(Consumption consumption, MarginCalculation margin, Clock clock) {
        this.consumption = consumption;
        this.margin = margin;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(SettlementEvents.SETTLEMENT_PRICE_PUBLISHED, SettlementEvents.FINAL_SETTLEMENT_COMPLETED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onPriceEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        remargin(event);
    }

    private void remargin(EventEnvelope event) {
        String instrumentId;
        if (event.is(SettlementEvents.SETTLEMENT_PRICE_PUBLISHED)) {
            SettlementPricePublished published = EventCodec.payload(event, SettlementEvents.SETTLEMENT_PRICE_PUBLISHED);
            if (!apply(published)) {
                return;
            }
            instrumentId = published.instrumentId();
        } else {
            FinalSettlementCompleted settled = EventCodec.payload(event, SettlementEvents.FINAL_SETTLEMENT_COMPLETED);
            if (!apply(settled)) {
                return;
            }
            instrumentId = settled.instrumentId();
        }
        int accounts = margin.recomputeAll(margin.holders(List.of(instrumentId)), LocalDate.now(clock));
        LOG.infof("%s: %d account(s) re-margined", instrumentId, accounts);
    }

    /** Stores the price unless a version at least as new is held; true if it is now the instrument's reference. */
    private boolean apply(SettlementPricePublished published) {
        SettlementPrice held = SettlementPrice.findById(
                new SettlementPrice.Key(published.instrumentId(), published.businessDate()));
        if (held != null && held.version >= published.version()) {
            LOG.infof("settlement price %s %s version %d ignored: version %d is held", published.instrumentId(),
                    published.businessDate(), published.version(), held.version);
            return false;
        }
        SettlementPrice row = held != null ? held : new SettlementPrice();
        row.instrumentId = published.instrumentId();
        row.businessDate = published.businessDate();
        row.price = published.price();
        row.currency = published.currency();
        row.version = published.version();
        row.publishedAt = published.publishedAt();
        row.receivedAt = clock.instant();
        if (held == null) {
            row.persist();
        }
        // Only the latest business date's price is the reference price; a late price for an earlier date is history.
        return SettlementPrice.count("instrumentId = ?1 and businessDate > ?2", published.instrumentId(),
                published.businessDate()) == 0;
    }

    /** Records the final settlement once; true the first time. */
    private static boolean apply(FinalSettlementCompleted settled) {
        if (FinalSettlement.findById(settled.instrumentId()) != null) {
            return false;
        }
        FinalSettlement row = new FinalSettlement();
        row.instrumentId = settled.instrumentId();
        row.businessDate = settled.businessDate();
        row.finalSettlementPrice = settled.finalSettlementPrice();
        row.currency = settled.currency();
        row.positionsSettled = settled.positionsSettled();
        row.settledAt = settled.settledAt();
        row.persist();
        return true;
    }
}
