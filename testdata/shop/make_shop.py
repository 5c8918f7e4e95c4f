#!/usr/bin/env python3
"""Writes shop.csv: a small web shop's orders where customers rarely drop out.

A made-up shop (no real data): every customer orders at their own rate (about every nine
months, some far less often) and after each order drops out with a small chance (about
1 in 90, much the same for everyone), as the BG/NBD model assumes. The fits say that
customers rarely drop out (BG/NBD b ≫ a: a = 0.10, b = 3.5; Pareto/NBD s = 0.03), so
P(alive) stays high however long a customer is away. Among the customers are 6 who
ordered two or three times in 2022 and never again: gone more than two years by the
export's last day, 31 January 2025, with P(alive) still 36-63 %. `winback lapsed` must
list them as lost (lost_after_days; issue 17); without that cap it lists none of them.

Run: python3 make_shop.py > shop.csv (deterministic: the same file every time).
"""
import datetime as dt
import random

rng = random.Random(1717)
START, END = dt.date(2022, 1, 3), dt.date(2025, 1, 31)
rows = []


def order(cid, day):
    cents = rng.randint(1500, 12000)
    rows.append((day, cid, f"{cents // 100}.{cents % 100:02d}"))


for i in range(1500):
    cid = f"S{1000 + i}"
    first = START + dt.timedelta(days=rng.randrange((END - START).days - 30))
    rate = rng.gammavariate(1.5, 1 / 400)  # orders a day: about every nine months, some far slower
    p = rng.betavariate(2, 180)  # chance to drop out after an order
    day = first
    while day <= END:
        order(cid, day)
        if rng.random() < p:
            break
        day += dt.timedelta(days=max(1, round(rng.expovariate(rate))))

for i in range(6):
    cid = f"G{100 + i}"  # gone: two or three orders in 2022, none since
    day = dt.date(2022, 1, 10) + dt.timedelta(days=rng.randrange(300))
    for _ in range(2 + i % 2):
        order(cid, day)
        day += dt.timedelta(days=rng.randint(7, 40))

rows.sort()
print("Customer ID,Order Date,Total")
for day, cid, total in rows:
    print(f"{cid},{day.isoformat()},{total}")
