"""Accounts in the schema: viewer, sessions, addresses, sign-in and security mutations."""
