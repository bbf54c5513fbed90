"""The audit log: who changed what, from what, to what (DESIGN §3.8)."""
