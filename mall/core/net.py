"""Which address a request came from, trusting ``X-Forwarded-For`` only from our proxies."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address, also when a proxy wrote it with a port ("1.2.3.4:80", "[::1]:80")."""
    address = address.strip()
    if address.startswith("[") and "]" in address:
        address = address[1 : address.index("]")]
    elif address.count(":") == 1:
        address = address.split(":", 1)[0]
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def client_address(peer: str | None, forwarded_for: str | None, trusted: Sequence[Network]) -> str:
    """The client's address.

    Only when the direct peer is a trusted proxy is ``X-Forwarded-For`` read,
    right to left, skipping further trusted proxies: the first untrusted hop
    is the client. Anything a client wrote further left is ignored. When
    every hop is trusted, the request came from inside: the leftmost hop.
    """
    peer_ip = _parse(peer or "")
    if peer_ip is None:
        return peer or "unknown"
    if not forwarded_for or not any(peer_ip in net for net in trusted):
        return str(peer_ip)
    hops = [h for h in (part.strip() for part in forwarded_for.split(",")) if h]
    client = peer_ip
    for hop in reversed(hops):
        hop_ip = _parse(hop)
        if hop_ip is None:
            break
        client = hop_ip
        if not any(hop_ip in net for net in trusted):
            break
    return str(client)


IPV6_SUBSCRIBER_PREFIX = 64


def throttle_key(address: str) -> str:
    """Who a per-address limit counts: the address itself for IPv4, its /64 for IPv6.

    One IPv6 subscriber usually holds a whole /64 (often more), so counting
    single addresses would hand every client endless fresh ones.
    """
    parsed = _parse(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, IPV6_SUBSCRIBER_PREFIX), strict=False))
    return address
