"""The wallet as a double-entry ledger (DESIGN §3.5): accounts, journal entries, postings, and their writer.

    chart.py         which accounts exist and what they count in (pure)
    journal.py       the rules of an entry and its fingerprint (pure)
    errors.py        what the ledger refuses, with stable codes (pure)
    models.py        the tables (only this package imports them)
    ledger.py        post(), post_many(): the only writers of ledger rows
    statements.py    balances and a customer's statement
    verification.py  the whole ledger checked (mall ledger verify, ledgerCheck)
    reports.py       the trial balance
    adjustments.py   staff walletAdjust, audited
    points.py        points lots: the only code moving a POINTS account (credit, spend, give back, expire)
    order_points.py  the points an order pays with: taken, released, refunded to their lots
    top_ups.py       top-ups recorded and credited once
    withdrawal_rules.py  the withdrawal fee, states and sources (pure)
    withdrawals.py   withdrawals: the hold, staff decisions, the payout's settlement, lists
"""
