"""Payments (DESIGN §3.7): the provider interface and its implementations.

No tables here: payment attempts are rows of the orders domain
(``orders/attempts.py``); ``flows/`` settles what a verified callback says
and ``http/callbacks.py`` is the door. Provider calls never run inside a
database transaction (DESIGN §2).
"""
