"""Describe a database's tables with the raw driver, normalised for comparison.

aerich and ``generate_schemas`` name indexes differently and SQLite reports
unique constraints as auto-indexes, so indexes compare as (columns, unique)
sets, foreign keys by definition, and CHECK constraints by name.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

import asyncpg

IGNORED_TABLES = {"aerich", "sqlite_sequence"}


def sqlite_snapshot(path: str) -> dict[str, Any]:
    connection = sqlite3.connect(path)
    try:
        tables = {}
        rows = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
        for name, sql in rows:
            if name in IGNORED_TABLES:
                continue
            columns = {
                col[1]: {"type": col[2].upper(), "nullable": not col[3], "pk": bool(col[5])}
                for col in connection.execute(f'PRAGMA table_info("{name}")')
            }
            indexes = set()
            for index in connection.execute(f'PRAGMA index_list("{name}")'):
                index_columns = tuple(c[2] for c in connection.execute(f'PRAGMA index_info("{index[1]}")'))
                indexes.add((index_columns, bool(index[2])))
            foreign_keys = {
                (fk[3], fk[2], fk[4], fk[6]) for fk in connection.execute(f'PRAGMA foreign_key_list("{name}")')
            }
            checks = set(re.findall(r'CONSTRAINT\s+"?(\w+)"?\s+CHECK', sql or "", re.I))
            tables[name] = {"columns": columns, "indexes": indexes, "foreign_keys": foreign_keys, "checks": checks}
        return tables
    finally:
        connection.close()


async def postgres_snapshot(url: str) -> dict[str, Any]:
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        tables: dict[str, Any] = {}
        for row in await connection.fetch(
            "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable "
            "FROM information_schema.columns WHERE table_schema = 'public'"
        ):
            if row["table_name"] in IGNORED_TABLES:
                continue
            table = tables.setdefault(
                row["table_name"], {"columns": {}, "indexes": set(), "foreign_keys": set(), "checks": set()}
            )
            kind = row["data_type"] + (f"({row['character_maximum_length']})" if row["character_maximum_length"] else "")
            table["columns"][row["column_name"]] = {"type": kind, "nullable": row["is_nullable"] == "YES"}
        for row in await connection.fetch(
            """
            SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
                   array_agg(a.attname ORDER BY k.ord) AS columns
            FROM pg_index ix
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
            CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary
            """
        ):
            if row["table_name"] in tables and not row["is_primary"]:
                tables[row["table_name"]]["indexes"].add((tuple(row["columns"]), row["is_unique"]))
        # Expression indexes (indkey 0) have no column: listed by name.
        tables["_expression_indexes"] = {
            row["name"] for row in await connection.fetch(
                "SELECT c.relname AS name FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public' WHERE 0 = ANY(ix.indkey)"
            )
        }
        for row in await connection.fetch(
            """
            SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype::text AS kind,
                   pg_get_constraintdef(c.oid) AS definition
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
            WHERE c.contype IN ('c', 'f')
            """
        ):
            table_name = row["table_name"].strip('"')
            if table_name not in tables:
                continue
            if row["kind"] == "c":
                tables[table_name]["checks"].add(row["conname"])
            else:
                tables[table_name]["foreign_keys"].add(row["definition"])
        return tables
    finally:
        await connection.close()
