"""Use cases that span domains, each in one transaction (checkout, settlement, refunds).

A fact in one domain that must move another (a payment confirmed marks the
order paid and creates its rebates) is orchestrated here, calling each
domain's services, so no domain imports another's models or grows into a
god module. sign_in.py merges a guest's cart at sign-in; checkout makes orders; paying,
settlement and reconciliation move their payments.
"""
