"""Logistics (DESIGN §3.7): carrier codes and the tracking-provider interface with its sandbox.

Knows nothing of orders: a verified ``TrackingUpdate`` is recorded on the
shipment by ``orders/delivery.py``, orchestrated by ``flows/tracking.py``.
"""
