package io.computeclearing.clearing.transfer;

import io.computeclearing.platform.events.risk.RiskEvents.PositionTransferInstructed;
import io.computeclearing.platform.events.risk.RiskEvents.TransferLeg;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What makes an instruction a bookable structure, before any rule of the book is asked. */
class TransferInstructionTest {

    @Test
    void pricesKeepTheirValueAtAScaleFromZeroToTen() {
        TransferInstruction instruction = TransferInstruction.of(instructed("T-1",
                leg("GH100-202701", 5, "2.605000000000"), leg("GH100-202702", -3, "1E+2"),
                leg("GH100-202703", 1, "-0.0000000001")));
        assertThat(instruction.legs()).extracting(TransferLeg::price).containsExactly(
                new BigDecimal("2.6050000000"), new BigDecimal("100"), new BigDecimal("-0.0000000001"));
        assertThat(instruction.tradeId(3)).isEqualTo("DM:T-1/3");
    }

    @Test
    void anInstrumentMayComeInSeveralLegsAndOnlyAPortingMayHaveNone() {
        // An auction lot's bid realised over 5 contracts: 4 at one price, 1 a cent per contract apart.
        assertThat(TransferInstruction.of(instructed("T-2", leg("GH100-202701", 4, "3"),
                leg("GH100-202701", 1, "3.00001"), leg("GH100-202701", -6, "3"))).instrumentIds())
                .containsExactly("GH100-202701");
        assertThat(TransferInstruction.of(instructed("T-3")).legs()).isEmpty();
        PositionTransferInstructed emptyHedge = new PositionTransferInstructed("T-4", 7, "HEDGE", "A-H", "A", "B-H",
                "B", LocalDate.of(2024, 3, 4), List.of(), "risk.officer", Instant.parse("2024-03-05T09:30:00Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> TransferInstruction.of(emptyHedge))
                .withMessage("transfer T-4 must have 1 to 1000 legs");
    }

    @Test
    void aTransferIdTooLongForItsTradeIdsOrAnUnknownPurposeMakesNoSense() {
        String longest = "T".repeat(TransferInstruction.MAX_TRANSFER_ID_LENGTH);
        assertThat(TransferInstruction.of(instructed(longest, leg("GH100-202701", 1, "3"))).tradeId(1000))
                .hasSizeLessThanOrEqualTo(64);
        assertThatIllegalArgumentException().isThrownBy(() -> TransferInstruction.of(instructed(longest + "T",
                        leg("GH100-202701", 1, "3"))))
                .withMessage("transferId is longer than 50 characters");
        PositionTransferInstructed closeOut = new PositionTransferInstructed("T-4", 7, "CLOSE_OUT", "A-H", "A",
                "B-H", "B", LocalDate.of(2024, 3, 4), List.of(leg("GH100-202701", 1, "3")), "risk.officer",
                Instant.parse("2024-03-05T09:30:00Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> TransferInstruction.of(closeOut))
                .withMessage("transfer T-4: purpose must be PORTING, AUCTION or HEDGE, not CLOSE_OUT");
    }

    private static PositionTransferInstructed instructed(String transferId, TransferLeg... legs) {
        return new PositionTransferInstructed(transferId, 7, "PORTING", "A-H", "A", "B-H", "B",
                LocalDate.of(2024, 3, 4), List.of(legs), "risk.officer", Instant.parse("2024-03-05T09:30:00Z"));
    }

    private static TransferLeg leg(String instrumentId, long quantity, String price) {
        return new TransferLeg(instrumentId, quantity, new BigDecimal(price));
    }
}
