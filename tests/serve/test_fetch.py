"""The address check that keeps ``--allow-fetch`` from reaching the server's own network."""

from __future__ import annotations

import re
import urllib.request
from http.client import HTTPMessage

import pytest

from newsweave.serve.fetch import (
    FetchRefusedError,
    _CheckedRedirects,
    check_public_url,
    is_public_address,
)


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
    "169.254.169.254",  # cloud metadata service
    "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255",
    "::1", "fe80::1", "fe80::1%eth0", "fc00::1", "::", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
])
def test_private_loopback_link_local_and_special_addresses_are_not_public(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.215.14", "2606:4700:4700::1111",
                                     "::ffff:8.8.8.8"])
def test_routable_addresses_are_public(address: str) -> None:
    assert is_public_address(address)


@pytest.mark.parametrize(("url", "reason"), [
    ("http://127.0.0.1:8000/", "127.0.0.1"),
    ("http://localhost/admin", "loopback"),
    ("http://[::1]/", "::1"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
    ("http://2130706433/", "127.0.0.1"),  # 127.0.0.1 written as one decimal number
    ("file:///etc/passwd", "scheme 'file'"),
    ("gopher://example.com/", "scheme 'gopher'"),
    ("http:///path-only", "no host"),
])
def test_urls_to_non_public_hosts_are_refused_naming_why(url: str, reason: str) -> None:
    with pytest.raises(FetchRefusedError, match=re.escape(reason)) as caught:
        check_public_url(url)
    assert url in str(caught.value)


def test_a_redirect_to_a_private_address_is_refused() -> None:
    handler = _CheckedRedirects()
    request = urllib.request.Request("http://example.com/news")
    with pytest.raises(FetchRefusedError, match=r"10\.0\.0\.5"):
        handler.redirect_request(request, None, 302, "Found",  # type: ignore[arg-type]
                                 HTTPMessage(), "http://10.0.0.5/internal")
