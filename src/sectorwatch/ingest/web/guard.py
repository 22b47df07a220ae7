"""Where the crawler may go: http and https only, and no private, loopback, link-local or
otherwise non-public address unless the allow-list (SECTORWATCH_WEB_ALLOW) names it.

Every address a host name resolves to is checked, on every request and every redirect, and
the connection is made to a checked address (not resolved again), so a feed cannot make
the crawler probe an internal network, even by DNS rebinding.
"""

from __future__ import annotations

import ipaddress
import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as LookupTimeout
from dataclasses import dataclass
from urllib.parse import SplitResult, quote, urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


_SAFE = "!#$%&'()*+,/:;=?@[]~"
"""Characters left as they are in a path or query; others (spaces, non-ASCII) are escaped."""


class Refused(Exception):
    """A URL the crawler will not fetch; `str()` says why, for a user."""


@dataclass(frozen=True)
class Target:
    """A URL taken apart: where to connect and what to ask for."""

    url: str
    scheme: str
    host: str
    port: int
    path: str

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.netloc}"

    @property
    def netloc(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


def parse_url(url: str) -> Target:
    """The Target of an http(s) URL, or Refused for any other scheme or a URL without host."""
    try:
        parts: SplitResult = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise Refused(f"not a valid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise Refused(f"only http and https URLs are read, not {scheme or 'a relative URL'}:")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise Refused("the URL has no host")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise Refused(f"not a valid host name {host!r}") from exc
    path = quote(parts.path or "/", safe=_SAFE)
    if parts.query:
        path += f"?{quote(parts.query, safe=_SAFE)}"
    return Target(url.strip(), scheme, host, port or (443 if scheme == "https" else 80), path)


@dataclass(frozen=True)
class AllowList:
    """Hosts, addresses and networks that may be fetched although they are not public."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def parse(cls, text: str | None) -> AllowList:
        """From a comma list: `127.0.0.1`, `10.0.0.0/8`, `::1`, `intranet.example`."""
        hosts: set[str] = set()
        networks: list[IPNetwork] = []
        for entry in (text or "").split(","):
            entry = entry.strip().lower().strip("[]")
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                hosts.add(entry.rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def permits(self, host: str, address: IPAddress) -> bool:
        if host.lower() in self.hosts:
            return True
        return any(address.version == n.version and address in n for n in self.networks)


def kind_of(address: IPAddress) -> str | None:
    """Why `address` is not public ("loopback", "private", ...), or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return kind_of(address.ipv4_mapped)
    for name in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(address, f"is_{name}"):
            return name.replace("_", "-")
    return None if address.is_global else "non-public"


_LOOKUPS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="sectorwatch-dns")
"""The system resolver has no timeout of its own: look-ups run here, and a caller waits for
one at most `timeout` seconds (a look-up that never answers keeps only its thread)."""


def resolve(target: Target, allow: AllowList, timeout: float | None = None) -> list[str]:
    """The addresses of the target's host, every one of them checked; Refused otherwise,
    and when the resolver gives no answer within `timeout` seconds."""
    lookup = _LOOKUPS.submit(socket.getaddrinfo, target.host, target.port, type=socket.SOCK_STREAM)
    try:
        infos = lookup.result(timeout=timeout)
    except LookupTimeout:
        lookup.cancel()
        raise Refused(
            f"cannot resolve {target.host}: no answer within {timeout:g} s "
            "(SECTORWATCH_WEB_TIMEOUT)"
        ) from None
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"cannot resolve {target.host} ({exc})") from exc
    addresses = list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))
    for text in addresses:
        address = ipaddress.ip_address(text)
        kind = kind_of(address)
        if kind is not None and not allow.permits(target.host, address):
            shown = text if text == target.host else f"{target.host} ({text})"
            raise Refused(
                f"refused: {shown} is a {kind} address; "
                "allow it with SECTORWATCH_WEB_ALLOW if it is yours"
            )
    if not addresses:
        raise Refused(f"cannot resolve {target.host}")
    return addresses
