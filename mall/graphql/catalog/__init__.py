"""The catalog in the schema: categories, products, variants, stock."""
