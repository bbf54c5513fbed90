"""The cart in the schema (DESIGN §3.3)."""
