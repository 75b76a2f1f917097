package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.catalogue.Instrument;
import io.computeclearing.platform.accounts.KnownAccount;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What validating and novating a batch needs from the database, loaded once for the whole batch (a handful of
 * queries, whatever its size): the instruments, accounts and business dates it names, and the trades already cleared
 * under its exchange trade ids.
 *
 * @param instruments by id, with their families
 * @param accounts    by id, as the account directory knows them
 * @param openDays    the batch's business dates that are open, held open until the transaction ends
 * @param cleared     trades already cleared, by exchange trade id
 */
public record CaptureContext(Map<String, Instrument> instruments, Map<String, KnownAccount> accounts,
                             Set<LocalDate> openDays, Map<String, Trade> cleared) {
}
