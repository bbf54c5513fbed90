"""The client address: X-Forwarded-For is read only from trusted proxies, right to left."""

from __future__ import annotations

import ipaddress

from mall.core.net import client_address, throttle_key

PROXIES = [
    ipaddress.ip_network("127.0.0.1/32"),
    ipaddress.ip_network("10.0.0.0/8"),
    ipaddress.ip_network("::1/128"),
    ipaddress.ip_network("fd00::/8"),
]


def test_an_untrusted_peer_is_the_client_whatever_it_forwards():
    assert client_address("198.51.100.7", "203.0.113.5", PROXIES) == "198.51.100.7"
    assert client_address("198.51.100.7", "127.0.0.1, 10.0.0.1", PROXIES) == "198.51.100.7"


def test_without_trusted_proxies_the_header_is_ignored():
    assert client_address("127.0.0.1", "203.0.113.5", []) == "127.0.0.1"


def test_a_trusted_peer_passes_on_the_forwarded_client():
    assert client_address("127.0.0.1", "203.0.113.5", PROXIES) == "203.0.113.5"


def test_the_rightmost_untrusted_hop_is_the_client_and_what_it_wrote_further_left_is_ignored():
    # The client sent "X-Forwarded-For: 1.1.1.1" itself; our proxy appended the real address.
    assert client_address("127.0.0.1", "1.1.1.1, 203.0.113.5", PROXIES) == "203.0.113.5"
    assert client_address("127.0.0.1", "1.1.1.1, 8.8.8.8, 203.0.113.5", PROXIES) == "203.0.113.5"


def test_a_chain_of_trusted_proxies_is_skipped():
    assert client_address("127.0.0.1", "203.0.113.5, 10.0.0.2, 10.1.2.3", PROXIES) == "203.0.113.5"
    assert client_address("10.0.0.9", "1.1.1.1, 203.0.113.5, 10.0.0.2", PROXIES) == "203.0.113.5"


def test_whitespace_and_empty_hops_are_tolerated():
    assert client_address("127.0.0.1", "  203.0.113.5 ,, 10.0.0.2 , ", PROXIES) == "203.0.113.5"


def test_a_garbage_hop_stops_the_walk_at_the_proxy():
    # Nothing right of a hop we cannot read can be trusted to name the client.
    assert client_address("127.0.0.1", "203.0.113.5, not-an-ip", PROXIES) == "127.0.0.1"
    # The last hop we can read is a trusted proxy's: as close to the client as we can tell.
    assert client_address("127.0.0.1", "203.0.113.5, not-an-ip, 10.0.0.2", PROXIES) == "10.0.0.2"
    assert client_address("127.0.0.1", "unknown", PROXIES) == "127.0.0.1"


def test_garbage_left_of_the_client_is_never_reached():
    assert client_address("127.0.0.1", "<script>, 203.0.113.5", PROXIES) == "203.0.113.5"


def test_ipv6_peers_and_hops_are_read_and_normalised():
    assert client_address("::1", "2001:DB8:0:0::1", PROXIES) == "2001:db8::1"
    assert client_address("::1", "2001:db8::1, fd00::5", PROXIES) == "2001:db8::1"
    assert client_address("2001:db8::7", "203.0.113.5", PROXIES) == "2001:db8::7"


def test_ipv4_and_ipv6_mix_in_one_chain():
    assert client_address("10.0.0.1", "2001:db8::1, ::1", PROXIES) == "2001:db8::1"
    assert client_address("::1", "203.0.113.5, 10.0.0.3", PROXIES) == "203.0.113.5"


def test_a_missing_or_empty_header_leaves_the_peer():
    assert client_address("127.0.0.1", None, PROXIES) == "127.0.0.1"
    assert client_address("127.0.0.1", "", PROXIES) == "127.0.0.1"
    assert client_address("::1", None, PROXIES) == "::1"


def test_a_peer_that_is_not_an_address_is_passed_through():
    assert client_address(None, "203.0.113.5", PROXIES) == "unknown"
    assert client_address("", "203.0.113.5", PROXIES) == "unknown"
    assert client_address("testclient", "203.0.113.5", PROXIES) == "testclient"


def test_a_throttle_counts_an_ipv4_address_alone_and_an_ipv6_client_by_its_64():
    assert throttle_key("203.0.113.7") == "203.0.113.7"
    assert throttle_key("2001:db8:1:2::1") == throttle_key("2001:db8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64"
    assert throttle_key("2001:db8:1:3::1") == "2001:db8:1:3::/64"
    assert throttle_key("::ffff:203.0.113.7") == "203.0.113.7"
    assert throttle_key("unknown") == "unknown"
