"""Rebates in the schema (DESIGN §3.6). The rebate issue fills this in; the catalog
already shows each product's rebate hints through these types."""
