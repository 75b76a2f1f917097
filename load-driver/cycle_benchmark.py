#!/usr/bin/env python3
"""One intraday settlement cycle over the book the load driver built, timed through the running local stack.

From the request that starts the cycle (POST /settlement-cycles/{today}, as the risk user) to the last margin call
decision in account-service: settlement-service's variation margin postings and AccountCycleSettled events,
margin-service's requirement at the cycle's prices for every account, account-service's snapshot and call. Prices:
every instrument with positions today at its family's reference level less --move (5%), on its tick grid, so that
every account is re-margined and most load-test accounts (which hold no collateral) are called.

Reads account-service's database (psql on the local stack's PostgreSQL, port 54320) for the decision times; the local
stack only (every target on localhost). Usage, after ./ccp stack --no-demo and a load-driver run on today's date:

    python3 load-driver/cycle_benchmark.py [--move 0.05] [--timeout 600]
"""
import argparse
import json
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from decimal import Decimal, ROUND_HALF_UP

KEYCLOAK = "http://localhost:8180/realms/ccp/protocol/openid-connect/token"
ACCOUNT = "http://localhost:8081"
CLEARING = "http://localhost:8082"
SETTLEMENT = "http://localhost:8084"
REFERENCE = {"GH100": Decimal("2.60"), "GB200": Decimal("5.30"), "TKFRN": Decimal("8.00"), "TKFRC": Decimal("55.00")}


def token(user):
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "ccp-cli", "username": user,
                                   "password": user}).encode()
    with urllib.request.urlopen(KEYCLOAK, body) as answer:
        return json.load(answer)["access_token"]


def call(method, url, bearer, body=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + bearer, "Content-Type": "application/json",
                                              "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read() or b"{}")


def account_db(sql):
    out = subprocess.run(["psql", "-h", "localhost", "-p", "54320", "-U", "postgres", "-d", "account", "-At", "-F",
                          "|", "-c", sql], capture_output=True, text=True, check=True,
                         env={"PGPASSWORD": "postgres", "PATH": "/usr/bin:/bin"})
    return out.stdout.strip()


def main():
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--move", type=Decimal, default=Decimal("0.05"))
    options.add_argument("--timeout", type=int, default=600)
    args = options.parse_args()
    today = datetime.now(timezone.utc).date().isoformat()
    risk = token("risk")
    back_office = token("backoffice")
    # the accounts hold CNY requirements too: without a USD/CNY rate account-service cannot value them (no decision)
    status, rate = call("PUT", ACCOUNT + "/collateral/fx-rates/USD/CNY", back_office, {"rate": 7.10})
    if status != 200:
        print("USD/CNY rate refused:", status, json.dumps(rate))
        return 1
    _, instruments = call("GET", CLEARING + "/catalogue/instruments", back_office)
    prices = []
    for instrument in instruments:
        level = REFERENCE.get(instrument["family"])
        if level is None or instrument["status"] == "EXPIRED" or instrument["lastTradingDay"] < today:
            continue
        tick = Decimal(str(instrument["tickSize"]))
        price = (level * (1 - args.move) / tick).quantize(Decimal(1), ROUND_HALF_UP) * tick
        prices.append({"instrumentId": instrument["id"], "price": float(price)})

    started_wall = time.time()
    started = time.monotonic()
    status, cycle = call("POST", SETTLEMENT + "/settlement-cycles/" + today, risk, {"prices": prices})
    settled = time.monotonic() - started
    if status != 201:
        print("the cycle was refused:", status, json.dumps(cycle))
        return 1
    cycle_id, accounts = cycle["cycleId"], cycle["accounts"]
    print(f"cycle {cycle_id}: {accounts:,} accounts, {len(cycle['postings']):,} postings, "
          f"{cycle['postingsPublished']:,} published; settlement-service answered after {settled:.2f} s")

    deadline = started + args.timeout
    while True:
        decided = int(account_db(f"select count(*) from settlement_cycle where cycle_id = '{cycle_id}' "
                                 "and decided_at is not null"))
        if decided >= accounts or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    row = account_db(f"""select count(*) filter (where decided_at is not null),
                                count(*) filter (where status = 'CALLED'),
                                extract(epoch from max(requirement_calculated_at) - min(cash_settled_at)),
                                extract(epoch from max(decided_at) - min(cash_settled_at)),
                                extract(epoch from max(decided_at))
                         from settlement_cycle where cycle_id = '{cycle_id}'""").split("|")
    last_decision = float(row[4] or started_wall)
    print(f"account-service decided {row[0]} of {accounts:,} accounts ({row[1]} called); the last decision "
          f"{last_decision - started_wall:.2f} s after the request started the cycle (settlement-service answered "
          f"after {settled:.2f} s; from the first account's close, the last requirement at the cycle's prices came "
          f"after {float(row[2] or 0):.2f} s and the last decision after {float(row[3] or 0):.2f} s)")
    return 0 if int(row[0]) >= accounts else 1


if __name__ == "__main__":
    sys.exit(main())
