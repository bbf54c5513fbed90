"""Catalog (商品模块): categories, products, variants and their stock (DESIGN §3.2)."""
