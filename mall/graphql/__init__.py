"""The GraphQL door: one Strawberry schema over the domain services.

Resolvers decode ids, call one service, and map the result; reads go through
per-request dataloaders. Only this package imports strawberry.
"""
