#!/usr/bin/env python3
"""Writes every fixture in testdata/exports/ (run from anywhere: python3 make_fixtures.py).

The fixtures are committed; this script is kept so that the byte-level ones
(Windows-1252, UTF-16 LE, BOMs, CRLF, the broken file) can be regenerated and
reviewed as text. All people, e-mails, phones and ids are invented.
check_fixtures.py (beside this file) re-derives the expected facts listed in
README.md from the written files. Neither script is part of the Go build or tests.
"""
import csv
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CDNOW = os.path.join(HERE, "..", "..", "..", "shared", "data", "cdnow", "CDNOW_sample.txt")
CDNOW_ALT = "/work/shared/data/cdnow/CDNOW_sample.txt"


def out(name):
    return os.path.join(HERE, name)


def write_bytes(name, data):
    with open(out(name), "wb") as f:
        f.write(data)


def csv_text(rows, delimiter=",", lineterminator="\n", quoting=csv.QUOTE_MINIMAL):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator, quoting=quoting)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def money_usd(x):
    s = "-" if x < 0 else ""
    return "%s$%s" % (s, format(abs(x), ",.2f"))


# ---------------------------------------------------------------- Square
SQUARE_HEADER = [
    "Date", "Time", "Time Zone", "Gross Sales", "Discounts", "Service Charges", "Net Sales",
    "Gift Card Sales", "Tax", "Tip", "Partial Refunds", "Total Collected", "Source", "Card",
    "Card Entry Methods", "Cash", "Square Gift Card", "Other Tender", "Other Tender Type",
    "Tender Note", "Fees", "Net Total", "Transaction ID", "Payment ID", "Card Brand", "PAN Suffix",
    "Device Name", "Staff Name", "Staff ID", "Details", "Description", "Event Type", "Location",
    "Dining Option", "Customer ID", "Customer Name", "Customer Reference ID", "Device Nickname",
    "Third Party Fees", "Deposit ID", "Deposit Date", "Deposit Details", "Fee Percentage Rate",
    "Fee Fixed Rate", "Refund Reason", "Discount Name", "Transaction Status", "Cash App",
    "Order Reference ID", "Fulfillment Note", "Free Processing Applied", "Channel",
    "Unattributed Tips", "Table Info", "International Fee",
]

SQ_CUST = {
    "maria": ("4Z8V1TQ2K7M3XB9N0P5R6S8W1Y", "Maria Lopez"),
    "daniel": ("7H2J5K8L1M4N6P9Q3R5S7T0V2W", "Daniel Kim"),
    "priya": ("2A4C6E8G0I1K3M5O7Q9S1U3W5Y", "Priya Shah"),
    "tom": ("9B7D5F3H1J0L2N4P6R8T0V1X3Z", "Tom Becker"),
    "lena": ("5Q1W3E5R7T9Y2U4I6O8P0A1S3D", "Lena Novak"),
}
STAFF_ID = {"Jo Park": "TMa1B2c3D4e5F6g7", "Sam Ortiz": "TMh8I9j0K1l2M3n4", "Ana Ruiz": "TMo5P6q7R8s9T0u1"}

# (date, time, customer key or None, description, gross, tip, staff, tender, event)
SQ_ROWS = [
    ("2024-01-09", "10:02:11", "maria", "Women's Haircut x 1", 65.00, 10.00, "Jo Park", "card", "Payment"),
    ("2024-01-16", "15:40:05", "daniel", "Men's Haircut x 1", 35.00, 5.00, "Sam Ortiz", "cash", "Payment"),
    ("2024-02-06", "11:15:42", "maria", "Color Gloss x 1, Blow Dry x 1", 120.00, 20.00, "Jo Park", "card", "Payment"),
    ("2024-02-13", "09:30:00", "priya", "Brow Shaping x 1", 25.00, 0.00, "Ana Ruiz", "card", "Payment"),
    ("2024-02-14", "12:00:07", "priya", "Brow Shaping x 1", -25.00, 0.00, "Ana Ruiz", "card", "Refund"),
    ("2024-02-20", "16:05:19", None, "Shampoo 250ml x 1", 18.00, 0.00, "", "cash", "Payment"),
    ("2024-03-05", "10:10:10", "daniel", "Men's Haircut x 1", 35.00, 5.00, "Sam Ortiz", "card", "Payment"),
    ("2024-03-12", "13:45:33", "tom", "Beard Trim x 1", 20.00, 3.00, "Sam Ortiz", "card", "Payment"),
    ("2024-03-19", "10:00:48", "maria", "Women's Haircut x 1", 65.00, 12.00, "Ana Ruiz", "card", "Payment"),
    ("2024-04-02", "11:11:11", "lena", "Women's Haircut x 1", 65.00, 10.00, "Jo Park", "card", "Payment"),
    ("2024-04-16", "14:14:14", "daniel", "Men's Haircut x 1, Shampoo 250ml x 1", 53.00, 5.00, "Sam Ortiz", "cash", "Payment"),
    ("2024-04-30", "09:45:00", "priya", "Brow Shaping x 1", 25.00, 5.00, "Ana Ruiz", "card", "Payment"),
    ("2024-05-14", "10:30:30", "maria", "Women's Haircut x 1", 65.00, 10.00, "Jo Park", "card", "Payment"),
    ("2024-05-28", "15:00:00", "tom", "Beard Trim x 1", 20.00, 0.00, "Sam Ortiz", "cash", "Payment"),
]


def make_square():
    rows = [SQUARE_HEADER]
    # Square lists newest first.
    for i, (d, t, ck, desc, gross, tip, staff, tender, event) in reversed(list(enumerate(SQ_ROWS))):
        r = dict.fromkeys(SQUARE_HEADER, "")
        total = gross + tip
        fee = 0.0 if tender == "cash" else -round(abs(total) * 0.026 + 0.10, 2)
        if event == "Refund":
            fee = 0.0
        txn = "T%02dq7Wm3Kd9Zx4Lp2Rb8Vn6YZY" % (i + 1)
        r.update({
            "Date": d, "Time": t, "Time Zone": "Pacific Time (US & Canada)",
            "Gross Sales": money_usd(gross), "Discounts": "$0.00", "Service Charges": "$0.00",
            "Net Sales": money_usd(gross), "Gift Card Sales": "$0.00", "Tax": "$0.00",
            "Tip": money_usd(tip), "Partial Refunds": "$0.00", "Total Collected": money_usd(total),
            "Source": "Point of Sale",
            "Card": money_usd(total) if tender == "card" else "$0.00",
            "Card Entry Methods": "Contactless" if tender == "card" else "N/A",
            "Cash": money_usd(total) if tender == "cash" else "$0.00",
            "Square Gift Card": "$0.00", "Other Tender": "$0.00",
            "Fees": money_usd(fee), "Net Total": money_usd(round(total + fee, 2)),
            "Transaction ID": txn, "Payment ID": "P%02dk2Hs8Jf5Qw1Nc7Tg3XaUZY" % (i + 1),
            "Card Brand": "Visa" if tender == "card" else "", "PAN Suffix": "4821" if tender == "card" else "",
            "Device Name": "Front Desk iPad", "Staff Name": staff, "Staff ID": STAFF_ID.get(staff, ""),
            "Details": "https://squareup.com/dashboard/sales/transactions/%s" % txn,
            "Description": desc, "Event Type": event, "Location": "Main St Salon",
            "Third Party Fees": "$0.00",
            "Fee Percentage Rate": "2.6" if tender == "card" and event == "Payment" else "0",
            "Fee Fixed Rate": "$0.10" if tender == "card" and event == "Payment" else "$0.00",
            "Refund Reason": "Requested by customer" if event == "Refund" else "",
            "Transaction Status": "Complete", "Cash App": "$0.00",
        })
        if ck:
            r["Customer ID"], r["Customer Name"] = SQ_CUST[ck]
        rows.append([r[h] for h in SQUARE_HEADER])
    write_bytes("square.csv", csv_text(rows).encode("utf-8"))


# ---------------------------------------------------------------- Acuity
ACUITY_HEADER = [
    "Start Time", "End Time", "First Name", "Last Name", "Phone", "Email", "Type", "Calendar",
    "Appointment Price", "Paid?", "Amount Paid Online", "Certificate Code", "Notes",
    "Date Scheduled", "Label", "Scheduled By", "How did you hear about us?", "Appointment ID",
]
AC_PEOPLE = {
    "emma": ("Emma", "Wilson", "(512) 555-0143", "emma.wilson@example.com"),
    "noah": ("Noah", "Brown", "(512) 555-0178", "noah.brown@example.net"),
    "olivia": ("Olivia", "Davis", "(737) 555-0112", "olivia.davis@example.com"),
    "liam": ("Liam", "Garcia", "(512) 555-0190", "liam.garcia@example.org"),
    "ava": ("Ava", "Martinez", "(737) 555-0125", "ava.martinez@example.com"),
    "ethan": ("Ethan", "Clark", "(512) 555-0166", "ethan.clark@example.net"),
}
AC_TYPES = {
    "init": ("Initial Physio Assessment (60 min)", "120.00", 60),
    "fu": ("Follow-up Treatment (30 min)", "65.00", 30),
    "sm": ("Sports Massage (45 min)", "80.00", 45),
}
# (who, month, day, hh, mm, type, calendar, paid online?, label, scheduled (mon, day, hh, mm), by, heard)
AC_ROWS = [
    ("emma", 3, 4, 9, 0, "init", "Dr. Sarah Lee", True, "Checked In", (2, 26, 14, 12), "", "Referred by Dr. Hoffmann"),
    ("noah", 3, 5, 10, 0, "sm", "Mark Evans, PT", False, "Checked In", (3, 1, 9, 40), "Mark Evans", ""),
    ("emma", 3, 11, 9, 0, "fu", "Dr. Sarah Lee", True, "Checked In", (3, 4, 10, 5), "Dr. Sarah Lee", ""),
    ("olivia", 3, 12, 16, 0, "init", "Mark Evans, PT", False, "No Show", (3, 10, 21, 30), "", "Google"),
    ("emma", 3, 18, 9, 0, "fu", "Dr. Sarah Lee", True, "Checked In", (3, 11, 9, 58), "Dr. Sarah Lee", ""),
    ("liam", 3, 19, 11, 0, "sm", "Mark Evans, PT", True, "Checked In", (3, 14, 19, 2), "", "Friend"),
    ("noah", 4, 2, 10, 0, "sm", "Mark Evans, PT", False, "Checked In", (3, 5, 10, 50), "Mark Evans", ""),
    ("emma", 4, 8, 9, 0, "fu", "Dr. Sarah Lee", True, "", (3, 18, 9, 41), "Dr. Sarah Lee", ""),
    ("ava", 4, 9, 14, 0, "init", "Dr. Sarah Lee", True, "Checked In", (4, 3, 22, 17), "", "Google"),
    ("olivia", 4, 15, 16, 0, "init", "Mark Evans, PT", False, "", (4, 12, 8, 3), "", "Google"),
    ("liam", 4, 23, 11, 0, "sm", "Mark Evans, PT", True, "Checked In", (3, 19, 11, 50), "Mark Evans", "Friend"),
    ("ava", 4, 30, 14, 0, "fu", "Dr. Sarah Lee", False, "No Show", (4, 9, 15, 3), "Dr. Sarah Lee", ""),
    ("noah", 5, 7, 10, 0, "sm", "Mark Evans, PT", False, "Checked In", (4, 2, 10, 48), "Mark Evans", ""),
    ("ethan", 5, 8, 8, 30, "init", "Dr. Sarah Lee", True, "Checked In", (5, 6, 7, 12), "", "Friend"),
    ("ava", 5, 14, 14, 0, "fu", "Dr. Sarah Lee", True, "Checked In", (5, 2, 13, 30), "", ""),
    ("emma", 5, 20, 9, 0, "fu", "Dr. Sarah Lee", True, "Checked In", (4, 8, 9, 33), "Dr. Sarah Lee", ""),
    ("ethan", 5, 22, 8, 30, "fu", "Dr. Sarah Lee", True, "Checked In", (5, 8, 9, 31), "Dr. Sarah Lee", ""),
    ("liam", 6, 4, 11, 0, "sm", "Mark Evans, PT", True, "Checked In", (4, 23, 11, 52), "Mark Evans", "Friend"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def acuity_dt(mon, day, hh, mm):
    return "%s %d, 2024 %02d:%02d" % (MONTHS[mon - 1], day, hh, mm)


def make_acuity():
    rows = [ACUITY_HEADER]
    for i, (who, mon, day, hh, mm, tk, cal, paid, label, sch, by, heard) in enumerate(AC_ROWS):
        fn, ln, ph, em = AC_PEOPLE[who]
        tname, price, dur = AC_TYPES[tk]
        end_min = hh * 60 + mm + dur
        rows.append([
            acuity_dt(mon, day, hh, mm), acuity_dt(mon, day, end_min // 60, end_min % 60),
            fn, ln, ph, em, tname, cal, price, "yes" if paid else "no",
            price if paid else "0.00", "", "", acuity_dt(*sch), label, by, heard,
            str(1100234501 + i * 37 + (i % 5) * 3),
        ])
    write_bytes("acuity.csv", csv_text(rows).encode("utf-8"))


# ---------------------------------------------------------------- Calendly
CALENDLY_HEADER = [
    "User Name", "Team", "Invitee Name", "Invitee First Name", "Invitee Last Name",
    "Invitee Email", "Invitee Time Zone", "Invitee accepted marketing emails",
    "Text Reminder Number", "Event Type Name", "Start Date & Time", "End Date & Time",
    "Location", "Event Created Date & Time", "Canceled", "Canceled By",
    "Cancellation reason", "Question 1", "Response 1", "Question 2", "Response 2",
    "Question 3", "Response 3", "Question 4", "Response 4", "UTM Campaign",
    "UTM Source", "UTM Medium", "UTM Term", "UTM Content", "Salesforce UUID",
    "Event Price", "Payment Currency", "Guest Email(s)", "Invitee Reconfirmed",
    "Marked as No-Show", "Meeting Notes", "Group", "User Email", "Event UUID",
    "Invitee UUID", "Invitee scheduled by", "Scheduling method",
]
CAL_PEOPLE = {
    "sofia": ("Sofia", "Brandt", "sofia.brandt@example.de", "+49 151 2345 6789"),
    "jonas": ("Jonas", "Keller", "jonas.keller@example.ch", ""),
    "mira": ("Mira", "Haddad", "mira.haddad@example.com", "+44 7700 900123"),
    "felix": ("Felix", "Wagner", "felix.wagner@example.at", ""),
    "ines": ("Inês", "Costa", "ines.costa@example.pt", "+351 912 345 678"),
}
# (who, event type, start (m, d, hh, mm, ampm), created (m, d, hh, mm, ampm), canceled, no-show, utm source)
CAL_ROWS = [
    ("sofia", "Free 20-minute intro call", (1, 9, 10, 0, "am"), (1, 4, 8, 47, "pm"), False, False, "google"),
    ("jonas", "Free 20-minute intro call", (1, 11, 2, 30, "pm"), (1, 10, 9, 5, "am"), False, False, "instagram"),
    ("sofia", "Coaching session (60 min)", (1, 23, 10, 0, "am"), (1, 9, 10, 41, "am"), False, False, ""),
    ("mira", "Free 20-minute intro call", (2, 1, 4, 0, "pm"), (1, 29, 11, 58, "pm"), True, False, "google"),
    ("mira", "Free 20-minute intro call", (2, 8, 4, 0, "pm"), (2, 1, 9, 12, "am"), False, False, "google"),
    ("jonas", "Coaching session (60 min)", (2, 12, 9, 0, "am"), (1, 11, 3, 10, "pm"), False, True, ""),
    ("sofia", "Coaching session (60 min)", (2, 20, 10, 0, "am"), (1, 23, 11, 2, "am"), False, False, ""),
    ("felix", "Free 20-minute intro call", (3, 4, 12, 0, "pm"), (3, 1, 7, 33, "pm"), False, False, "newsletter"),
    ("mira", "Coaching session (60 min)", (3, 7, 5, 0, "pm"), (2, 8, 4, 25, "pm"), False, False, ""),
    ("felix", "Coaching session (60 min)", (3, 18, 12, 0, "pm"), (3, 4, 12, 31, "pm"), True, False, ""),
    ("ines", "Free 20-minute intro call", (4, 2, 11, 30, "am"), (3, 28, 6, 14, "am"), False, False, "instagram"),
    ("sofia", "Coaching session (60 min)", (4, 3, 10, 0, "am"), (2, 20, 10, 59, "am"), False, False, ""),
]


def cal_dt(m, d, hh, mm, ap):
    return "2024-%02d-%02d %02d:%02d %s" % (m, d, hh, mm, ap)


def make_calendly():
    rows = [CALENDLY_HEADER]
    for i, (who, et, st, cr, canceled, noshow, utm) in enumerate(CAL_ROWS):
        fn, ln, em, ph = CAL_PEOPLE[who]
        m, d, hh, mm, ap = st
        dur = 20 if et.startswith("Free") else 60
        h24 = hh % 12 + (12 if ap == "pm" else 0)
        e = h24 * 60 + mm + dur
        eh, em_ = e // 60, e % 60
        eap = "pm" if eh >= 12 else "am"
        eh12 = eh % 12 or 12
        r = dict.fromkeys(CALENDLY_HEADER, "")
        r.update({
            "User Name": "Clara Vogt", "Invitee Name": "%s %s" % (fn, ln),
            "Invitee First Name": fn, "Invitee Last Name": ln, "Invitee Email": em,
            "Invitee Time Zone": "Europe/Berlin", "Invitee accepted marketing emails": "false",
            "Text Reminder Number": ph, "Event Type Name": et,
            "Start Date & Time": cal_dt(m, d, hh, mm, ap), "End Date & Time": cal_dt(m, d, eh12, em_, eap),
            "Location": "https://us02web.zoom.us/j/8123456%04d" % i,
            "Event Created Date & Time": cal_dt(*cr),
            "Canceled": "true" if canceled else "false",
            "Canceled By": "%s %s" % (fn, ln) if canceled else "",
            "Cancellation reason": "Something came up at work, sorry!" if canceled else "",
            "Question 1": "What would you like to work on?",
            "Response 1": "Career change; time management" if i % 3 == 0 else "Confidence in meetings",
            "UTM Source": utm, "UTM Medium": "social" if utm == "instagram" else ("cpc" if utm == "google" else ("email" if utm == "newsletter" else "")),
            "Invitee Reconfirmed": "false", "Marked as No-Show": "true" if noshow else "false",
            "Group": "false", "User Email": "clara@vogt-coaching.example",
            "Event UUID": "5f0c9a2e-1b7d-4c3a-9e21-%012d" % (731000 + i),
            "Invitee UUID": "a3d81f6b-72c4-4e0f-b5a9-%012d" % (552000 + i),
        })
        if et.startswith("Coaching"):
            r["Event Price"], r["Payment Currency"] = "90.00", "EUR"
        rows.append([r[h] for h in CALENDLY_HEADER])
    write_bytes("calendly.csv", csv_text(rows).encode("utf-8"))


# ---------------------------------------------------------------- Shopify
SHOPIFY_HEADER = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,"
    "Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,"
    "Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,"
    "Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,"
    "Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,"
    "Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,"
    "Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,"
    "Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,"
    "Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,"
    "Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,"
    "Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,"
    "Payment ID,Payment Terms Name,Next Payment Due At,Payment References"
).split(",")
PRODUCTS = {
    "matcha": ("Matcha Tea 100g", 24.90, "TEA-MAT-100"),
    "whisk": ("Bamboo Whisk", 12.50, "ACC-WHISK"),
    "sencha": ("Sencha 250g", 18.00, "TEA-SEN-250"),
    "cups": ("Tea Cup Set (2)", 39.00, "ACC-CUPS-2"),
    "wrap": ("Gift Wrap", 3.00, "SRV-GIFT"),
}
SH_PEOPLE = {
    "anna": ("anna.schmidt@example.com", "Anna Schmidt", "Lindenstraße 12", "Berlin", "10969", "DE", "+49 30 1234567", "yes"),
    "ben": ("ben.meyer@example.org", "Ben Meyer", "Hafenweg 3", "Hamburg", "20457", "DE", "+49 40 7654321", "no"),
    "carla": ("carla.rossi@example.it", "Carla Rossi", "Via Roma 8", "Milano", "20121", "IT", "+39 02 1234 5678", "yes"),
    "dana": ("dana.ivanova@example.com", "Dana Ivanova", "Kärntner Ring 5", "Wien", "1010", "AT", "+43 1 5551234", "no"),
    "erik": ("erik.lund@example.se", "Erik Lund", "Storgatan 21", "Malmö", "21142", "SE", "+46 40 123 45 67", "yes"),
}
# (name, who, email override, created, financial, paid at, fulfillment, fulfilled at, shipping, lines,
#  cancelled at, refunded, source, location, payment method)
SH_ORDERS = [
    ("#1001", "anna", None, "2024-01-08 10:20:35 +0100", "paid", "2024-01-08 10:20:37 +0100", "fulfilled", "2024-01-09 14:02:11 +0100", 4.90, [("matcha", 1), ("whisk", 1)], "", 0, "web", "", "Shopify Payments"),
    ("#1002", "ben", None, "2024-01-15 18:02:11 +0100", "paid", "2024-01-15 18:02:14 +0100", "fulfilled", "2024-01-16 09:30:00 +0100", 4.90, [("sencha", 2)], "", 0, "web", "", "PayPal Express Checkout"),
    ("#1003", "carla", None, "2024-02-02 09:15:00 +0100", "paid", "2024-02-02 09:15:02 +0100", "fulfilled", "2024-02-03 11:45:20 +0100", 0.00, [("matcha", 1), ("cups", 1), ("wrap", 1)], "", 0, "web", "", "Shopify Payments"),
    ("#1004", "anna", None, "2024-02-10 12:00:00 +0100", "voided", "", "unfulfilled", "", 4.90, [("sencha", 1)], "2024-02-10 15:30:12 +0100", 0, "web", "", "Shopify Payments"),
    ("#1005", "ben", "Ben.Meyer@Example.org", "2024-03-03 20:45:59 +0100", "paid", "2024-03-03 20:46:01 +0100", "fulfilled", "2024-03-04 10:12:40 +0100", 4.90, [("matcha", 1), ("whisk", 1)], "", 0, "web", "", "Shopify Payments"),
    ("#1006", "ben", None, "2024-03-03 21:10:04 +0100", "paid", "2024-03-03 21:10:04 +0100", "fulfilled", "2024-03-03 21:10:05 +0100", 0.00, [("cups", 1)], "", 0, "pos", "Hamburg Store", "cash"),
    ("#1007", "dana", None, "2024-04-12 11:11:11 +0200", "refunded", "2024-04-12 11:11:13 +0200", "fulfilled", "2024-04-13 08:55:00 +0200", 4.90, [("matcha", 1), ("cups", 1)], "", 68.80, "web", "", "Shopify Payments"),
    ("#1008", "carla", None, "2024-05-20 08:05:00 +0200", "partially_refunded", "2024-05-20 08:05:02 +0200", "fulfilled", "2024-05-21 16:40:31 +0200", 0.00, [("matcha", 3)], "", 24.90, "web", "", "Shopify Payments"),
    ("#1009", "erik", None, "2024-06-01 14:30:00 +0200", "pending", "", "unfulfilled", "", 9.90, [("sencha", 1), ("whisk", 1)], "", 0, "web", "", "Bank Deposit"),
    ("#1010", "anna", None, "2024-06-18 10:20:35 +0200", "paid", "2024-06-18 10:20:36 +0200", "unfulfilled", "", 4.90, [("matcha", 1), ("sencha", 1)], "", 0, "web", "", "Shopify Payments"),
]


def f2(x):
    return "%.2f" % x


def make_shopify():
    rows = [SHOPIFY_HEADER]
    for n, (name, who, email_ovr, created, fin, paid_at, ful, ful_at, ship, lines, canc, refunded, src, loc, pm) in enumerate(SH_ORDERS):
        email, bname, street, city, zip_, country, phone, acc = SH_PEOPLE[who]
        if email_ovr:
            email = email_ovr
        subtotal = sum(PRODUCTS[p][1] * q for p, q in lines)
        total = subtotal + ship
        vat = round(total - total / 1.19, 2) if country == "DE" else round(total - total / 1.22, 2) if country == "IT" else round(total - total / 1.2, 2) if country == "AT" else round(total - total / 1.25, 2)
        for k, (p, q) in enumerate(lines):
            pname, price, sku = PRODUCTS[p]
            r = dict.fromkeys(SHOPIFY_HEADER, "")
            r.update({
                "Name": name, "Email": email, "Created at": created,
                "Lineitem quantity": str(q), "Lineitem name": pname, "Lineitem price": f2(price),
                "Lineitem sku": sku, "Lineitem requires shipping": "false" if p == "wrap" else "true",
                "Lineitem taxable": "true",
                "Lineitem fulfillment status": "fulfilled" if ful == "fulfilled" else "pending",
                "Vendor": "Teehaus Kranich", "Lineitem discount": "0.00",
            })
            if k == 0:
                r.update({
                    "Financial Status": fin, "Paid at": paid_at, "Fulfillment Status": ful,
                    "Fulfilled at": ful_at, "Accepts Marketing": acc, "Currency": "EUR",
                    "Subtotal": f2(subtotal), "Shipping": f2(ship), "Taxes": f2(vat), "Total": f2(total),
                    "Discount Amount": "0.00",
                    "Shipping Method": "" if src == "pos" else ("Standard" if ship else "Free shipping"),
                    "Billing Name": bname, "Billing Street": street, "Billing Address1": street,
                    "Billing City": city, "Billing Zip": zip_, "Billing Country": country,
                    "Billing Phone": phone,
                    "Shipping Name": "" if src == "pos" else bname,
                    "Shipping Street": "" if src == "pos" else street,
                    "Shipping Address1": "" if src == "pos" else street,
                    "Shipping City": "" if src == "pos" else city,
                    "Shipping Zip": "" if src == "pos" else zip_,
                    "Shipping Country": "" if src == "pos" else country,
                    "Shipping Phone": "",
                    "Cancelled at": canc, "Payment Method": pm,
                    "Payment Reference": "c%d.%d" % (31415926 + n * 7, 1),
                    "Refunded Amount": f2(refunded),
                    "Outstanding Balance": f2(total) if fin == "pending" else "0.00",
                    "Employee": "Jana Wolf" if src == "pos" else "", "Location": loc,
                    "Id": str(5512345678901 + n * 1013), "Risk Level": "Low", "Source": src,
                    "Tax 1 Name": "VAT", "Tax 1 Value": f2(vat), "Phone": "",
                    "Payment ID": "c%d.%d" % (31415926 + n * 7, 1),
                    "Payment References": "c%d.%d" % (31415926 + n * 7, 1),
                })
            rows.append([r[h] for h in SHOPIFY_HEADER])
    write_bytes("shopify_orders.csv", csv_text(rows).encode("utf-8"))


# ---------------------------------------------------------------- Booking.com
BOOKING_HEADER = [
    "Book number", "Booked by", "Guest name(s)", "Check-in", "Check-out", "Booked on", "Status",
    "Rooms", "Persons", "Adults", "Children", "Children's age(s)", "Price", "Commission %",
    "Commission amount", "Payment status", "Payment method (Payment Provider)", "Remarks",
    "Booker country", "Travel purpose", "Device", "Unit type", "Duration (nights)",
    "Cancellation date", "Address", "Phone number",
]
# (book no, booked by, guests, in, out, booked on, status, persons, adults, children, ages, price,
#  cancellation date, country, purpose, device, unit, phone, remarks)
BK_ROWS = [
    ("4012345671", "Schmidt, Anna", "Anna Schmidt", "2023-07-14", "2023-07-18", "2023-03-02 20:14:51", "ok", 2, 2, 0, "", 512.00, "", "de", "Leisure", "Mobile", "Double Room with Sea View", "+49 171 2345678", ""),
    ("4019876543", "Dubois, Marc", "Marc Dubois", "2023-08-01", "2023-08-03", "2023-07-20 09:03:12", "ok", 1, 1, 0, "", 238.50, "", "fr", "Business", "Desktop", "Standard Single Room", "+33 6 12 34 56 78", "Arrival around 22:00"),
    ("4023344556", "Rossi, Giulia", "Giulia Rossi, Paolo Rossi", "2023-09-10", "2023-09-15", "2023-05-28 13:47:00", "ok", 3, 2, 1, "7", 690.00, "", "it", "Leisure", "Mobile", "Family Room", "+39 347 123 4567", "Baby cot, please"),
    ("4031122334", "Kowalski, Piotr", "Piotr Kowalski", "2023-10-05", "2023-10-07", "2023-09-30 17:21:44", "cancelled_by_hotel", 1, 1, 0, "", 198.00, "2023-10-02 11:05:09", "pl", "Business", "Desktop", "Standard Single Room", "+48 601 234 567", ""),
    ("4035566778", "Schmidt, Anna", "Anna Schmidt, Jonas Schmidt", "2023-12-27", "2023-12-30", "2023-10-11 21:30:18", "ok", 2, 2, 0, "", 435.60, "", "de", "Leisure", "Mobile", "Double Room with Sea View", "+49 171 2345678", ""),
    ("4041212121", "Dubois, Marc", "Marc Dubois", "2024-02-12", "2024-02-14", "2024-02-01 08:15:40", "no_show", 1, 1, 0, "", 126.63, "", "fr", "Business", "Desktop", "Standard Single Room", "+33 6 12 34 56 78", ""),
    ("4043434343", "Jensen, Mette", "Lars Jensen", "2024-03-22", "2024-03-24", "2024-03-10 19:59:02", "ok", 1, 1, 0, "", 244.00, "", "dk", "Leisure", "Mobile", "Double Room with Sea View", "+45 20 12 34 56", "Booked for my father"),
    ("4045656565", "Schmidt, Anna", "Anna Schmidt", "2024-05-09", "2024-05-12", "2024-01-15 22:41:10", "cancelled_by_guest", 2, 2, 0, "", 401.40, "2024-04-02 09:15:33", "de", "Leisure", "Mobile", "Double Room with Sea View", "+49 171 2345678", ""),
    ("4047878787", "Rossi, Giulia", "Giulia Rossi", "2024-06-20", "2024-06-23", "2024-04-30 12:00:55", "ok", 1, 1, 0, "", 378.00, "", "it", "Business", "Desktop", "Standard Single Room", "+39 347 123 4567", ""),
    ("4049090909", "Schmidt, Anna", "Anna Schmidt, Jonas Schmidt", "2024-07-15", "2024-07-19", "2024-02-22 20:08:31", "ok", 2, 2, 0, "", 1248.00, "", "de", "Leisure", "Tablet", "Double Room with Sea View", "+49 171 2345678", "Late check-out if possible"),
    ("4050101010", "Jensen, Mette", "Mette Jensen", "2024-08-02", "2024-08-04", "2024-07-29 07:45:12", "ok", 1, 1, 0, "", 266.00, "", "dk", "Leisure", "Mobile", "Standard Single Room", "+45 20 12 34 56", ""),
    ("4052323232", "Rossi, Giulia", "Giulia Rossi, Paolo Rossi", "2025-02-14", "2025-02-16", "2024-11-19 18:30:00", "ok", 2, 2, 0, "", 356.00, "", "it", "Leisure", "Mobile", "Double Room with Sea View", "+39 347 123 4567", ""),
]


def make_booking():
    rows = [BOOKING_HEADER]
    for (bn, by, guests, ci, co, bo, st, persons, adults, children, ages, price, canc, ctry, purpose, dev, unit, phone, rem) in BK_ROWS:
        from datetime import date
        nights = (date.fromisoformat(co) - date.fromisoformat(ci)).days
        rows.append([
            bn, by, guests, ci, co, bo, st, "1", str(persons), str(adults), str(children), ages,
            "%.2f EUR" % price, "15", "%.2f EUR" % round(price * 0.15, 2), "", "", rem, ctry,
            purpose, dev, unit, str(nights), canc, "", phone,
        ])
    # Booking.com gives .xls only; this is what Excel's "CSV UTF-8 (Comma delimited)" writes.
    data = "\ufeff" + csv_text(rows, lineterminator="\r\n")
    write_bytes("booking_com.csv", data.encode("utf-8"))


# ---------------------------------------------------------------- Stripe
STRIPE_HEADER = [
    "id", "Description", "Created (UTC)", "Amount", "Amount Refunded", "Currency", "Converted Amount",
    "Converted Amount Refunded", "Fee", "Tax", "Converted Currency", "Mode", "Status",
    "Statement Descriptor", "Customer ID", "Customer Description", "Customer Email", "Captured",
    "Card ID", "Card Last4", "Card Brand", "Card Funding", "Card Exp Month", "Card Exp Year",
    "Card Name", "Card Address Line1", "Card Address Line2", "Card Address City",
    "Card Address State", "Card Address Country", "Card Address Zip", "Card Issue Country",
    "Card Fingerprint", "Card CVC Status", "Card AVS Zip Status", "Card AVS Line1 Status",
    "Card Tokenization Method", "Disputed Amount", "Dispute Status", "Dispute Reason",
    "Dispute Date (UTC)", "Dispute Evidence Due (UTC)", "Invoice ID", "Payment Source Type",
    "Destination", "Transfer",
]
ST_PEOPLE = {
    "julia": ("cus_PQ1aB2cD3eF4gH", "Julia Weber", "julia.weber@example.de", "Visa", "4242"),
    "omar": ("cus_PR5iJ6kL7mN8oP", "Omar Haddad", "omar.haddad@example.com", "MasterCard", "4444"),
    "kim": ("cus_PS9qR0sT1uV2wX", "Kim Nguyen", "kim.nguyen@example.net", "Visa", "1881"),
    "lea": ("cus_PT3yZ4aB5cD6eF", "Léa Moreau", "lea.moreau@example.fr", "Visa", "0005"),
    "guest": ("", "", "p.fischer@example.de", "MasterCard", "5100"),
}
# (who, description, created, amount, status, refunded)
ST_ROWS = [
    ("julia", "Yoga drop-in class", "2024-01-05 08:12", 18.00, "Paid", 0),
    ("omar", "10-class pass", "2024-01-07 17:40", 150.00, "Paid", 0),
    ("julia", "Yoga drop-in class", "2024-01-12 08:05", 18.00, "Paid", 0),
    ("kim", "Yoga drop-in class", "2024-01-19 18:31", 18.00, "Failed", 0),
    ("kim", "Yoga drop-in class", "2024-01-19 18:33", 18.00, "Paid", 0),
    ("julia", "Yoga drop-in class", "2024-01-26 08:09", 18.00, "Paid", 0),
    ("guest", "Workshop: Breathwork basics", "2024-02-03 10:00", 45.00, "Paid", 0),
    ("lea", "Yoga drop-in class", "2024-02-09 12:15", 18.00, "Refunded", 18.00),
    ("omar", "10-class pass", "2024-03-08 17:52", 150.00, "Paid", 0),
    ("julia", "Monthly unlimited", "2024-03-01 07:58", 89.00, "Paid", 0),
    ("kim", "Monthly unlimited", "2024-03-15 19:02", 89.00, "Failed", 0),
    ("lea", "Workshop: Breathwork basics", "2024-04-06 09:47", 45.00, "Paid", 0),
    ("julia", "Monthly unlimited", "2024-04-01 08:01", 89.00, "Paid", 20.00),
    ("guest", "Yoga drop-in class", "2024-04-13 10:20", 18.00, "Paid", 0),
]


def make_stripe():
    rows = [STRIPE_HEADER]
    for i, (who, desc, created, amt, status, refunded) in enumerate(ST_ROWS):
        cid, cname, email, brand, last4 = ST_PEOPLE[who]
        fee = round(amt * 0.015 + 0.25, 2) if status != "Failed" else 0.0
        r = dict.fromkeys(STRIPE_HEADER, "")
        r.update({
            "id": "ch_3Ob%02dXyZ4aBcDeFg%02d" % (i + 1, 17 + i), "Description": desc,
            "Created (UTC)": created, "Amount": f2(amt), "Amount Refunded": f2(refunded),
            "Currency": "eur", "Converted Amount": f2(amt) if status != "Failed" else "",
            "Converted Amount Refunded": f2(refunded), "Fee": f2(fee), "Tax": "0.00",
            "Converted Currency": "eur", "Mode": "Live", "Status": status,
            "Statement Descriptor": "STUDIO LOTUS", "Customer ID": cid, "Customer Description": cname,
            "Customer Email": email, "Captured": "false" if status == "Failed" else "true",
            "Card ID": "card_1Ob%02dPqRsTuVwXyZ" % (i + 1), "Card Last4": last4, "Card Brand": brand,
            "Card Funding": "credit" if brand == "MasterCard" else "debit",
            "Card Exp Month": str(1 + (i * 5) % 12), "Card Exp Year": "2027",
            "Card Name": cname or "P Fischer", "Card Address Country": "DE", "Card Issue Country": "DE",
            "Card Fingerprint": "Fp%02dAbCdEfGhIjKl" % (i % 5), "Card CVC Status": "pass",
            "Card AVS Zip Status": "", "Card AVS Line1 Status": "",
            "Disputed Amount": "0.00", "Payment Source Type": "card",
            "Transfer": "" if status == "Failed" else "po_1Oc%02dAbCdEfGhIj" % (i // 4 + 1),
        })
        rows.append([r[h] for h in STRIPE_HEADER])
    write_bytes("stripe_payments.csv", csv_text(rows).encode("utf-8"))


# ---------------------------------------------------------------- German practice, cp1252
DE_HEADER = ["Patienten-Nr.", "Name", "Termin", "Status", "Leistung", "Behandler/in",
             "Buchungsweg", "Überweiser", "Kontaktweg", "Honorar (€)"]
DE_PAT = {
    "P-1001": ("Müller, Jürgen", "Dr. Höfer", "Telefon"),
    "P-1002": ("Schäfer, Anna", "", "E-Mail"),
    "P-1003": ("Weiß, Käthe", "Dr. Öztürk", "Brief"),
    "P-1004": ("Groß, Björn", "", "SMS"),
    "P-1005": ("Kühn, Sören", "Dr. Höfer", ""),
    "P-1006": ("Lindström, Åsa", "", "E-Mail"),
    "P-1007": ("Nußbaum, Grete", "Dr. Brünig", "Telefon"),
    "P-1008": ("Çelik, Zoë", "", ""),
}
# (patient, date, status, service, therapist, channel, fee)
DE_ROWS = [
    ("P-1001", "08.01.2024", "erschienen", "KG", "Frau Krüger", "Telefon", "25,40"),
    ("P-1002", "09.01.2024", "erschienen", "MT", "Herr Maaß", "Online (Doctolib)", "32,10"),
    ("P-1001", "15.01.2024", "erschienen", "KG", "Frau Krüger", "Telefon", "25,40"),
    ("P-1003", "16.01.2024", "abgesagt", "Lymphdrainage", "Frau Jäger", "Telefon", "0,00"),
    ("P-1001", "22.01.2024", "erschienen", "KG", "Herr Maaß", "Telefon", "25,40"),
    ("P-1004", "23.01.2024", "erschienen", "Massage", "Frau Jäger", "persönlich", "28,00"),
    ("P-1003", "23.01.2024", "erschienen", "Lymphdrainage", "Frau Jäger", "Telefon", "38,90"),
    ("P-1002", "30.01.2024", "nicht erschienen", "MT", "Herr Maaß", "Online (Doctolib)", "0,00"),
    ("P-1001", "29.01.2024", "erschienen", "KG", "Frau Krüger", "Telefon", "25,40"),
    ("P-1005", "05.02.2024", "erschienen", "KG", "Frau Krüger", "Überweisung", "25,40"),
    ("P-1006", "06.02.2024", "erschienen", "Osteopathie (Selbstzahler)", "Herr Maaß", "Online (Website)", "95,00"),
    ("P-1003", "06.02.2024", "erschienen", "Lymphdrainage", "Frau Jäger", "Telefon", "38,90"),
    ("P-1001", "05.02.2024", "abgesagt", "KG", "Frau Krüger", "Telefon", "0,00"),
    ("P-1007", "12.02.2024", "erschienen", "KG", "Herr Maaß", "Telefon", "25,40"),
    ("P-1005", "12.02.2024", "erschienen", "KG", "Frau Krüger", "Überweisung", "25,40"),
    ("P-1004", "20.02.2024", "nicht erschienen", "Massage", "Frau Jäger", "persönlich", "0,00"),
    ("P-1006", "05.03.2024", "erschienen", "Rückenkurs 10er-Karte", "Herr Maaß", "Online (Website)", "1.234,56"),
    ("P-1002", "06.03.2024", "erschienen", "MT", "Frau Krüger", "Online (Doctolib)", "32,10"),
    ("P-1007", "11.03.2024", "erschienen", "KG", "Herr Maaß", "Telefon", "25,40"),
    ("P-1008", "12.03.2024", "erschienen", "Manuelle Lymphdrainage 45 Min.", "Frau Jäger", "Online (Doctolib)", "52,75"),
    ("P-1005", "19.03.2024", "erschienen", "KG", "Frau Krüger", "Überweisung", "25,40"),
    ("P-1003", "02.04.2024", "abgesagt", "Lymphdrainage", "Frau Jäger", "Telefon", "0,00"),
    ("P-1001", "08.04.2024", "erschienen", "KG Gerät", "Herr Maaß", "Telefon", "41,20"),
    ("P-1008", "16.04.2024", "nicht erschienen", "Manuelle Lymphdrainage 45 Min.", "Frau Jäger", "Online (Doctolib)", "0,00"),
    ("P-1007", "22.04.2024", "erschienen", "KG", "Frau Krüger", "Telefon", "25,40"),
    ("P-1002", "14.05.2024", "erschienen", "MT", "Frau Krüger", "Telefon", "32,10"),
    ("P-1005", "11.06.2024", "erschienen", "KG", "Herr Maaß", "Überweisung", "25,40"),
    ("P-1004", "02.07.2024", "erschienen", "Massage", "Frau Jäger", "persönlich", "28,00"),
    ("P-1007", "20.01.2025", "geplant", "KG", "Herr Maaß", "Telefon", "25,40"),
    ("P-1006", "03.09.2024", "erschienen", "Osteopathie (Selbstzahler)", "Herr Maaß", "Online (Website)", "95,00"),
]


def make_de_praxis():
    rows = [DE_HEADER]
    for pid, d, st, svc, th, ch, fee in DE_ROWS:
        name, ref, contact = DE_PAT[pid]
        rows.append([pid, name, d, st, svc, th, ch, ref, contact, fee])
    text = csv_text(rows, delimiter=";", lineterminator="\r\n")
    write_bytes("de_praxis_cp1252.csv", text.encode("cp1252"))


# ---------------------------------------------------------------- English, UTF-8 BOM, ISO 8601
EN_HEADER = ["Customer ID", "Customer Name", "Email", "Start", "Created", "Status", "Service",
             "Staff", "Amount", "Channel"]
EN_ROWS = [
    ("C-201", "Hannah Lee", "hannah.lee@example.com", "2024-03-05T09:30:00Z", "2024-02-27T18:04:11Z", "completed", "Deep Tissue Massage 60", "Rosa", "85.00", "online"),
    ("C-202", "Marcus Green", "marcus.green@example.com", "2024-03-05T10:30:00+01:00", "2024-03-01T08:00:00+01:00", "completed", "Facial", "Nadia", "70.00", "phone"),
    ("C-201", "Hannah Lee", "hannah.lee@example.com", "2024-03-19T09:30:00Z", "2024-03-05T10:31:09Z", "completed", "Deep Tissue Massage 60", "Rosa", "85.00", "online"),
    ("C-203", "Priya Natarajan", "priya.n@example.in", "2024-03-12T08:15:00-05:00", "2024-03-10T21:45:30-05:00", "no_show", "Facial", "Nadia", "0.00", "online"),
    ("C-204", "Tobias Frank", "tobias.frank@example.de", "2024-03-31T23:30:00-02:00", "2024-03-20T12:00:00Z", "completed", "Sports Massage 45", "Rosa", "65.00", "walk-in"),
    ("C-202", "Marcus Green", "marcus.green@example.com", "2024-04-02T14:00:00.000Z", "2024-03-05T11:02:44.512Z", "cancelled", "Facial", "Nadia", "0.00", "phone"),
    ("C-203", "Priya Natarajan", "priya.n@example.in", "2024-04-09T08:15:00-04:00", "2024-03-12T09:00:00-04:00", "completed", "Facial", "Nadia", "70.00", "online"),
    ("C-201", "Hannah Lee", "hannah.lee@example.com", "2024-04-16T09:30:00+02:00", "2024-03-19T10:40:00+01:00", "completed", "Deep Tissue Massage 90", "Rosa", "120.00", "online"),
    ("C-205", "Aiko Tanaka", "aiko.tanaka@example.jp", "2024-04-20T01:00:00+09:00", "2024-04-15T06:20:00+09:00", "completed", "Facial", "Nadia", "70.00", "online"),
    ("C-204", "Tobias Frank", "tobias.frank@example.de", "2024-05-07T17:00:00+02:00", "2024-04-01T09:09:09+02:00", "completed", "Sports Massage 45", "Rosa", "65.00", "phone"),
    ("C-202", "Marcus Green", "marcus.green@example.com", "2024-05-14T14:00:00Z", "2024-04-02T15:00:00Z", "completed", "Facial", "Nadia", "70.00", "phone"),
    ("C-201", "Hannah Lee", "hannah.lee@example.com", "2025-01-14T09:30:00+01:00", "2024-12-10T08:00:00+01:00", "confirmed", "Deep Tissue Massage 60", "Rosa", "85.00", "online"),
]


def make_en_iso():
    text = "\ufeff" + csv_text([EN_HEADER] + [list(r) for r in EN_ROWS], lineterminator="\n")
    write_bytes("en_booking_iso.csv", text.encode("utf-8"))


# ---------------------------------------------------------------- Excel "Unicode text"
XL_HEADER = ["Kundennr.", "Name", "Datum", "Leistung", "Mitarbeiter", "Umsatz"]
XL_ROWS = [
    ("501", "Łukasz Nowak", "04.03.2024", "Haarschnitt Herren", "Jana", "29,00"),
    ("502", "Renée Fässler", "05.03.2024", "Färben & Schneiden", "Mia", "89,50"),
    ("503", "Ömer Aydın", "05.03.2024", "Bartpflege", "Jana", "15,00"),
    ("501", "Łukasz Nowak", "02.04.2024", "Haarschnitt Herren", "Jana", "29,00"),
    ("504", "Søren Ølgaard", "09.04.2024", 'Massage "Deluxe"', "Mia", "65,00"),
    ("502", "Renée Fässler", "16.04.2024", "Schnitt\tFöhnen", "Mia", "45,00"),
    ("503", "Ömer Aydın", "07.05.2024", "Bartpflege", "Jana", "15,00"),
    ("501", "Łukasz Nowak", "07.05.2024", "Haarschnitt Herren", "Jana", "29,00"),
    ("504", "Søren Ølgaard", "21.05.2024", "Massage", "Mia", "1.050,00"),
    ("502", "Renée Fässler", "28.05.2024", "Färben & Schneiden", "Mia", "89,50"),
    ("501", "Łukasz Nowak", "04.06.2024", "Haarschnitt Herren", "Jana", "29,00"),
    ("503", "Ömer Aydın", "11.06.2024", "Haarschnitt Herren", "Mia", "29,00"),
]


def make_excel_utf16():
    # Excel "Unicode Text (*.txt)": UTF-16 LE with BOM, TAB, CRLF; quotes only fields that need it.
    text = csv_text([XL_HEADER] + [list(r) for r in XL_ROWS], delimiter="\t", lineterminator="\r\n")
    write_bytes("excel_utf16.txt", b"\xff\xfe" + text.encode("utf-16-le"))


# ---------------------------------------------------------------- US, mm/dd/yyyy
US_HEADER = ["Client ID", "Client", "Appointment Date", "Service", "Status", "Price"]
US_ROWS = [
    ("1001", "Jessica Moore", "01/02/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("1002", "Kevin Park", "01/03/2024", "Exam", "Completed", "$85.00"),
    ("1003", "Laura Chen", "01/05/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("1004", "Michael Rossi", "01/08/2024", "Filling", "Completed", "$210.00"),
    ("1005", "Nina Patel", "01/09/2024", "Exam", "Cancelled", "$0.00"),
    ("1006", "Oscar Diaz", "01/10/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("1002", "Kevin Park", "01/11/2024", "X-Ray", "Completed", "$95.00"),
    ("1001", "Jessica Moore", "02/01/2024", "Whitening", "Completed", "$350.00"),
    ("1003", "Laura Chen", "02/02/2024", "Exam", "No Show", "$0.00"),
    ("1007", "Paula Young", "02/05/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("1004", "Michael Rossi", "02/06/2024", "Crown", "Completed", "$1,050.00"),
    ("1005", "Nina Patel", "02/07/2024", "Exam", "Completed", "$85.00"),
    ("1008", "Quentin Hale", "02/08/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("1006", "Oscar Diaz", "02/09/2024", "Filling", "Completed", "$210.00"),
    ("1002", "Kevin Park", "02/12/2024", "Filling", "Completed", "$210.00"),
    ("1001", "Jessica Moore", "03/01/2024", "Exam", "Completed", "$85.00"),
    ("1009", "Rachel Stone", "03/04/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("1003", "Laura Chen", "03/05/2024", "Exam", "Completed", "$85.00"),
    ("1007", "Paula Young", "03/06/2024", "X-Ray", "Completed", "$95.00"),
    ("1010", "Samuel Ortiz", "03/07/2024", "Exam", "Completed", "$85.00"),
    ("1004", "Michael Rossi", "03/08/2024", "Crown Fitting", "Completed", "$0.00"),
    ("1008", "Quentin Hale", "03/11/2024", "Exam", "Cancelled", "$0.00"),
    ("1005", "Nina Patel", "03/14/2024", "Filling", "Completed", "$210.00"),
    ("1006", "Oscar Diaz", "03/21/2024", "Exam", "Completed", "$85.00"),
    ("1009", "Rachel Stone", "04/02/2024", "Filling", "Completed", "$210.00"),
    ("1010", "Samuel Ortiz", "04/15/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("1001", "Jessica Moore", "04/25/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("1002", "Kevin Park", "05/13/2024", "Exam", "Completed", "$85.00"),
    ("1007", "Paula Young", "05/30/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("1003", "Laura Chen", "06/18/2024", "Teeth Cleaning", "Completed", "$120.00"),
]
AMB_ROWS = [
    ("2001", "Alice Brown", "01/02/2024", "Exam", "Completed", "$85.00"),
    ("2002", "Brian Clarke", "01/04/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("2003", "Cathy Dunn", "02/03/2024", "Exam", "Completed", "$85.00"),
    ("2001", "Alice Brown", "02/05/2024", "Filling", "Completed", "$210.00"),
    ("2004", "Derek Evans", "03/06/2024", "Exam", "Cancelled", "$0.00"),
    ("2002", "Brian Clarke", "04/07/2024", "Exam", "Completed", "$85.00"),
    ("2003", "Cathy Dunn", "05/08/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("2005", "Elena Ford", "06/09/2024", "Exam", "Completed", "$85.00"),
    ("2001", "Alice Brown", "07/10/2024", "Teeth Cleaning", "Completed", "$120.00"),
    ("2004", "Derek Evans", "08/11/2024", "Exam", "Completed", "$85.00"),
    ("2005", "Elena Ford", "09/12/2024", "X-Ray", "Completed", "$95.00"),
    ("2002", "Brian Clarke", "10/01/2024", "Filling", "No Show", "$0.00"),
    ("2003", "Cathy Dunn", "11/02/2024", "Exam", "Completed", "$85.00"),
    ("2001", "Alice Brown", "12/03/2024", "Exam", "Completed", "$85.00"),
    ("2005", "Elena Ford", "12/12/2024", "Teeth Cleaning", "Completed", "$120.00"),
]


def make_us():
    write_bytes("us_ambiguous.csv", csv_text([US_HEADER] + [list(r) for r in US_ROWS]).encode("utf-8"))
    write_bytes("ambiguous_only.csv", csv_text([US_HEADER] + [list(r) for r in AMB_ROWS]).encode("utf-8"))


# ---------------------------------------------------------------- order lines
OL_HEADER = ["Order No", "Customer No", "Order Date", "Item", "Qty", "Line Amount"]
OL_ROWS = [
    ("A-5001", "K-11", "2024-01-04", "Espresso beans 1kg", "1", "24.90"),
    ("A-5001", "K-11", "2024-01-04", "Milk jug", "1", "14.50"),
    ("A-5001", "K-11", "2024-01-04", "Descaler", "2", "11.80"),
    ("A-5002", "K-12", "2024-01-04", "Filter papers", "3", "8.85"),
    ("A-5003", "K-13", "2024-01-10", "Espresso beans 1kg", "2", "49.80"),
    ("A-5003", "K-13", "2024-01-10", "Tamper", "1", "29.00"),
    ("A-5004", "K-11", "2024-01-10", "Espresso beans 1kg", "1", "24.90"),
    ("A-5005", "K-11", "2024-01-10", "Cleaning tablets", "1", "9.90"),
    ("A-5006", "K-14", "2024-01-18", "Grinder", "1", "249.00"),
    ("A-5006", "K-14", "2024-01-18", "Espresso beans 1kg", "1", "24.90"),
    ("A-5007", "K-12", "2024-01-25", "Filter papers", "3", "8.85"),
    ("A-5007", "K-12", "2024-01-25", "Decaf beans 500g", "1", "12.40"),
    ("A-5008", "K-15", "2024-02-02", "Espresso beans 1kg", "1", "24.90"),
    ("A-5009", "K-13", "2024-02-08", "Espresso beans 1kg", "2", "49.80"),
    ("A-5009", "K-13", "2024-02-08", "Milk jug", "1", "14.50"),
    ("A-5009", "K-13", "2024-02-08", "Descaler", "1", "5.90"),
    ("A-5010", "K-11", "2024-02-15", "Espresso beans 1kg", "1", "24.90"),
    ("A-5011", "K-14", "2024-02-22", "Espresso beans 1kg", "2", "49.80"),
    ("A-5011", "K-14", "2024-02-22", "Cleaning tablets", "1", "9.90"),
    ("A-5012", "K-15", "2024-02-29", "Tamper", "1", "29.00"),
]


def make_order_lines():
    write_bytes("order_lines.csv", csv_text([OL_HEADER] + [list(r) for r in OL_ROWS]).encode("utf-8"))
    jan = [r for r in OL_ROWS if r[2].startswith("2024-01")]
    write_bytes("order_lines_jan.csv", csv_text([OL_HEADER] + [list(r) for r in jan]).encode("utf-8"))
    write_bytes("order_lines_janfeb.csv", csv_text([OL_HEADER] + [list(r) for r in OL_ROWS]).encode("utf-8"))


# ---------------------------------------------------------------- bad rows (line numbers are physical)
BAD_LINES = [
    "Kundennr;Datum;Status;Leistung;Betrag",          # 1 header
    "K-1001;08.01.2024;erschienen;KG;25,40",          # 2 ok
    "K-1002;09.01.2024;erschienen;MT;32,10",          # 3 ok
    "K-1003;3x.01.2024;erschienen;KG;25,40",          # 4 unparseable date
    "K-1004;31.04.2024;erschienen;KG;25,40",          # 5 impossible date (April has 30 days)
    ";10.01.2024;erschienen;KG;25,40",                # 6 missing customer
    "K-1005;11.01.2024;erschienen",                   # 7 too few fields (3 of 5)
    "K-1006;12.01.2024;erschienen;KG;25,40;extra;x",  # 8 too many fields (7 of 5)
    "K-1007;15.01.2024;erschienen;KG;25,4O",          # 9 bad amount (letter O, not zero)
    "K-1008;16.01.2024;vielleicht;KG;25,40",          # 10 unknown status value
    "K-1001;22.01.2024;erschienen;KG;25,40",          # 11 ok
    "K-1001;22.01.2024;erschienen;KG;25,40",          # 12 exact duplicate of line 11
    "",                                               # 13 blank line
    'K-1002;23.01.2024;abgesagt;"MT',                 # 14 quoted field with an embedded newline ...
    'Patient hat angerufen";0,00',                    # 15 ... record continues (valid record, lines 14-15)
    "K-1009;29.01.2024;nicht erschienen;KG;0,00",     # 16 ok (no-show)
    "K-1003;30.01.2024;erschienen;KG;25,40",          # 17 ok
    'K-1010;05.02.2024;erschienen;"Massage;28,00',    # 18 unterminated quote at end of file
]


def make_bad_rows():
    write_bytes("bad_rows.csv", ("\r\n".join(BAD_LINES) + "\r\n").encode("utf-8"))


# ---------------------------------------------------------------- cdnow head
def make_cdnow():
    src = CDNOW if os.path.exists(CDNOW) else CDNOW_ALT
    with open(src, "rb") as f:
        lines = f.read().split(b"\n")
    write_bytes("cdnow_head.txt", b"\n".join(lines[:60]) + b"\n")


# ---------------------------------------------------------------- no header, pipe, quoted
NOHEAD_ROWS = [
    ("3001", "04.03.2024", "erschienen", "45,00"),
    ("3002", "05.03.2024", "erschienen", "60,00"),
    ("3001", "11.03.2024", "erschienen", "45,00"),
    ("3003", "12.03.2024", "abgesagt", "0,00"),
    ("3004", "18.03.2024", "erschienen", "52,50"),
    ("3001", "18.03.2024", "erschienen", "45,00"),
    ("3002", "02.04.2024", "nicht erschienen", "0,00"),
    ("3003", "09.04.2024", "erschienen", "45,00"),
    ("3004", "15.04.2024", "erschienen", "52,50"),
    ("3001", "22.04.2024", "erschienen", "45,00"),
    ("3002", "07.05.2024", "erschienen", "60,00"),
    ("3003", "14.05.2024", "erschienen", "45,00"),
]
PIPE_HEADER = ["customer_id", "visit_date", "service", "staff", "amount"]
PIPE_ROWS = [
    ("c-17", "2024-02-01", "Cut & style", "Ivy", "55.00"),
    ("c-18", "2024-02-03", "Beard trim", "Max", "18.00"),
    ("c-17", "2024-03-02", "Cut & style", "Ivy", "55.00"),
    ("c-19", "2024-03-09", "Colour", "Ivy", "110.00"),
    ("c-18", "2024-03-16", "Beard trim", "Max", "18.00"),
    ("c-17", "2024-04-06", "Cut & style", "Max", "55.00"),
    ("c-19", "2024-05-11", "Colour", "Ivy", "110.00"),
    ("c-18", "2024-05-18", "Cut | wash", "Max", "32.00"),
    ("c-17", "2024-05-04", "Cut & style", "Ivy", "55.00"),
    ("c-19", "2024-06-15", "Toner", "Ivy", "45.00"),
]
SQ_HEADER_Q = ["Kundennr", "Name", "Datum", "Leistung", "Notiz", "Betrag"]
SQ_ROWS_Q = [
    ("7001", "Becker, Ulrike", "06.02.2024", "Zahnreinigung (PZR)", "Recall; 6 Monate", "89,00"),
    ("7002", "Hoffmann, Paul", "07.02.2024", "Kontrolle", 'sagt: "kein Stress"', "0,00"),
    ("7003", "Yilmaz, Deniz", "08.02.2024", "Füllung", "Zahn 36;\nKomposit", "112,40"),
    ("7001", "Becker, Ulrike", "13.02.2024", "Kontrolle", "", "0,00"),
    ("7004", 'Schulz, Marie "Mia"', "20.02.2024", "PZR; Fluoridierung", "", "99,00"),
    ("7002", "Hoffmann, Paul", "05.03.2024", "Füllung", "Zahn 14\nZahn 15\nbeide Komposit", "224,80"),
    ("7003", "Yilmaz, Deniz", "12.03.2024", "Kontrolle", "Termin verschoben; \"dringend\"", "0,00"),
    ("7004", 'Schulz, Marie "Mia"', "19.03.2024", "Bleaching", "Preis inkl. Schiene;\r\nRatenzahlung", "1.250,00"),
    ("7001", "Becker, Ulrike", "06.08.2024", "Zahnreinigung (PZR)", "Recall; 6 Monate", "89,00"),
    ("7002", "Hoffmann, Paul", "10.09.2024", "Kontrolle", "", "0,00"),
]


def make_misc():
    write_bytes("no_header.csv", csv_text([list(r) for r in NOHEAD_ROWS], delimiter=";", lineterminator="\r\n").encode("utf-8"))
    write_bytes("pipe.psv", csv_text([PIPE_HEADER] + [list(r) for r in PIPE_ROWS], delimiter="|").encode("utf-8"))
    write_bytes("semicolon_quoted.csv", csv_text([SQ_HEADER_Q] + [list(r) for r in SQ_ROWS_Q], delimiter=";", lineterminator="\r\n").encode("utf-8"))


# ---------------------------------------------------------------- email / phone / split date-time keys
EMAIL_HEADER = ["Name", "Email", "Date", "Service", "Amount"]
EMAIL_ROWS = [
    ("Anna Schmidt", "Anna.Schmidt@Example.com", "2024-01-10", "Yoga class", "15.00"),
    ("Ben Okafor", "ben.okafor@example.org", "2024-01-11", "Pilates", "18.00"),
    ("A. Schmidt", " anna.schmidt@example.com ", "2024-01-24", "Yoga class", "15.00"),
    ("Chloe Martin", "chloe.martin@example.fr", "2024-02-01", "Yoga class", "15.00"),
    ("Ben Okafor", "BEN.OKAFOR@EXAMPLE.ORG", "2024-02-08", "Pilates", "18.00"),
    ("Anna Schmidt", "ANNA.SCHMIDT@EXAMPLE.COM", "2024-02-14", "Pilates", "18.00"),
    ("Walk-in", "", "2024-02-15", "Yoga class", "15.00"),
    ("Dev Raman", "dev.raman@example.in", "2024-02-20", "Yoga class", "15.00"),
    ("Chloe Martin", "Chloe.Martin@example.fr\t", "2024-03-07", "Pilates", "18.00"),
    ("Anna Schmidt", "anna.schmidt@example.com", "2024-03-13", "Yoga class", "15.00"),
    ("Dev Raman", " Dev.Raman@Example.IN", "2024-03-19", "Pilates", "18.00"),
    ("Ben Okafor", "ben.okafor@example.org", "2024-04-04", "Yoga class", "15.00"),
]
PHONE_HEADER = ["Name", "Telefon", "Datum", "Leistung", "Betrag"]
PHONE_ROWS = [
    ("Frau Albrecht", "+49 30 1234567", "05.03.2024", "KG", "25,40"),
    ("Herr Brandt", "+49 171 2345678", "05.03.2024", "MT", "32,10"),
    ("Frau Albrecht", "030/1234567", "12.03.2024", "KG", "25,40"),
    ("Herr Brandt", "0171-2345678", "19.03.2024", "MT", "32,10"),
    ("Frau Albrecht", "030 1234567", "19.03.2024", "KG", "25,40"),
    ("Frau Czerny", "+43 1 5551234", "26.03.2024", "Massage", "28,00"),
    ("Frau Albrecht", "+49 (0)30 1234567", "26.03.2024", "KG", "25,40"),
    ("Herr Dorn", "089 98765", "02.04.2024", "KG", "25,40"),
    ("Herr Brandt", "0171 234 56 78", "02.04.2024", "MT", "32,10"),
    ("Frau Albrecht", "0049 30 1234567", "09.04.2024", "KG", "25,40"),
    ("Frau Czerny", "0043 1 5551234", "16.04.2024", "Massage", "28,00"),
    ("Herr Dorn", "+49 89 98765", "23.04.2024", "KG", "25,40"),
]
SPLIT_HEADER = ["Client", "Email", "Date", "Time", "Service", "Status"]
SPLIT_ROWS = [
    ("Grace Hill", "grace.hill@example.com", "2024-03-04", "09:00", "Consultation", "Completed"),
    ("Ivan Petrov", "ivan.petrov@example.com", "2024-03-04", "10:30", "Treatment", "Completed"),
    ("Grace Hill", "grace.hill@example.com", "2024-03-04", "16:15", "Treatment", "Completed"),
    ("Julia Santos", "julia.santos@example.com", "2024-03-06", "08:45", "Consultation", "Completed"),
    ("Ivan Petrov", "ivan.petrov@example.com", "2024-03-11", "10:30", "Treatment", "Completed"),
    ("Kofi Mensah", "kofi.mensah@example.com", "2024-03-12", "13:00", "Consultation", "Cancelled"),
    ("Grace Hill", "grace.hill@example.com", "2024-03-18", "09:00", "Treatment", "Completed"),
    ("Julia Santos", "julia.santos@example.com", "2024-03-20", "08:45", "Treatment", "No-show"),
    ("Kofi Mensah", "kofi.mensah@example.com", "2024-03-26", "13:00", "Consultation", "Completed"),
    ("Ivan Petrov", "ivan.petrov@example.com", "2024-04-08", "10:30", "Treatment", "Completed"),
    ("Grace Hill", "grace.hill@example.com", "2024-04-15", "9:05", "Treatment", "Completed"),
    ("Julia Santos", "julia.santos@example.com", "2024-04-17", "08:45", "Treatment", "Completed"),
]


def make_keys():
    write_bytes("email_key.csv", csv_text([EMAIL_HEADER] + [list(r) for r in EMAIL_ROWS]).encode("utf-8"))
    write_bytes("phone_key.csv", csv_text([PHONE_HEADER] + [list(r) for r in PHONE_ROWS], delimiter=";", lineterminator="\r\n").encode("utf-8"))
    write_bytes("split_datetime.csv", csv_text([SPLIT_HEADER] + [list(r) for r in SPLIT_ROWS]).encode("utf-8"))


def main():
    make_square()
    make_acuity()
    make_calendly()
    make_shopify()
    make_booking()
    make_stripe()
    make_de_praxis()
    make_en_iso()
    make_excel_utf16()
    make_us()
    make_order_lines()
    make_bad_rows()
    make_cdnow()
    make_misc()
    make_keys()


if __name__ == "__main__":
    main()
