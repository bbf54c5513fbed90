"""Public shop settings."""
