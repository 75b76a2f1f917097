/**
 * Trade capture from FIXML: exchanges report matched trades to the CCP as FIX 5.0 SP2 {@code TrdCaptRpt} messages
 * with abbreviated FIXML names (CME Clearing's FIXML trade register is the model), one per document or several in a
 * {@code Batch}. {@link io.computeclearing.clearing.fixml.FixmlTradeCaptureReader} reads them into
 * {@link io.computeclearing.clearing.fixml.FixmlTradeReport}s, each carrying the same
 * {@link io.computeclearing.clearing.trade.TradeSubmission} the JSON channel produces. Plain Java, no framework.
 *
 * <table>
 * <caption>FIXML to TradeSubmission</caption>
 * <tr><th>FIXML (FIX tag)</th><th>TradeSubmission / FixmlTradeReport</th><th>rule</th></tr>
 * <tr><td>{@code TrdID} (1003), else {@code ExecID} (17)</td><td>{@code exchangeTradeId}</td>
 *     <td>required; {@code tradeIdSource} says which was used</td></tr>
 * <tr><td>{@code Instrmt/@ID} (48), else {@code @Sym} (55); {@code Instrmt/@MMY} (200)</td><td>{@code instrumentId}</td>
 *     <td>{@code SYMBOL-YYYYMM}, e.g. {@code GH100-202701}; {@code MMY} YYYYMM, or YYYYMMDD of which the month is kept</td></tr>
 * <tr><td>{@code LastQty} (32)</td><td>{@code quantity}</td><td>whole number of contracts, positive</td></tr>
 * <tr><td>{@code LastPx} (31)</td><td>{@code price}</td><td>decimal as sent, scale kept; zero and negative allowed</td></tr>
 * <tr><td>{@code RptSide[@Side=1]/@Acct}, else its {@code Pty[@R=24]/@ID}</td><td>{@code buyerAccountId}</td>
 *     <td>exactly one buy side</td></tr>
 * <tr><td>{@code RptSide[@Side=2]/@Acct}, else its {@code Pty[@R=24]/@ID}</td><td>{@code sellerAccountId}</td>
 *     <td>exactly one sell side</td></tr>
 * <tr><td>{@code TxnTm} (60)</td><td>{@code tradeTime}</td>
 *     <td>required; ISO with offset, or without (UTC), or {@code YYYYMMDD-HH:MM:SS[.sss]} (UTC)</td></tr>
 * <tr><td>{@code BizDt} (715)</td><td>{@code businessDate}</td><td>required; {@code YYYY-MM-DD} or {@code YYYYMMDD}</td></tr>
 * <tr><td>{@code RptID} (571)</td><td>report {@code reportId}</td><td>required</td></tr>
 * <tr><td>{@code TransTyp} (487)</td><td>report {@code transactionType}</td><td>0 NEW (also when absent), 1 CANCEL,
 *     2 REPLACE</td></tr>
 * <tr><td>{@code TrdTyp} (828)</td><td>report {@code tradeType}</td><td>as sent, optional</td></tr>
 * <tr><td>{@code TrdDt} (75)</td><td>report {@code tradeDate}</td><td>optional; a date when present</td></tr>
 * <tr><td>{@code RptSide[@Side=1|2]/Pty[@R=4]/@ID}</td><td>report {@code buyClearingFirmId},
 *     {@code sellClearingFirmId}</td><td>optional; at most one per side</td></tr>
 * </table>
 *
 * <p>Other parties ({@code R=1} executing firm, {@code R=21} clearing organisation, ...) and other elements
 * ({@code Hdr}, {@code Amt}, {@code TrdRegTS}, ...) are read past. Elements are matched with or without the FIXML
 * namespace.
 */
package io.computeclearing.clearing.fixml;
