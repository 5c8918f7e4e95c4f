#!/usr/bin/env python3
"""Writes hotel.csv: a made-up seaside hotel's stays, taken in February (no real data).

Two kinds of guests (issue 17, "seasonal customers"):
- 160 business travellers (B...) stay all year, every two to eight weeks; some of them
  stopped coming months or years ago.
- 70 summer guests (S...) come every July or August, for two to six summers up to 2025.
  In February 2026 each of them is half a year from their next stay: none is lapsed.
- 12 former summer guests (X...) came for two to four summers, the last in 2022 or 2023,
  and not since: they are lapsed or lost.
- 10 first-time summer guests (O...) stayed once, in July or August 2025. Against the
  guests of their rooms (double rooms and suites: back within a year) they are not
  lapsed in February; against everyone (the business travellers, back within weeks) they
  would be.

Run: python3 make_hotel.py > hotel.csv (deterministic: the same file every time).
"""
import datetime as dt
import random

rng = random.Random(2026)
END = dt.date(2026, 2, 14)  # the day the export was taken
ROOMS = {"Single": 89, "Double": 129, "Suite": 219}
rows = []


def stay(gid, arrival, room, nights, status="checked-out"):
    total = ROOMS[room] * nights if status == "checked-out" else 0
    rows.append((arrival, gid, (arrival + dt.timedelta(days=nights)).isoformat(), room, f"{total}.00", status))


for i in range(160):
    gid = f"B{100 + i}"
    day = dt.date(2021, 1, 4) + dt.timedelta(days=rng.randrange(900))
    stop = END if rng.random() < 0.75 else day + dt.timedelta(days=rng.randrange(200, 1400))
    while day <= min(stop, END - dt.timedelta(days=2)):
        stay(gid, day, "Single", rng.randint(1, 3), "checked-out" if rng.random() < 0.95 else "cancelled")
        day += dt.timedelta(days=rng.randint(14, 56))


def summer(gid, years):
    room = rng.choice(["Double", "Double", "Suite"])
    for y in years:
        arrival = dt.date(y, 7, 1) + dt.timedelta(days=rng.randrange(55))
        stay(gid, arrival, room, rng.randint(5, 14))


for i in range(70):
    n = 2 + i % 5  # two to six summers, the last in 2025
    summer(f"S{100 + i}", range(2026 - n, 2026))
for i in range(12):
    last = 2022 + i % 2
    summer(f"X{100 + i}", range(last - 1 - i % 3, last + 1))

for i in range(10):
    summer(f"O{100 + i}", [2025])  # a first summer stay, in 2025

rows.sort()
print("Guest ID,Arrival,Departure,Room Type,Total,Status")
for arrival, gid, departure, room, total, status in rows:
    print(f"{gid},{arrival.isoformat()},{departure},{room},{total},{status}")
