"""Fetching a report by URL, off unless the service was started with ``--allow-fetch``.

A server that fetches what a client names can be turned against its own network (SSRF), so
every host is resolved first and refused when any of its addresses is private, loopback,
link-local, multicast, reserved or unspecified; redirects are checked the same way before
they are followed. Only http and https are fetched, with a size cap and a timeout.

What this does not stop: a name whose DNS answer changes between the check and the
connection (DNS rebinding). Deployments that need that closed should fetch through an
egress proxy that enforces the same rule.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.request
from http.client import HTTPMessage
from typing import IO
from urllib.error import URLError
from urllib.parse import urlsplit

from newsweave.errors import IngestError

ALLOWED_SCHEMES = ("http", "https")
FETCH_TIMEOUT_SECONDS = 10.0
"""Longest wait for a page's server to answer; a slow site must not hold a worker long."""
MAX_PAGE_BYTES = 2 * 1024 * 1024
"""Largest page fetched: news pages with their furniture are rarely over 1 MB."""


class FetchRefusedError(IngestError):
    """A URL the service will not fetch: fetching is off, the scheme is not http(s), or the
    host resolves to an address inside a private, loopback or link-local network."""


def check_public_url(url: str) -> None:
    """Refuse ``url`` unless it is http(s) and every address of its host is public.

    Parameters
    ----------
    url:
        The address a client asked to fetch.

    Raises
    ------
    FetchRefusedError
        For another scheme, a missing host, a host that does not resolve, or any
        non-public address among those it resolves to.
    """
    parts = urlsplit(url)
    if parts.scheme not in ALLOWED_SCHEMES:
        raise FetchRefusedError(url, f"scheme {parts.scheme!r} is not fetched; use "
                                f"{' or '.join(ALLOWED_SCHEMES)}")
    if not parts.hostname:
        raise FetchRefusedError(url, "the URL names no host")
    for address in _resolve(parts.hostname, parts.port, url):
        if not is_public_address(address):
            raise FetchRefusedError(url, f"host {parts.hostname!r} resolves to {address}, "
                                    "a private, loopback or link-local address")


def is_public_address(address: str) -> bool:
    """Whether ``address`` (IPv4 or IPv6) is globally routable, not a local network's.

    IPv4-mapped IPv6 addresses (``::ffff:127.0.0.1``) are judged by the IPv4 address inside.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _resolve(host: str, port: int | None, url: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefusedError(url, f"host {host!r} does not resolve ({exc})") from exc
    return sorted({str(info[4][0]) for info in infos})


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to a URL that passes :func:`check_public_url`."""

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
        headers: HTTPMessage, newurl: str,
    ) -> urllib.request.Request | None:
        check_public_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_page(url: str) -> str:
    """The page at a public ``url``, decoded as its server says (UTF-8 when it does not).

    Parameters
    ----------
    url:
        An http(s) address whose host resolves only to public addresses.

    Returns
    -------
    str
        The page's HTML.

    Raises
    ------
    FetchRefusedError
        When :func:`check_public_url` refuses the URL or a redirect from it.
    IngestError
        When the server cannot be reached, answers with an error, or sends too much.
    """
    check_public_url(url)
    opener = urllib.request.build_opener(_CheckedRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "newsweave"})
    try:
        with opener.open(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            data: bytes = response.read(MAX_PAGE_BYTES + 1)
            charset = response.headers.get_content_charset() or "utf-8"
    except (URLError, OSError, ValueError) as exc:
        raise IngestError(url, f"could not fetch the page ({exc})") from exc
    if len(data) > MAX_PAGE_BYTES:
        raise IngestError(url, f"page is over the {MAX_PAGE_BYTES:,}-byte limit")
    try:
        return data.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know: UTF-8 is the web's default
        return data.decode("utf-8", errors="replace")
