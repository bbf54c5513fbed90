"""GraphQL for orders: types, loaders, queries and mutations (DESIGN §3.4)."""
