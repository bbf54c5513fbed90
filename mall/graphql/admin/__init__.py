"""Staff administration in the schema: staff, customers, the audit log."""
