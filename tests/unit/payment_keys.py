"""Key material for the payment unit tests: generated once per run (RSA-2048 takes ~50 ms)."""

from __future__ import annotations

from functools import cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

SECRET = "unit-test-secret-key-" + "0123456789abcdef" * 3
OTHER_SECRET = "another-secret-key-" + "fedcba9876543210" * 3


@cache
def pem(name: str = "ours", bits: int = 2048) -> str:
    """A PEM RSA private key, the same for the same ``name`` within a run."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
