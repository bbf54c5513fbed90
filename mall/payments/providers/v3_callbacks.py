"""WeChat Pay API v3 callback envelopes: signed headers over the raw body, and an AES-256-GCM resource.

Shared by the sandbox (which seals its callbacks this way) and, later, the
real WeChat Pay provider (which opens them with the platform public key and
the APIv3 key). ``open_callback`` checks the size, the headers, the replay
window and the RSA-SHA256 signature over the raw bytes BEFORE it parses the
body, then decrypts the resource; nothing unverified reaches the caller.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from mall.payments.errors import CallbackExpired, CallbackMalformed, CallbackSignatureInvalid

TIMESTAMP = "wechatpay-timestamp"
NONCE = "wechatpay-nonce"
SERIAL = "wechatpay-serial"
SIGNATURE = "wechatpay-signature"
REPLAY_WINDOW = dt.timedelta(minutes=5)
# A real notice is about 1 KiB; anything far larger is not one.
MAX_CALLBACK_BYTES = 64 * 1024
ALGORITHM = "AEAD_AES_256_GCM"
_GCM_NONCE_CHARS = 12


@dataclass(frozen=True, slots=True)
class OpenedCallback:
    """A verified callback: its event type and the decrypted resource (JSON bytes, not yet parsed)."""

    event_type: str
    original_type: str
    plaintext: bytes


def signed_message(timestamp: str, nonce: str, body: bytes) -> bytes:
    """What WeChat Pay signs: ``timestamp\\nnonce\\nbody\\n`` over the exact body bytes."""
    return timestamp.encode() + b"\n" + nonce.encode() + b"\n" + body + b"\n"


def seal_callback(
    *,
    private_key: rsa.RSAPrivateKey,
    serial: str,
    api_v3_key: bytes,
    event_id: str,
    event_type: str,
    original_type: str,
    resource: Mapping[str, object],
    now: dt.datetime,
) -> tuple[dict[str, str], bytes]:
    """Encrypt ``resource``, wrap it in a notification body and sign it: (headers, body) as a provider sends them."""
    gcm_nonce = secrets.token_hex(_GCM_NONCE_CHARS // 2)
    plaintext = json.dumps(resource, ensure_ascii=False, separators=(",", ":")).encode()
    ciphertext = AESGCM(api_v3_key).encrypt(gcm_nonce.encode(), plaintext, original_type.encode())
    envelope = {
        "id": event_id,
        "create_time": now.isoformat(timespec="seconds"),
        "resource_type": "encrypt-resource",
        "event_type": event_type,
        "resource": {
            "original_type": original_type,
            "algorithm": ALGORITHM,
            "ciphertext": base64.b64encode(ciphertext).decode(),
            "associated_data": original_type,
            "nonce": gcm_nonce,
        },
    }
    body = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()
    timestamp = str(int(now.timestamp()))
    nonce = secrets.token_hex(16)
    signature = private_key.sign(signed_message(timestamp, nonce, body), padding.PKCS1v15(), hashes.SHA256())
    headers = {
        "Wechatpay-Timestamp": timestamp,
        "Wechatpay-Nonce": nonce,
        "Wechatpay-Serial": serial,
        "Wechatpay-Signature": base64.b64encode(signature).decode(),
    }
    return headers, body


def open_callback(
    headers: Mapping[str, str],
    body: bytes,
    *,
    public_keys: Mapping[str, rsa.RSAPublicKey],
    api_v3_key: bytes,
    now: dt.datetime,
) -> OpenedCallback:
    """Verify a callback's signature and freshness, then decrypt its resource.

    ``public_keys`` maps each key serial we trust to its public key; a serial
    not in it is refused like a bad signature.
    """
    if len(body) > MAX_CALLBACK_BYTES:
        raise CallbackMalformed("The callback body is too large.")
    timestamp, nonce, serial, signature = _signature_headers(headers)
    _check_fresh(timestamp, now)
    public_key = public_keys.get(serial)
    if public_key is None:
        raise CallbackSignatureInvalid("The callback is signed with an unknown key serial.")
    _check_signature(public_key, signature, signed_message(timestamp, nonce, body))
    return _decrypt(body, api_v3_key)


def _signature_headers(headers: Mapping[str, str]) -> tuple[str, str, str, str]:
    lowered = {name.lower(): value for name, value in headers.items()}
    timestamp, nonce, serial, signature = (lowered.get(name, "") for name in (TIMESTAMP, NONCE, SERIAL, SIGNATURE))
    if not (timestamp and nonce and serial and signature) or len(signature) > 1024 or len(nonce) > 64:
        raise CallbackMalformed("The callback lacks its Wechatpay-* signature headers.")
    return timestamp, nonce, serial, signature


def _check_fresh(timestamp: str, now: dt.datetime) -> None:
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        raise CallbackMalformed("The callback timestamp is not a number of seconds.")
    signed_at = dt.datetime.fromtimestamp(int(timestamp), dt.UTC)
    if abs(now - signed_at) > REPLAY_WINDOW:
        raise CallbackExpired("The callback timestamp is outside the five-minute window.")


def _check_signature(public_key: rsa.RSAPublicKey, signature: str, message: bytes) -> None:
    try:
        raw = base64.b64decode(signature, validate=True)
        public_key.verify(raw, message, padding.PKCS1v15(), hashes.SHA256())
    except (binascii.Error, InvalidSignature) as exc:
        raise CallbackSignatureInvalid("The callback signature does not verify.") from exc


def _decrypt(body: bytes, api_v3_key: bytes) -> OpenedCallback:
    try:
        envelope = json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CallbackMalformed("The callback body is not JSON.") from exc
    resource = envelope.get("resource") if isinstance(envelope, dict) else None
    event_type = envelope.get("event_type") if isinstance(envelope, dict) else None
    if not isinstance(resource, dict) or not isinstance(event_type, str):
        raise CallbackMalformed("The callback has no event_type or resource.")
    algorithm, ciphertext, associated_data, gcm_nonce, original_type = (
        resource.get(name) for name in ("algorithm", "ciphertext", "associated_data", "nonce", "original_type")
    )
    if algorithm != ALGORITHM:
        raise CallbackMalformed("The callback resource is not AEAD_AES_256_GCM.")
    texts = (ciphertext, associated_data, gcm_nonce, original_type)
    if not all(isinstance(value, str) for value in texts) or len(gcm_nonce) != _GCM_NONCE_CHARS:
        raise CallbackMalformed("The callback resource has a malformed field.")
    try:
        plaintext = AESGCM(api_v3_key).decrypt(
            gcm_nonce.encode(), base64.b64decode(ciphertext, validate=True), associated_data.encode()
        )
    except (binascii.Error, InvalidTag, ValueError) as exc:
        raise CallbackSignatureInvalid("The callback resource does not decrypt with our key.") from exc
    return OpenedCallback(event_type=event_type, original_type=original_type, plaintext=plaintext)
