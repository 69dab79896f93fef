"""Which server addresses a login may use: unencrypted http only to this machine.

Over plain http the password, the token and contact data cross the network readable by
anyone on the way; on loopback they never leave the machine (a test or a local server).
The CLI (`lokomotiv login --insecure`) may override it, the window may not.
"""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_loopback(host: str | None) -> bool:
    """127.0.0.0/8, ::1 or localhost."""
    if not host:
        return False
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def unencrypted_remote(server_url: str) -> bool:
    """True when a login to `server_url` would send the password unencrypted off this
    machine: the one rule for the CLI and the window."""
    parts = urlsplit(server_url.strip())
    return parts.scheme.lower() == "http" and not is_loopback(parts.hostname)


def refusal(server_url: str) -> str:
    """Why such a login is refused, in Danish."""
    return (f"Lokomotiv logger ikke ind over en ukrypteret forbindelse (http://) til en "
            f"anden maskine: adgangskoden og dine data kunne læses undervejs. Brug "
            f"serverens https-adresse i stedet for {server_url}.")
