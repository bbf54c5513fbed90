"""Pure building blocks shared by every domain: money, time, errors, actors.

Nothing in ``mall.core`` imports a framework, the ORM or another part of Mall.
"""
