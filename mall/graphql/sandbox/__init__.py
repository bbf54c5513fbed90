"""Sandbox-only mutations: present in every schema, SANDBOX_DISABLED when off."""
