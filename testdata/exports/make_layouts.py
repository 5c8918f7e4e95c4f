#!/usr/bin/env python3
"""Writes the layout fixtures of FORMATS.md sections 9-23 (python3 make_layouts.py).

One small file per researched layout: headers as the software writes them (or, where
FORMATS.md marks them unverified, as the research guessed), rows made up, people invented.
make_fixtures.py writes the older fixtures; this script only writes the files below and
prints the facts README.md lists for them. Not part of the Go build or tests.
"""
import csv
import io
import os
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = date(2024, 12, 31)


def csv_text(rows, delimiter=",", lineterminator="\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def write(name, rows, delimiter=",", lineterminator="\n", encoding="utf-8", bom=False):
    data = csv_text(rows, delimiter, lineterminator).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def facts(name, recs):
    """recs: (key or None, date, status, amount); status attended/cancelled/no-show/booked/none."""
    keyed = [r for r in recs if r[0]]
    att = [r for r in keyed if r[2] == "attended" or (r[2] == "booked" and r[1] <= AS_OF)]
    days = {(r[0], r[1]) for r in att}
    fut = [r for r in keyed if r[2] == "booked" and r[1] > AS_OF]
    print("%-28s records %2d keyed %2d customers %d attended %2d visit-days %2d booked-future %d amount(attended) %.2f" % (
        name, len(recs), len(keyed), len({r[0] for r in keyed}), len(att), len(days), len(fut),
        sum(r[3] for r in att)))


def d(s):
    return date(int(s[0:4]), int(s[5:7]), int(s[8:10]))


# ---------------------------------------------------------------- WooCommerce
WOO_HEADER = ["Order Number", "Order Status", "Order Date", "Customer Note", "First Name (Billing)",
              "Last Name (Billing)", "Email (Billing)", "Phone (Billing)", "Payment Method Title",
              "Order Subtotal Amount", "Order Shipping Amount", "Order Refund Amount",
              "Order Total Amount", "Item #", "SKU", "Item Name", "Quantity", "Item Cost"]
WOO_PEOPLE = {
    "anna": ("Anna", "Krüger", "anna.krueger@example.de", "+49 151 2345678"),
    "ben": ("Ben", "Okoro", "ben.okoro@example.com", "+44 7700 900123"),
    "carla": ("Carla", "Rossi", "carla.rossi@example.it", ""),
    "dario": ("Dario", "Vidal", "dario.vidal@example.es", "+34 612 345 678"),
}
# order, status, date, who, note, payment, shipping, refund, items [(sku, name, qty, cost)]
WOO_ORDERS = [
    (1001, "Completed", "2024-02-03 10:15", "anna", "", "PayPal", 4.90, 0, [("TEA-01", "Green tea 100 g", 2, 12.50), ("MUG-02", "Stoneware mug", 1, 25.00)]),
    (1002, "Completed", "2024-03-10 19:02", "ben", "Gift wrap please", "Credit card (Stripe)", 4.90, 0, [("TEA-03", "Rooibos 100 g", 1, 15.00)]),
    (1003, "Cancelled", "2024-04-02 08:40", "carla", "", "Direct bank transfer", 4.90, 0, [("TEA-01", "Green tea 100 g", 1, 12.50), ("TEA-04", "Chai 100 g", 2, 12.20)]),
    (1004, "Refunded", "2024-05-05 12:00", "ben", "", "PayPal", 4.90, 19.90, [("TEA-03", "Rooibos 100 g", 1, 15.00)]),
    (1005, "Completed", "2024-06-15 16:45", "carla", "", "PayPal", 0, 0, [("SET-10", "Tasting set", 1, 49.00), ("MUG-02", "Stoneware mug", 1, 25.00), ("TEA-05", "Sencha 100 g", 1, 14.50)]),
    (1006, "Failed", "2024-07-01 21:13", "dario", "", "Credit card (Stripe)", 4.90, 0, [("MUG-02", "Stoneware mug", 2, 25.00)]),
    (1007, "Processing", "2024-11-28 09:30", "anna", "", "Credit card (Stripe)", 4.90, 0, [("TEA-04", "Chai 100 g", 2, 12.20)]),
    (1008, "On hold", "2024-12-20 14:05", "dario", "Bank transfer follows", "Direct bank transfer", 0, 0, [("SET-10", "Tasting set", 1, 49.00), ("TEA-05", "Sencha 100 g", 1, 14.50)]),
]
WOO_STATUS = {"Completed": "attended", "Processing": "attended", "On hold": "booked",
              "Cancelled": "cancelled", "Refunded": "cancelled", "Failed": "cancelled"}


def make_woo():
    rows, recs, orders = [WOO_HEADER], [], []
    for no, st, when, who, note, pay, ship, refund, items in WOO_ORDERS:
        first, last, email, phone = WOO_PEOPLE[who]
        sub = round(sum(q * c for _, _, q, c in items), 2)
        total = round(sub + ship, 2)
        orders.append((email, d(when), WOO_STATUS[st], total))
        for i, (sku, name, q, c) in enumerate(items, 1):
            rows.append([no, st, when, note, first, last, email, phone, pay, "%.2f" % sub, "%.2f" % ship,
                         "%.2f" % refund if refund else "0.00", "%.2f" % total, i, sku, name, q, "%.2f" % c])
            recs.append((email, d(when), WOO_STATUS[st], total))
    write("woocommerce_orders.csv", rows, lineterminator="\r\n")
    facts("woocommerce_orders (rows)", recs)
    facts("woocommerce_orders (orders)", orders)


# ---------------------------------------------------------------- UCI Online Retail
UCI_HEADER = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]
UCI_ROWS = [
    ("536901", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, "12/1/2010 8:26", "2.55", "17901", "United Kingdom"),
    ("536901", "71053", "WHITE METAL LANTERN", 6, "12/1/2010 8:26", "3.39", "17901", "United Kingdom"),
    ("536901", "22752", "SET 7 BABUSHKA NESTING BOXES", 2, "12/1/2010 8:26", "7.65", "17901", "United Kingdom"),
    ("536902", "22633", "HAND WARMER UNION JACK", 6, "12/1/2010 8:28", "1.85", "17901", "United Kingdom"),
    ("536910", "22728", "ALARM CLOCK BAKELIKE PINK", 24, "12/1/2010 8:45", "3.75", "12901", "France"),
    ("536910", "POST", "POSTAGE", 3, "12/1/2010 8:45", "18.00", "12901", "France"),
    ("C536911", "D", "Discount", -1, "12/1/2010 9:41", "27.50", "14902", "United Kingdom"),
    ("536912", "21730", "GLASS STAR FROSTED T-LIGHT HOLDER", 6, "12/1/2010 9:41", "4.25", "15903", "United Kingdom"),
    ("536912", "22411", "JUMBO SHOPPER VINTAGE RED PAISLEY", 10, "12/1/2010 9:41", "1.95", "15903", "United Kingdom"),
    ("536913", "22139", "RETROSPOT TEA SET CERAMIC 11 PC", 1, "12/1/2010 14:32", "4.95", "", "United Kingdom"),
    ("537904", "85116", "BLACK CANDELABRA T-LIGHT HOLDER", 12, "12/7/2010 14:57", "2.10", "12904", "Iceland"),
    ("537904", "22375", "AIRLINE BAG VINTAGE JET SET BROWN", 4, "12/7/2010 14:57", "4.25", "12904", "Iceland"),
    ("538905", "22086", "PAPER CHAIN KIT 50'S CHRISTMAS", 12, "12/13/2010 10:02", "2.55", "17901", "United Kingdom"),
    ("C538906", "22086", "PAPER CHAIN KIT 50'S CHRISTMAS", -2, "12/14/2010 11:20", "2.55", "17901", "United Kingdom"),
    ("542904", "84969", "BOX OF 6 ASSORTED COLOUR TEASPOONS", 6, "1/26/2011 14:30", "4.25", "12904", "Iceland"),
]


def uci_date(s):
    m, dd, rest = s.split("/")
    return date(int(rest[:4]), int(m), int(dd))


def make_uci():
    write("uci_online_retail.csv", [UCI_HEADER] + [list(r) for r in UCI_ROWS])
    per_row = [(r[6] or None, uci_date(r[4]), "attended", float(r[5])) for r in UCI_ROWS]
    facts("uci (as read now)", per_row)
    inv = {}
    for r in UCI_ROWS:
        st = "cancelled" if r[0].startswith("C") else "attended"
        k = (r[0], r[6] or None, uci_date(r[4]), st)
        inv[k] = inv.get(k, 0) + r[3] * float(r[5])
    facts("uci (per invoice)", [(k[1], k[2], k[3], v) for k, v in inv.items()])
    print("   invoices", len(inv), "cancellation invoices", sum(1 for k in inv if k[3] == "cancelled"))


# ---------------------------------------------------------------- Stripe unified
STRIPE_HEADER = ["ID", "Created date (UTC)", "Amount", "Amount Refunded", "Currency", "Captured",
                 "Converted Amount", "Converted Amount Refunded", "Converted Currency", "Decline Reason",
                 "Description", "Fee", "Refunded date (UTC)", "Statement Descriptor", "Status",
                 "Seller Message", "Taxes On Fee", "Card ID", "Customer ID", "Customer Description",
                 "Customer Email", "Invoice ID", "Transfer"]
STRIPE_ROWS = [
    # id, created, amount, refunded, status, seller msg, decline, desc, cust id, name, email, refunded date
    ("ch_3OaA1", "2024-01-12 09:14:03", 60.00, 0, "Paid", "Payment complete.", "", "Yoga 10-class card", "cus_PaA1", "Lea Sommer", "lea.sommer@example.de", ""),
    ("ch_3ObB2", "2024-02-03 18:40:51", 25.00, 0, "Failed", "The bank did not return any further details with this decline.", "generic_decline", "Drop-in class", "cus_PbB2", "Omar Haddad", "omar.haddad@example.com", ""),
    ("ch_3ObB3", "2024-02-03 18:42:10", 25.00, 0, "Paid", "Payment complete.", "", "Drop-in class", "cus_PbB2", "Omar Haddad", "omar.haddad@example.com", ""),
    ("ch_3OcC4", "2024-03-22 23:55:00", 60.00, 60.00, "Refunded", "Payment complete.", "", "Yoga 10-class card", "cus_PcC4", "Mia Lange", "mia.lange@example.de", "2024-03-25 10:01:12"),
    ("ch_3OdD5", "2024-05-07 07:30:44", 25.00, 0, "Paid", "Payment complete.", "", "Drop-in class", "", "", "jonas.berg@example.se", ""),
    ("ch_3OeE6", "2024-06-18 12:02:19", 60.00, 10.00, "Paid", "Payment complete.", "", "Yoga 10-class card", "cus_PaA1", "Lea Sommer", "lea.sommer@example.de", "2024-06-20 08:00:00"),
    ("ch_3OfF7", "2024-09-30 16:16:16", 25.00, 0, "Paid", "Payment complete.", "", "Drop-in class", "", "", "jonas.berg@example.se", ""),
    ("ch_3OgG8", "2024-11-02 10:45:00", 120.00, 0, "Paid", "Payment complete.", "", "Workshop: Breathing", "cus_PbB2", "Omar Haddad", "omar.haddad@example.com", ""),
]
STRIPE_STATUS = {"Paid": "attended", "Failed": "none", "Refunded": "cancelled"}


def make_stripe():
    rows = [STRIPE_HEADER]
    recs = []
    for i, (cid, created, amt, ref, st, msg, dec, desc, cust, name, email, refd) in enumerate(STRIPE_ROWS):
        rows.append([cid, created, "%.2f" % amt, "%.2f" % ref, "eur", "true" if st != "Failed" else "false",
                     "%.2f" % amt, "%.2f" % ref, "eur", dec, desc, "%.2f" % (round(amt * 0.015 + 0.25, 2) if st != "Failed" else 0),
                     refd, "STUDIO LOTUS", st, msg, "0.00", "card_1N%04d" % i, cust, name, email, "", ""])
        recs.append((cust or "email:" + email, d(created), STRIPE_STATUS[st], amt))
    write("stripe_unified_payments.csv", rows)
    facts("stripe_unified_payments", recs)


# ---------------------------------------------------------------- Square Appointments (unverified header)
SQA_HEADER = ["Date", "Time", "Customer Name", "Customer Email", "Customer Phone", "Service", "Staff",
              "Location", "Status", "Price", "Created At"]
SQA_ROWS = [
    ("2024-02-06", "10:00", "Grace Hill", "grace.hill@example.com", "(415) 555-0142", "Women's Haircut", "Jordan Lee", "Mission St", "Accepted", "$65.00", "2024-01-30 18:22"),
    ("2024-03-05", "10:00", "Grace Hill", "grace.hill@example.com", "(415) 555-0142", "Women's Haircut", "Jordan Lee", "Mission St", "Accepted", "$65.00", "2024-02-06 10:55"),
    ("2024-03-09", "14:30", "Victor Chen", "victor.chen@example.com", "(415) 555-0199", "Beard Trim", "Sam Ortiz", "Mission St", "Cancelled by customer", "$25.00", "2024-03-01 08:10"),
    ("2024-03-16", "14:30", "Victor Chen", "victor.chen@example.com", "(415) 555-0199", "Beard Trim", "Sam Ortiz", "Mission St", "Accepted", "$25.00", "2024-03-09 09:00"),
    ("2024-04-11", "09:15", "Nadia Park", "nadia.park@example.com", "", "Color & Cut", "Jordan Lee", "Valencia St", "No show", "$140.00", "2024-04-01 12:00"),
    ("2024-05-02", "11:00", "Nadia Park", "nadia.park@example.com", "", "Color & Cut", "Jordan Lee", "Valencia St", "Cancelled by seller", "$140.00", "2024-04-11 09:40"),
    ("2024-06-20", "16:00", "Grace Hill", "grace.hill@example.com", "(415) 555-0142", "Blowout", "Sam Ortiz", "Mission St", "Accepted", "$45.00", "2024-06-01 20:15"),
    ("2025-01-09", "10:00", "Grace Hill", "grace.hill@example.com", "(415) 555-0142", "Women's Haircut", "Jordan Lee", "Mission St", "Accepted", "$65.00", "2024-12-10 11:11"),
]
SQA_STATUS = {"Accepted": "booked", "Cancelled by customer": "cancelled", "Cancelled by seller": "cancelled", "No show": "no-show"}


def make_square_appts():
    write("square_appointments.csv", [SQA_HEADER] + [list(r) for r in SQA_ROWS])
    facts("square_appointments", [(r[3], d(r[0]), SQA_STATUS[r[8]], float(r[9][1:])) for r in SQA_ROWS])


# ---------------------------------------------------------------- SimplyBook.me (unverified header)
SB_HEADER = ["Booking code", "Record date", "Start date", "End date", "Service", "Provider", "Client name",
             "Client email", "Client phone", "Status", "Price"]
SB_ROWS = [
    ("k7x2a1", "2024-01-20 21:04:11", "2024-01-24 09:00:00", "2024-01-24 10:00:00", "Sports massage 60 min", "Tomasz Wójcik", "Ruth Adler", "ruth.adler@example.at", "+43 660 1234567", "Confirmed", "70.00"),
    ("k7x2b2", "2024-02-02 08:15:40", "2024-02-21 09:00:00", "2024-02-21 10:00:00", "Sports massage 60 min", "Tomasz Wójcik", "Ruth Adler", "ruth.adler@example.at", "+43 660 1234567", "Confirmed", "70.00"),
    ("k7x2c3", "2024-02-10 13:30:00", "2024-02-14 17:00:00", "2024-02-14 17:30:00", "Consultation 30 min", "Eva Horvat", "Felix Braun", "felix.braun@example.de", "", "Canceled", "0.00"),
    ("k7x2d4", "2024-02-14 18:01:02", "2024-02-28 17:00:00", "2024-02-28 17:30:00", "Consultation 30 min", "Eva Horvat", "Felix Braun", "felix.braun@example.de", "", "Confirmed", "0.00"),
    ("k7x2e5", "2024-03-01 07:07:07", "2024-03-20 09:00:00", "2024-03-20 10:00:00", "Sports massage 60 min", "Tomasz Wójcik", "Ruth Adler", "ruth.adler@example.at", "+43 660 1234567", "Confirmed", "70.00"),
    ("k7x2f6", "2024-05-12 10:10:10", "2024-05-15 11:00:00", "2024-05-15 12:30:00", "Lymph drainage 90 min", "Eva Horvat", "Selin Kaya", "selin.kaya@example.com", "+49 176 5550101", "Confirmed", "95.00"),
    ("k7x2g7", "2024-12-28 19:45:00", "2025-01-08 09:00:00", "2025-01-08 10:00:00", "Sports massage 60 min", "Tomasz Wójcik", "Ruth Adler", "ruth.adler@example.at", "+43 660 1234567", "Pending", "70.00"),
]
SB_STATUS = {"Confirmed": "booked", "Canceled": "cancelled", "Pending": "booked"}


def make_simplybook():
    write("simplybook_bookings.csv", [SB_HEADER] + [list(r) for r in SB_ROWS])
    facts("simplybook_bookings", [(r[7], d(r[2]), SB_STATUS[r[9]], float(r[10])) for r in SB_ROWS])


# ---------------------------------------------------------------- Smoobu (channel manager; unverified header)
SM_HEADER = ["Buchungsnummer", "Anreise", "Abreise", "Wohnung", "Gast", "E-Mail", "Telefon", "Erwachsene",
             "Kinder", "Portal", "Preis", "Erstellt am", "Status"]
SM_ROWS = [
    ("SMB-40211", "15.03.2024", "18.03.2024", "Ferienwohnung Seeblick", "Henrik Olsen", "henrik.olsen@example.dk", "+45 20 12 34 56", 2, 0, "Booking.com", "312,00", "02.02.2024", "bestätigt"),
    ("SMB-40390", "10.05.2024", "12.05.2024", "Apartment Altstadt", "Marie Dubois", "m.dubois@example.fr", "+33 6 12 34 56 78", 1, 0, "Airbnb", "198,50", "20.04.2024", "bestätigt"),
    ("SMB-40512", "01.06.2024", "08.06.2024", "Ferienwohnung Seeblick", "Henrik Olsen", "henrik.olsen@example.dk", "+45 20 12 34 56", 2, 2, "Direkt", "1.050,00", "03.03.2024", "bestätigt"),
    ("SMB-40613", "20.07.2024", "27.07.2024", "Ferienwohnung Seeblick", "Julia Wagner", "julia.wagner@example.de", "+49 170 1112233", 2, 1, "Booking.com", "1.120,00", "11.01.2024", "storniert"),
    ("SMB-40722", "09.08.2024", "16.08.2024", "Apartment Altstadt", "Julia Wagner", "julia.wagner@example.de", "+49 170 1112233", 2, 1, "Homepage", "840,00", "15.02.2024", "bestätigt"),
    ("SMB-40877", "27.09.2024", "29.09.2024", "Apartment Altstadt", "Marie Dubois", "m.dubois@example.fr", "+33 6 12 34 56 78", 1, 0, "Airbnb", "210,00", "01.09.2024", "bestätigt"),
    ("SMB-41020", "14.02.2025", "17.02.2025", "Ferienwohnung Seeblick", "Henrik Olsen", "henrik.olsen@example.dk", "+45 20 12 34 56", 2, 0, "Direkt", "345,00", "05.12.2024", "bestätigt"),
]
SM_STATUS = {"bestätigt": "booked", "storniert": "cancelled"}


def de_date(s):
    return date(int(s[6:10]), int(s[3:5]), int(s[0:2]))


def de_num(s):
    return float(s.replace(".", "").replace(",", "."))


def make_smoobu():
    write("smoobu_reservations.csv", [SM_HEADER] + [list(r) for r in SM_ROWS], delimiter=";", lineterminator="\r\n", bom=True)
    facts("smoobu_reservations", [(r[5], de_date(r[1]), SM_STATUS[r[12]], de_num(r[10])) for r in SM_ROWS])


# ---------------------------------------------------------------- Treatwell (unverified header)
TW_HEADER = ["Date", "Time", "Client", "Client Email", "Client Phone", "Treatment", "Staff Member", "Price",
             "Status", "Booking Source"]
TW_ROWS = [
    ("08/01/2024", "11:00", "Chloe Evans", "chloe.evans@example.co.uk", "07700 900201", "Gel Manicure", "Priya", "£32.00", "Completed", "Treatwell"),
    ("19/02/2024", "11:00", "Chloe Evans", "chloe.evans@example.co.uk", "07700 900201", "Gel Manicure", "Priya", "£32.00", "Completed", "Salon"),
    ("02/03/2024", "15:30", "Amir Rahman", "amir.rahman@example.co.uk", "07700 900344", "Men's Cut", "Luke", "£28.00", "Completed", "Treatwell"),
    ("13/04/2024", "15:30", "Amir Rahman", "amir.rahman@example.co.uk", "07700 900344", "Men's Cut", "Luke", "£28.00", "No-show", "Treatwell"),
    ("25/04/2024", "10:15", "Holly Brooks", "holly.brooks@example.co.uk", "", "Balayage", "Priya", "£145.00", "Completed", "Widget"),
    ("06/06/2024", "10:15", "Holly Brooks", "holly.brooks@example.co.uk", "", "Toner & Blow-dry", "Luke", "£55.00", "Cancelled", "Salon"),
    ("30/08/2024", "12:00", "Chloe Evans", "chloe.evans@example.co.uk", "07700 900201", "Pedicure", "Priya", "£38.00", "Completed", "Salon"),
]
TW_STATUS = {"Completed": "attended", "No-show": "no-show", "Cancelled": "cancelled"}


def uk_date(s):
    return date(int(s[6:10]), int(s[3:5]), int(s[0:2]))


def make_treatwell():
    write("treatwell_appointments.csv", [TW_HEADER] + [list(r) for r in TW_ROWS])
    facts("treatwell_appointments", [(r[3], uk_date(r[0]), TW_STATUS[r[8]], float(r[7][1:])) for r in TW_ROWS])


# ---------------------------------------------------------------- Fresha (unverified header)
FR_HEADER = ["Ref #", "Created Date", "Created by", "Scheduled Date", "Time", "Duration", "Location", "Client",
             "Service", "Team Member", "Price", "Status"]
FR_ROWS = [
    ("1A2B3C01", "2 Jan 2024", "Client", "9 Jan 2024", "10:00", "1h", "Studio Nord", "Lina Hoffmann", "Lash Lift", "Kim", "€59.00", "Completed"),
    ("1A2B3C02", "9 Jan 2024", "Kim", "20 Feb 2024", "10:00", "1h", "Studio Nord", "Lina Hoffmann", "Lash Lift", "Kim", "€59.00", "Completed"),
    ("1A2B3C03", "14 Feb 2024", "Client", "16 Feb 2024", "18:00", "45min", "Studio Nord", "Tarek Aziz", "Brow Shape", "Nora", "€25.00", "No show"),
    ("1A2B3C04", "16 Feb 2024", "Nora", "1 Mar 2024", "18:00", "45min", "Studio Nord", "Tarek Aziz", "Brow Shape", "Nora", "€25.00", "Completed"),
    ("1A2B3C05", "3 Apr 2024", "Client", "13 Apr 2024", "12:30", "1h 30min", "Studio Süd", "Paula Nowak", "Facial Deluxe", "Kim", "€89.00", "Cancelled"),
    ("1A2B3C06", "20 Jun 2024", "Kim", "21 Jun 2024", "09:00", "1h", "Studio Süd", "Lina Hoffmann", "Lash Lift", "Kim", "€59.00", "Completed"),
    ("1A2B3C07", "15 Dec 2024", "Client", "7 Jan 2025", "11:00", "1h", "Studio Nord", "Paula Nowak", "Facial Deluxe", "Nora", "€89.00", "Booked"),
]
FR_STATUS = {"Completed": "attended", "No show": "no-show", "Cancelled": "cancelled", "Booked": "booked"}
MON = {m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}


def dmy_name(s):
    dd, m, y = s.split()
    return date(int(y), MON[m], int(dd))


def make_fresha():
    write("fresha_appointments.csv", [FR_HEADER] + [list(r) for r in FR_ROWS])
    facts("fresha_appointments", [(r[7], dmy_name(r[3]), FR_STATUS[r[11]], float(r[10][1:])) for r in FR_ROWS])


# ---------------------------------------------------------------- Phorest (unverified header)
PH_HEADER = ["Appointment Date", "Start Time", "Client First Name", "Client Last Name", "Client Email",
             "Client Mobile", "Service", "Staff", "Price", "Status", "Source", "Branch"]
PH_ROWS = [
    ("05/01/2024", "09:30", "Aoife", "Byrne", "aoife.byrne@example.ie", "087 123 4567", "Cut & Blow Dry", "Siobhán", "€55.00", "Paid", "Online Booking", "Dublin 2"),
    ("16/02/2024", "09:30", "Aoife", "Byrne", "aoife.byrne@example.ie", "087 123 4567", "Cut & Blow Dry", "Siobhán", "€55.00", "Paid", "Phone", "Dublin 2"),
    ("22/02/2024", "13:00", "Conor", "Walsh", "", "086 765 4321", "Skin Fade", "Darragh", "€30.00", "No Show", "Online Booking", "Dublin 2"),
    ("29/03/2024", "17:45", "Niamh", "Kelly", "niamh.kelly@example.ie", "085 222 3344", "Full Head Colour", "Siobhán", "€120.00", "Paid", "Walk-in", "Dún Laoghaire"),
    ("11/05/2024", "10:00", "Niamh", "Kelly", "niamh.kelly@example.ie", "085 222 3344", "Toner", "Aisling", "€40.00", "Cancelled", "Phone", "Dún Laoghaire"),
    ("14/06/2024", "09:30", "Aoife", "Byrne", "aoife.byrne@example.ie", "087 123 4567", "Cut & Blow Dry", "Siobhán", "€55.00", "Paid", "Online Booking", "Dublin 2"),
    ("10/01/2025", "09:30", "Aoife", "Byrne", "aoife.byrne@example.ie", "087 123 4567", "Cut & Blow Dry", "Siobhán", "€55.00", "Booked", "Online Booking", "Dublin 2"),
]
PH_STATUS = {"Paid": "attended", "No Show": "no-show", "Cancelled": "cancelled", "Booked": "booked"}


def make_phorest():
    write("phorest_appointments.csv", [PH_HEADER] + [list(r) for r in PH_ROWS])
    facts("phorest_appointments", [(r[4] or "phone:" + r[5], uk_date(r[0]), PH_STATUS[r[9]], float(r[8][1:])) for r in PH_ROWS])


# ---------------------------------------------------------------- Doctolib (unverified header)
DL_HEADER = ["Datum", "Uhrzeit", "Nachname", "Vorname", "Geburtsdatum", "Telefon", "E-Mail", "Terminart",
             "Behandler", "Status", "Buchungskanal"]
DL_ROWS = [
    ("09.01.2024", "08:30", "Schneider", "Petra", "14.07.1961", "0171 2345678", "petra.schneider@example.de", "Kontrolltermin", "Dr. Weber", "erschienen", "Doctolib online"),
    ("10.04.2024", "08:30", "Schneider", "Petra", "14.07.1961", "0171 2345678", "petra.schneider@example.de", "Kontrolltermin", "Dr. Weber", "erschienen", "Telefon"),
    ("15.02.2024", "11:15", "Yılmaz", "Emre", "02.11.1988", "0176 9876543", "", "Erstgespräch", "Dr. Weber", "abwesend unentschuldigt", "Doctolib online"),
    ("22.02.2024", "11:15", "Yılmaz", "Emre", "02.11.1988", "0176 9876543", "", "Erstgespräch", "Dr. Roth", "erschienen", "Telefon"),
    ("06.03.2024", "16:00", "Berg", "Hanna", "30.01.1975", "030 4445566", "hanna.berg@example.de", "Akutsprechstunde", "Dr. Roth", "abwesend entschuldigt", "Doctolib online"),
    ("13.03.2024", "16:00", "Berg", "Hanna", "30.01.1975", "030 4445566", "hanna.berg@example.de", "Akutsprechstunde", "Dr. Roth", "gelöscht", "Doctolib online"),
    ("09.07.2024", "08:30", "Schneider", "Petra", "14.07.1961", "0171 2345678", "petra.schneider@example.de", "Kontrolltermin", "Dr. Weber", "erschienen", "Doctolib online"),
    ("14.01.2025", "08:30", "Schneider", "Petra", "14.07.1961", "0171 2345678", "petra.schneider@example.de", "Kontrolltermin", "Dr. Weber", "bestätigt", "Doctolib online"),
]
DL_STATUS = {"erschienen": "attended", "abwesend unentschuldigt": "no-show", "abwesend entschuldigt": "cancelled",
             "gelöscht": "cancelled", "bestätigt": "booked"}


def make_doctolib():
    write("doctolib_termine.csv", [DL_HEADER] + [list(r) for r in DL_ROWS], delimiter=";", lineterminator="\r\n", bom=True)
    facts("doctolib_termine", [(r[6] or "phone:" + r[5], de_date(r[0]), DL_STATUS[r[9]], 0) for r in DL_ROWS])


# ---------------------------------------------------------------- jameda (unverified header)
JA_HEADER = ["Termin", "Patient", "E-Mail", "Telefon", "Leistung", "Versicherung", "Status", "Gebucht am"]
JA_ROWS = [
    ("12.03.2024 09:30", "Laura Fuchs", "laura.fuchs@example.de", "0160 1010101", "Erstberatung", "privat", "wahrgenommen", "01.03.2024 20:11"),
    ("26.03.2024 09:30", "Laura Fuchs", "laura.fuchs@example.de", "0160 1010101", "Folgetermin", "privat", "wahrgenommen", "12.03.2024 09:58"),
    ("04.04.2024 15:00", "Mehmet Arslan", "mehmet.arslan@example.de", "0157 2020202", "Erstberatung", "gesetzlich", "abgesagt", "28.03.2024 07:45"),
    ("18.04.2024 15:00", "Mehmet Arslan", "mehmet.arslan@example.de", "0157 2020202", "Erstberatung", "gesetzlich", "nicht erschienen", "04.04.2024 08:00"),
    ("23.05.2024 10:00", "Laura Fuchs", "laura.fuchs@example.de", "0160 1010101", "Folgetermin", "privat", "wahrgenommen", "26.03.2024 10:05"),
    ("21.01.2025 10:00", "Laura Fuchs", "laura.fuchs@example.de", "0160 1010101", "Folgetermin", "privat", "bestätigt", "23.05.2024 10:31"),
]
JA_STATUS = {"wahrgenommen": "attended", "abgesagt": "cancelled", "nicht erschienen": "no-show", "bestätigt": "booked"}


def make_jameda():
    write("jameda_termine.csv", [JA_HEADER] + [list(r) for r in JA_ROWS], delimiter=";", lineterminator="\r\n")
    facts("jameda_termine", [(r[2], de_date(r[0]), JA_STATUS[r[6]], 0) for r in JA_ROWS])


# ---------------------------------------------------------------- THEORG-style physio (unverified header)
TH_HEADER = ["Pat.-Nr.", "Nachname", "Vorname", "Termin", "Uhrzeit", "Heilmittel", "Therapeut", "Arzt", "Status", "Betrag"]
TH_ROWS = [
    ("10231", "Köhler", "Jürgen", "08.01.2024", "07:30", "KG", "Schäfer, Ines", "Dr. med. Brandt", "erschienen", "25,40"),
    ("10231", "Köhler", "Jürgen", "10.01.2024", "07:30", "KG", "Schäfer, Ines", "Dr. med. Brandt", "erschienen", "25,40"),
    ("10231", "Köhler", "Jürgen", "15.01.2024", "07:30", "KG", "Schäfer, Ines", "Dr. med. Brandt", "abgesagt", "0,00"),
    ("10231", "Köhler", "Jürgen", "17.01.2024", "07:30", "KG", "Schäfer, Ines", "Dr. med. Brandt", "erschienen", "25,40"),
    ("10245", "Groß", "Änne", "05.02.2024", "12:00", "MT", "Lenz, Tobias", "Dr. Özdemir", "erschienen", "33,10"),
    ("10245", "Groß", "Änne", "12.02.2024", "12:00", "MT", "Lenz, Tobias", "Dr. Özdemir", "nicht erschienen", "0,00"),
    ("10245", "Groß", "Änne", "19.02.2024", "12:00", "MLD 45", "Schäfer, Ines", "Dr. Özdemir", "erschienen", "44,20"),
    ("10302", "Weiß", "Björn", "04.11.2024", "17:15", "KG-Gerät", "Lenz, Tobias", "", "erschienen", "40,00"),
    ("10302", "Weiß", "Björn", "06.11.2024", "17:15", "KG-Gerät", "Lenz, Tobias", "", "erschienen", "40,00"),
    ("10302", "Weiß", "Björn", "13.01.2025", "17:15", "KG-Gerät", "Lenz, Tobias", "", "geplant", "40,00"),
]
TH_STATUS = {"erschienen": "attended", "abgesagt": "cancelled", "nicht erschienen": "no-show", "geplant": "booked"}


def make_theorg():
    write("theorg_termine.csv", [TH_HEADER] + [list(r) for r in TH_ROWS], delimiter=";", lineterminator="\r\n", encoding="cp1252")
    facts("theorg_termine", [(r[0], de_date(r[3]), TH_STATUS[r[8]], de_num(r[9])) for r in TH_ROWS])


# ---------------------------------------------------------------- DS-Win-style dental (unverified header)
DS_HEADER = ["Pat.-Nr.", "Name", "Vorname", "Geb.-Datum", "Datum", "Geb.-Nr.", "Leistung", "Behandler", "Betrag"]
DS_ROWS = [
    ("4711", "Hartmann", "Sabine", "03.05.1970", "15.01.2024", "01", "Eingehende Untersuchung", "ZA Dr. Kern", "18,00"),
    ("4711", "Hartmann", "Sabine", "03.05.1970", "15.01.2024", "107", "Zahnsteinentfernung", "ZA Dr. Kern", "17,00"),
    ("4711", "Hartmann", "Sabine", "03.05.1970", "15.01.2024", "1040", "Professionelle Zahnreinigung", "ZMP Vogel", "96,00"),
    ("4711", "Hartmann", "Sabine", "03.05.1970", "22.07.2024", "01", "Eingehende Untersuchung", "ZA Dr. Kern", "18,00"),
    ("4711", "Hartmann", "Sabine", "03.05.1970", "22.07.2024", "1040", "Professionelle Zahnreinigung", "ZMP Vogel", "96,00"),
    ("5120", "Lorenz", "Mats", "21.09.1992", "06.02.2024", "Ä1", "Beratung", "ZÄ Dr. Yüksel", "10,72"),
    ("5120", "Lorenz", "Mats", "21.09.1992", "06.02.2024", "13b", "Füllung zweiflächig", "ZÄ Dr. Yüksel", "41,50"),
    ("5120", "Lorenz", "Mats", "21.09.1992", "06.02.2024", "40", "Infiltrationsanästhesie", "ZÄ Dr. Yüksel", "9,60"),
    ("5120", "Lorenz", "Mats", "21.09.1992", "20.02.2024", "13c", "Füllung dreiflächig", "ZÄ Dr. Yüksel", "52,30"),
    ("6004", "Brückner", "Gisela", "11.12.1948", "03.04.2023", "01", "Eingehende Untersuchung", "ZA Dr. Kern", "18,00"),
    ("6004", "Brückner", "Gisela", "11.12.1948", "03.04.2023", "107", "Zahnsteinentfernung", "ZA Dr. Kern", "17,00"),
]


def make_dswin():
    write("dswin_leistungen.csv", [DS_HEADER] + [list(r) for r in DS_ROWS], delimiter=";", lineterminator="\r\n", encoding="cp1252")
    facts("dswin_leistungen", [(r[0], de_date(r[4]), "attended", de_num(r[8])) for r in DS_ROWS])


# ---------------------------------------------------------------- Magicline-style check-ins (unverified header)
MG_HEADER = ["Mitgliedsnummer", "Vorname", "Nachname", "Check-in", "Check-out", "Studio", "Vertrag"]
MG_ROWS = [
    ("M-20391", "Kevin", "Schulte", "04.03.2024 18:02", "04.03.2024 19:31", "Köln-Ehrenfeld", "Flex 12"),
    ("M-20391", "Kevin", "Schulte", "06.03.2024 07:10", "06.03.2024 08:05", "Köln-Ehrenfeld", "Flex 12"),
    ("M-20391", "Kevin", "Schulte", "06.03.2024 18:40", "06.03.2024 19:15", "Köln-Ehrenfeld", "Flex 12"),
    ("M-20391", "Kevin", "Schulte", "11.03.2024 18:05", "11.03.2024 19:40", "Köln-Mülheim", "Flex 12"),
    ("M-20455", "Svenja", "Koch", "05.03.2024 06:30", "05.03.2024 07:25", "Köln-Ehrenfeld", "Basic 24"),
    ("M-20455", "Svenja", "Koch", "19.03.2024 06:31", "19.03.2024 07:20", "Köln-Ehrenfeld", "Basic 24"),
    ("M-20455", "Svenja", "Koch", "02.05.2024 06:29", "", "Köln-Ehrenfeld", "Basic 24"),
    ("M-20502", "Luis", "Ferreira", "12.08.2024 20:00", "12.08.2024 21:10", "Köln-Mülheim", "Probetraining"),
]


def make_magicline():
    write("magicline_checkins.csv", [MG_HEADER] + [list(r) for r in MG_ROWS], delimiter=";", lineterminator="\r\n")
    facts("magicline_checkins", [(r[0], de_date(r[3]), "attended", 0) for r in MG_ROWS])


# ---------------------------------------------------------------- US salon with "Booked Online" (unverified header)
US_HEADER = ["Appointment Date", "Time", "Client Name", "Email", "Phone", "Service", "Provider", "Status", "Price", "Booked Online"]
US_ROWS = [
    ("01/09/2024", "10:00 AM", "Tiffany Moore", "tiffany.moore@example.com", "(312) 555-0107", "Women's Cut", "Ashley", "Completed", "$60.00", "Yes"),
    ("02/06/2024", "10:00 AM", "Tiffany Moore", "tiffany.moore@example.com", "(312) 555-0107", "Women's Cut", "Ashley", "Completed", "$60.00", "No"),
    ("02/10/2024", "1:30 PM", "Marcus Bell", "marcus.bell@example.com", "(312) 555-0190", "Men's Cut", "Derek", "Completed", "$35.00", "Yes"),
    ("03/23/2024", "1:30 PM", "Marcus Bell", "marcus.bell@example.com", "(312) 555-0190", "Men's Cut", "Derek", "No Show", "$35.00", "Yes"),
    ("04/04/2024", "3:00 PM", "Rosa Alvarez", "rosa.alvarez@example.com", "(773) 555-0133", "Highlights", "Ashley", "Completed", "$150.00", "Yes"),
    ("05/02/2024", "11:15 AM", "Rosa Alvarez", "rosa.alvarez@example.com", "(773) 555-0133", "Gloss", "Ashley", "Cancelled", "$45.00", "No"),
    ("06/15/2024", "9:00 AM", "Tiffany Moore", "tiffany.moore@example.com", "(312) 555-0107", "Blowout", "Jasmine", "Completed", "$40.00", "No"),
    ("08/01/2024", "4:45 PM", "Kayla Nguyen", "kayla.nguyen@example.com", "(872) 555-0161", "Women's Cut", "Jasmine", "Completed", "$60.00", "Yes"),
]
US_STATUS = {"Completed": "attended", "No Show": "no-show", "Cancelled": "cancelled"}


def make_us_salon():
    write("us_salon_booked_online.csv", [US_HEADER] + [list(r) for r in US_ROWS])
    recs = [(r[3], date(int(r[0][6:]), int(r[0][:2]), int(r[0][3:5])), US_STATUS[r[7]], float(r[8][1:])) for r in US_ROWS]
    facts("us_salon_booked_online", recs)
    online = [r for r in US_ROWS if r[9] == "Yes"]
    print("   booked online: %d of %d rows; customers whose first visit was online: %s" % (
        len(online), len(US_ROWS), sorted({r[2] for r in US_ROWS if r is min((x for x in US_ROWS if x[3] == r[3]), key=lambda x: (x[0][6:], x[0][:5])) and r[9] == "Yes"})))


if __name__ == "__main__":
    make_woo()
    make_uci()
    make_stripe()
    make_square_appts()
    make_simplybook()
    make_smoobu()
    make_treatwell()
    make_fresha()
    make_phorest()
    make_doctolib()
    make_jameda()
    make_theorg()
    make_dswin()
    make_magicline()
    make_us_salon()
