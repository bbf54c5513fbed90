"""HTTP layer of the mall application."""
