"""Which address a request comes from, for the login limits and the session record.

Behind a reverse proxy every request arrives from the proxy's address; the client's is in
`X-Forwarded-For`, which anyone can also write. It is believed only when the request comes
from a proxy listed in `server.trusted_proxies`, and then only as far back as the chain
stays within trusted proxies: the first address (from the right) that is not one of them
is the client. Without trusted proxies the header is ignored.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from functools import lru_cache

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    """The trusted proxies as networks (`10.0.0.5`, `10.0.0.0/8`, `::1`); settings checked them at start."""
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _trusted(address: str, trusted: Sequence[Network]) -> bool:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in trusted)


def client_address(remote: str | None, forwarded_for: str | None, trusted: Sequence[Network]) -> str:
    """The client's address: the peer's, or the last untrusted hop of `X-Forwarded-For` behind trusted proxies."""
    remote = remote or "-"
    if not forwarded_for or not _trusted(remote, trusted):
        return remote
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, trusted):
            return hop[:64]
    return hops[0][:64] if hops else remote
