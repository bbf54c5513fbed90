"""Payments (DESIGN §3.7): the provider interface and its implementations.

No tables yet: the order tables and the callback endpoint come with checkout;
``flows/`` settles what a verified callback says. Provider calls never run
inside a database transaction (DESIGN §2).
"""
