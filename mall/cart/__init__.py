"""The cart (DESIGN §3.3): one per customer, or a guest's by an opaque token."""
