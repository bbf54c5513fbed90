"""Accounts (用户模块, 账户安全): customers, staff, sessions, addresses (DESIGN §3.1)."""
