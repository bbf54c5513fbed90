"""Mall: a headless GraphQL commerce API with consumption rebates (消费全返)."""
