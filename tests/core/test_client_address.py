"""The client's address behind make serve's front (issue 11): the unix socket has no peer address, so
the address nginx appended to X-Forwarded-For is the citizen's; an address a client sends itself is
never believed. Without it every citizen behind the front shares one submission limit."""

from __future__ import annotations

from django.test import RequestFactory

from zwgk.core.callers import address_key, client_address


def _request(remote: str, forwarded: str = ""):  # type: ignore[no-untyped-def]
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_behind_the_unix_socket_each_citizen_has_their_own_address():
    first, second = _request("", "203.0.113.7"), _request("", "198.51.100.9")
    assert client_address(first) == "203.0.113.7" and client_address(second) == "198.51.100.9"
    assert address_key(first) != address_key(second)


def test_only_the_address_the_front_appended_counts():
    assert client_address(_request("127.0.0.1", "10.0.0.1, 203.0.113.7")) == "203.0.113.7"


def test_a_forwarded_header_from_an_untrusted_peer_is_ignored():
    assert client_address(_request("192.0.2.44", "203.0.113.7")) == "192.0.2.44"


def test_a_malformed_forwarded_address_falls_back_to_the_peer():
    assert client_address(_request("", "not-an-address")) == "unknown"
