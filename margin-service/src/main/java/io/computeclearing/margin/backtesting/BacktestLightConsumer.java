package io.computeclearing.margin.backtesting;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.EventType;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.BacktestTrafficLightChanged;
import io.computeclearing.platform.parking.Consumption;
import io.computeclearing.platform.parking.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;

/**
 * Keeps each product family's backtest traffic light per holding period from risk-service, so that a family turned
 * yellow or red shows beside its parameter proposal: the report of the latest business date wins (of one date, the
 * latest change), so a report arriving late changes nothing, and a redelivered one is absorbed by the inbox. The other
 * risk events are passed over; a report that breaks the contract (no family or date, an unknown light, counts that
 * cannot be) is parked with the family's later ones.
 */
@ApplicationScoped
public class BacktestLightConsumer implements EventConsumer {

    /** Incoming channel, bound to {@code ccp.risk.v1}. */
    public static final String CHANNEL = "backtest-lights";

    private static final Set<String> LIGHTS = Set.of("GREEN", "YELLOW", "RED");
    private static final Logger LOG = Logger.getLogger(BacktestLightConsumer.class);

    private final Consumption consumption;

    public BacktestLightConsumer(Consumption consumption) {
        this.consumption = consumption;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<EventType<?>> accepts() {
        return List.of(RiskEvents.BACKTEST_TRAFFIC_LIGHT_CHANGED);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onRiskEvent(ConsumerRecord<String, String> record) {
        consumption.apply(this, record);
    }

    @Override
    public void apply(EventEnvelope event) {
        keep(EventCodec.payload(event, RiskEvents.BACKTEST_TRAFFIC_LIGHT_CHANGED));
    }

    private static void keep(BacktestTrafficLightChanged changed) {
        check(changed);
        FamilyBacktestLight held = FamilyBacktestLight.findById(
                new FamilyBacktestLight.Key(changed.family(), changed.holdingDays()));
        if (held != null && !newer(changed, held)) {
            LOG.infof("backtest light %s of %s over %d day(s) on %s ignored: %s on %s is held", changed.light(),
                    changed.family(), changed.holdingDays(), changed.businessDate(), held.light, held.businessDate);
            return;
        }
        FamilyBacktestLight row = held != null ? held : new FamilyBacktestLight();
        row.family = changed.family();
        row.holdingDays = changed.holdingDays();
        row.light = changed.light();
        row.previousLight = changed.previousLight();
        row.exceedances = changed.exceedances();
        row.observations = changed.observations();
        row.businessDate = changed.businessDate();
        row.changedAt = changed.changedAt();
        if (held == null) {
            row.persist();
        }
    }

    /** A later business date, or the same date observed again and changed later. */
    private static boolean newer(BacktestTrafficLightChanged changed, FamilyBacktestLight held) {
        int byDate = changed.businessDate().compareTo(held.businessDate);
        return byDate > 0 || byDate == 0 && changed.changedAt().isAfter(held.changedAt);
    }

    private static void check(BacktestTrafficLightChanged changed) {
        if (changed.family() == null || changed.businessDate() == null || changed.light() == null
                || changed.previousLight() == null || changed.changedAt() == null) {
            throw new IllegalArgumentException("a backtest light names its family, business date, light, previous "
                    + "light and time of change, was " + changed);
        }
        if (!LIGHTS.contains(changed.light()) || !LIGHTS.contains(changed.previousLight())) {
            throw new IllegalArgumentException("backtest light of " + changed.family() + " must be GREEN, YELLOW or "
                    + "RED, was " + changed.light() + " (from " + changed.previousLight() + ")");
        }
        if (changed.holdingDays() < 1 || changed.exceedances() < 0
                || changed.exceedances() > changed.observations()) {
            throw new IllegalArgumentException("backtest light of " + changed.family() + " needs a holding period of "
                    + "at least 1 day and 0 to " + changed.observations() + " exceedances, was "
                    + changed.holdingDays() + " day(s) with " + changed.exceedances() + " exceedances");
        }
    }
}
