#!/usr/bin/env python3
"""Re-derives the expected facts in README.md from the fixture files (read-only).

python3 check_fixtures.py   prints one block per file. Used to double-check the
numbers written in README.md; not part of the Go build or tests.
"""
import csv
import io
import os
import re
from collections import Counter, defaultdict
from datetime import date, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = date(2024, 12, 31)


def read(name, enc="utf-8", delim=",", header=True):
    raw = open(os.path.join(HERE, name), "rb").read()
    text = raw.decode(enc)
    if text.startswith("\ufeff"):
        text = text[1:]
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    rows = [r for r in rows if r != []]
    if header:
        return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]], raw
    return None, rows, raw


def num(s):
    s = s.strip().replace("$", "").replace("€", "").replace(" EUR", "")
    neg = s.startswith("-") or s.startswith("(")
    s = s.strip("-()")
    if "," in s and ("." not in s or s.rfind(",") > s.rfind(".")):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    v = float(s)
    return -v if neg else v


def block(title, **facts):
    print("==", title)
    for k, v in facts.items():
        print("   %-28s %s" % (k, v))


def days(pairs):
    return len(set(pairs))


def square():
    h, rows, raw = read("square.csv")
    pay = [r for r in rows if r["Event Type"] == "Payment"]
    keyed = [r for r in pay if r["Customer ID"]]
    per = Counter(r["Customer ID"] for r in keyed)
    block("square.csv", columns=len(h), records=len(rows), events=dict(Counter(r["Event Type"] for r in rows)),
          no_customer=sum(1 for r in rows if not r["Customer ID"]),
          customers=len(set(r["Customer ID"] for r in rows if r["Customer ID"])),
          visit_days=days((r["Customer ID"], r["Date"]) for r in keyed),
          per_customer={rows_name(rows, k): v for k, v in per.items()},
          gross_keyed_payments=round(sum(num(r["Gross Sales"]) for r in keyed), 2),
          total_collected_all=round(sum(num(r["Total Collected"]) for r in rows), 2),
          first=min(r["Date"] for r in rows), last=max(r["Date"] for r in rows),
          first_row_date=rows[0]["Date"])


def rows_name(rows, cid):
    for r in rows:
        if r["Customer ID"] == cid:
            return r["Customer Name"]


def acuity():
    h, rows, raw = read("acuity.csv")
    labels = Counter(r["Label"] for r in rows)
    att = [r for r in rows if r["Label"] != "No Show"]
    block("acuity.csv", columns=len(h), records=len(rows),
          customers=len(set(r["Email"].lower() for r in rows)), labels=dict(labels),
          visit_days=days((r["Email"], r["Start Time"].rsplit(" ", 1)[0]) for r in att),
          price_attended=round(sum(num(r["Appointment Price"]) for r in att), 2),
          per_customer=dict(Counter(r["Email"] for r in rows)))


def calendly():
    h, rows, raw = read("calendly.csv")
    canc = [r for r in rows if r["Canceled"] == "true"]
    ns = [r for r in rows if r["Marked as No-Show"] == "true"]
    att = [r for r in rows if r["Canceled"] == "false" and r["Marked as No-Show"] == "false"]
    block("calendly.csv", columns=len(h), records=len(rows), customers=len(set(r["Invitee Email"] for r in rows)),
          canceled=len(canc), no_show=len(ns), attended=len(att),
          visit_days=days((r["Invitee Email"], r["Start Date & Time"][:10]) for r in att),
          per_customer_attended=dict(Counter(r["Invitee Email"] for r in att)))


def shopify():
    h, rows, raw = read("shopify_orders.csv")
    orders = defaultdict(list)
    for r in rows:
        orders[r["Name"]].append(r)
    first = {k: v[0] for k, v in orders.items()}
    canc = [k for k, r in first.items() if r["Cancelled at"] or r["Financial Status"] in ("voided", "refunded")]
    att = [k for k in first if k not in canc]
    emails = set(r["Email"].strip().lower() for r in rows)
    raw_emails = set(r["Email"] for r in rows)
    block("shopify_orders.csv", columns=len(h), records=len(rows), orders=len(orders),
          lines_per_order={k: len(v) for k, v in orders.items()},
          customers_normalised=len(emails), distinct_raw_emails=len(raw_emails),
          financial=dict(Counter(r["Financial Status"] for r in first.values())),
          cancelled_at_set=[k for k, r in first.items() if r["Cancelled at"]],
          not_counted=canc, counted_orders=len(att),
          visit_days=days((first[k]["Email"].lower(), first[k]["Created at"][:10]) for k in att),
          sum_total_counted=round(sum(num(first[k]["Total"]) for k in att), 2),
          sum_total_all=round(sum(num(r["Total"]) for r in first.values()), 2),
          sum_lines_counted=round(sum(num(r["Lineitem price"]) * int(r["Lineitem quantity"]) for k in att for r in orders[k]), 2))


def booking():
    h, rows, raw = read("booking_com.csv")
    st = Counter(r["Status"] for r in rows)
    fut = [r for r in rows if r["Status"] == "ok" and date.fromisoformat(r["Check-in"]) > AS_OF]
    att = [r for r in rows if r["Status"] == "ok" and date.fromisoformat(r["Check-in"]) <= AS_OF]
    block("booking_com.csv", columns=len(h), records=len(rows), bom=raw[:3] == b"\xef\xbb\xbf",
          crlf=b"\r\n" in raw, statuses=dict(st), booked_future=len(fut), attended=len(att),
          customers_by_booker=len(set(r["Booked by"] for r in rows)),
          customers_by_phone=len(set(r["Phone number"] for r in rows)),
          customers_by_first_guest=len(set(r["Guest name(s)"].split(",")[0] for r in rows)),
          price_attended=round(sum(num(r["Price"]) for r in att), 2),
          nights_attended=sum(int(r["Duration (nights)"]) for r in att))


def stripe():
    h, rows, raw = read("stripe_payments.csv")
    key = lambda r: r["Customer ID"] or r["Customer Email"].lower()
    st = Counter(r["Status"] for r in rows)
    paid = [r for r in rows if r["Status"] == "Paid"]
    block("stripe_payments.csv", columns=len(h), records=len(rows), statuses=dict(st),
          customers=len(set(key(r) for r in rows)), without_customer_id=sum(1 for r in rows if not r["Customer ID"]),
          paid_days=days((key(r), r["Created (UTC)"][:10]) for r in paid),
          paid_amount=round(sum(num(r["Amount"]) for r in paid), 2),
          paid_net_of_refunds=round(sum(num(r["Amount"]) - num(r["Amount Refunded"]) for r in paid), 2),
          partially_refunded=[r["id"] for r in paid if num(r["Amount Refunded"]) > 0])


def de_praxis():
    h, rows, raw = read("de_praxis_cp1252.csv", enc="cp1252", delim=";")
    st = Counter(r["Status"] for r in rows)
    att = [r for r in rows if r["Status"] == "erschienen"]
    d = lambda s: datetime.strptime(s, "%d.%m.%Y").date()
    block("de_praxis_cp1252.csv", header=h, records=len(rows), crlf=b"\r\n" in raw,
          patients=len(set(r["Patienten-Nr."] for r in rows)), statuses=dict(st),
          visit_days=days((r["Patienten-Nr."], r["Termin"]) for r in att),
          honorar_attended=round(sum(num(r["Honorar (€)"]) for r in att), 2),
          honorar_all=round(sum(num(r["Honorar (€)"]) for r in rows), 2),
          first=min(d(r["Termin"]) for r in rows), last=max(d(r["Termin"]) for r in rows),
          per_patient_attended=dict(Counter(r["Patienten-Nr."] for r in att)),
          with_referrer=len(set(r["Patienten-Nr."] for r in rows if r["Überweiser"])),
          with_contact=len(set(r["Patienten-Nr."] for r in rows if r["Kontaktweg"])))


def en_iso():
    h, rows, raw = read("en_booking_iso.csv")
    st = Counter(r["Status"] for r in rows)
    att = [r for r in rows if r["Status"] == "completed"]
    block("en_booking_iso.csv", records=len(rows), bom=raw[:3] == b"\xef\xbb\xbf", customers=len(set(r["Customer ID"] for r in rows)),
          statuses=dict(st), visit_days_local=days((r["Customer ID"], r["Start"][:10]) for r in att),
          amount_completed=round(sum(num(r["Amount"]) for r in att), 2),
          utc_vs_local=[(r["Start"], datetime.fromisoformat(r["Start"].replace("Z", "+00:00")).astimezone(__import__("datetime").timezone.utc).date().isoformat()) for r in rows if datetime.fromisoformat(r["Start"].replace("Z", "+00:00")).astimezone(__import__("datetime").timezone.utc).date().isoformat() != r["Start"][:10]])


def excel():
    h, rows, raw = read("excel_utf16.txt", enc="utf-16", delim="\t")
    block("excel_utf16.txt", bom=raw[:2] == b"\xff\xfe", records=len(rows), customers=len(set(r["Kundennr."] for r in rows)),
          visit_days=days((r["Kundennr."], r["Datum"]) for r in rows), umsatz=round(sum(num(r["Umsatz"]) for r in rows), 2),
          physical_lines=raw.decode("utf-16").count("\r\n"), quoted=[r["Leistung"] for r in rows if '"' in r["Leistung"] or "\t" in r["Leistung"]])


def us():
    for name in ("us_ambiguous.csv", "ambiguous_only.csv"):
        h, rows, raw = read(name)
        first_unamb = None
        for i, r in enumerate(rows):
            m, d_, y = r["Appointment Date"].split("/")
            if int(d_) > 12 or int(m) > 12:
                first_unamb = (i + 1, i + 2, r["Appointment Date"])
                break
        st = Counter(r["Status"] for r in rows)
        att = [r for r in rows if r["Status"] == "Completed"]
        mdy = [datetime.strptime(r["Appointment Date"], "%m/%d/%Y").date() for r in rows]
        dmy = [datetime.strptime(r["Appointment Date"], "%d/%m/%Y").date() for r in rows] if first_unamb is None else None
        block(name, records=len(rows), customers=len(set(r["Client ID"] for r in rows)), statuses=dict(st),
              first_unambiguous_record_line_value=first_unamb, visit_days=days((r["Client ID"], r["Appointment Date"]) for r in att),
              price_completed=round(sum(num(r["Price"]) for r in att), 2),
              mdy_first_last=(min(mdy), max(mdy)), dmy_first_last=(min(dmy), max(dmy)) if dmy else None)


def order_lines():
    for name in ("order_lines.csv", "order_lines_jan.csv", "order_lines_janfeb.csv"):
        h, rows, raw = read(name)
        block(name, records=len(rows), orders=len(set(r["Order No"] for r in rows)),
              customers=len(set(r["Customer No"] for r in rows)),
              visit_days=days((r["Customer No"], r["Order Date"]) for r in rows),
              amount=round(sum(num(r["Line Amount"]) for r in rows), 2))
    a = [tuple(r) for r in read("order_lines_jan.csv", header=False)[1][1:]]
    b = [tuple(r) for r in read("order_lines_janfeb.csv", header=False)[1][1:]]
    union = set(a) | set(b)
    block("jan + janfeb", rows_read=len(a) + len(b), duplicates=len(set(a) & set(b)), distinct=len(union),
          amount_distinct=round(sum(num(r[5]) for r in union), 2))


def bad_rows():
    raw = open(os.path.join(HERE, "bad_rows.csv"), "rb").read()
    lines = raw.decode().split("\r\n")
    block("bad_rows.csv", physical_lines=len(lines) - 1, last_line=lines[-2])
    rows = list(csv.reader(io.StringIO(raw.decode(), newline=""), delimiter=";"))
    for i, r in enumerate(rows):
        print("      record", i, len(r), r[:6])


def cdnow():
    raw = open(os.path.join(HERE, "cdnow_head.txt"), "rb").read()
    lines = raw.decode().split("\r\n")[:-1]
    rec = [l.split() for l in lines]
    block("cdnow_head.txt", lines=len(lines), crlf=raw.count(b"\r\n"), customers=len(set(r[0] for r in rec)),
          first=rec[0], last=rec[-1], dates=(min(r[2] for r in rec), max(r[2] for r in rec)),
          customer_days=len(set((r[0], r[2]) for r in rec)), amount=round(sum(float(r[4]) for r in rec), 2),
          quantity=sum(int(r[3]) for r in rec))


def misc():
    _, rows, raw = read("no_header.csv", delim=";", header=False)
    block("no_header.csv", records=len(rows), customers=len(set(r[0] for r in rows)), statuses=dict(Counter(r[2] for r in rows)),
          visit_days=days((r[0], r[1]) for r in rows if r[2] == "erschienen"),
          amount=round(sum(num(r[3]) for r in rows), 2))
    h, rows, raw = read("pipe.psv", delim="|")
    block("pipe.psv", records=len(rows), customers=len(set(r["customer_id"] for r in rows)),
          visit_days=days((r["customer_id"], r["visit_date"]) for r in rows), amount=round(sum(num(r["amount"]) for r in rows), 2),
          quoted=[r["service"] for r in rows if "|" in r["service"]])
    h, rows, raw = read("semicolon_quoted.csv", delim=";")
    block("semicolon_quoted.csv", records=len(rows), physical_lines=raw.count(b"\n"), customers=len(set(r["Kundennr"] for r in rows)),
          amount=round(sum(num(r["Betrag"]) for r in rows), 2), names=sorted(set(r["Name"] for r in rows)))


def keys():
    h, rows, raw = read("email_key.csv")
    norm = [r["Email"].strip().lower() for r in rows]
    block("email_key.csv", records=len(rows), distinct_raw=len(set(r["Email"] for r in rows)),
          customers=len(set(n for n in norm if n)), missing=sum(1 for n in norm if not n),
          visit_days=days((n, r["Date"]) for n, r in zip(norm, rows) if n),
          per=dict(Counter(n for n in norm if n)))
    h, rows, raw = read("phone_key.csv", delim=";")

    def e164(p):
        p = re.sub(r"\(0\)", "", p)
        d = re.sub(r"[^\d+]", "", p)
        if d.startswith("00"):
            d = "+" + d[2:]
        elif d.startswith("0"):
            d = "+49" + d[1:]
        return d
    block("phone_key.csv", records=len(rows), distinct_raw=len(set(r["Telefon"] for r in rows)),
          customers=len(set(e164(r["Telefon"]) for r in rows)), per=dict(Counter(e164(r["Telefon"]) for r in rows)))
    h, rows, raw = read("split_datetime.csv")
    att = [r for r in rows if r["Status"] == "Completed"]
    block("split_datetime.csv", records=len(rows), customers=len(set(r["Email"] for r in rows)),
          statuses=dict(Counter(r["Status"] for r in rows)), attended_rows=len(att),
          visit_days=days((r["Email"], r["Date"]) for r in att))


if __name__ == "__main__":
    for f in (square, acuity, calendly, shopify, booking, stripe, de_praxis, en_iso, excel, us, order_lines,
              bad_rows, cdnow, misc, keys):
        f()
