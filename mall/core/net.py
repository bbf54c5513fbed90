"""Which address a request came from, trusting ``X-Forwarded-For`` only from our proxies."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def client_address(peer: str | None, forwarded_for: str | None, trusted: Sequence[Network]) -> str:
    """The client's address.

    Only when the direct peer is a trusted proxy is ``X-Forwarded-For`` read,
    right to left, skipping further trusted proxies: the first untrusted hop
    is the client. Anything a client wrote further left is ignored.
    """
    peer_ip = _parse(peer or "")
    if peer_ip is None:
        return peer or "unknown"
    if not forwarded_for or not any(peer_ip in net for net in trusted):
        return str(peer_ip)
    hops = [h for h in (part.strip() for part in forwarded_for.split(",")) if h]
    for hop in reversed(hops):
        hop_ip = _parse(hop)
        if hop_ip is None:
            break
        if not any(hop_ip in net for net in trusted):
            return str(hop_ip)
    return str(peer_ip)
