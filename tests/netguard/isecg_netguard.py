"""A socket that fails: the test session's guard against any network but loopback.

``install()`` wraps the socket module so that connecting, sending to or binding an internet
socket anywhere but the loopback range, and resolving any name but ``localhost``, raise
``NetworkBlocked`` (an ``OSError``, as a real unreachable network would) and append one line to
the file named by ``$ISECG_KG_NETGUARD_LOG``, which the tests read: an attempt a library swallows
still fails the test. Unix sockets (multiprocessing's) are untouched. Installed in the pytest
process by ``tests/conftest.py`` and, through ``sitecustomize``, in every Python subprocess.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
import traceback

LOG = "ISECG_KG_NETGUARD_LOG"
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class NetworkBlocked(OSError):
    """A test tried to reach the network."""


def is_loopback(host: object) -> bool:
    """Whether ``host`` (an address or a name) is on this machine's loopback."""
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _blocked(what: str) -> NetworkBlocked:
    path = os.environ.get(LOG)
    if path:
        where = "".join(traceback.format_stack(limit=8)[:-2]).replace("\n", " | ")
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"pid {os.getpid()}: {what} :: {where}\n")
    return NetworkBlocked(errno.ENETUNREACH, f"network access blocked in tests: {what}")


def _check(sock: socket.socket, address: object, verb: str) -> None:
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return
    host = address[0] if isinstance(address, tuple) and address else address
    if verb == "bind" and host in ("", None):
        raise _blocked(f"bind to all interfaces {address!r}")
    if not is_loopback(host):
        raise _blocked(f"{verb} {address!r}")


def install() -> None:
    """Guard this process (idempotent)."""
    if getattr(socket, "_isecg_netguard", False):
        return
    socket._isecg_netguard = True  # type: ignore[attr-defined]
    cls = socket.socket
    connect, connect_ex, sendto, bind = cls.connect, cls.connect_ex, cls.sendto, cls.bind

    def guarded_connect(self, address):
        _check(self, address, "connect")
        return connect(self, address)

    def guarded_connect_ex(self, address):
        _check(self, address, "connect")
        return connect_ex(self, address)

    def guarded_sendto(self, data, *args):
        _check(self, args[-1], "sendto")
        return sendto(self, data, *args)

    def guarded_bind(self, address):
        _check(self, address, "bind")
        return bind(self, address)

    cls.connect, cls.connect_ex, cls.sendto, cls.bind = (
        guarded_connect,
        guarded_connect_ex,
        guarded_sendto,
        guarded_bind,
    )
    getaddrinfo, gethostbyname = socket.getaddrinfo, socket.gethostbyname
    gethostbyname_ex, gethostbyaddr = socket.gethostbyname_ex, socket.gethostbyaddr

    def resolving(real, what):
        def guarded(host, *args, **kwargs):
            if host is not None and not is_loopback(host):
                raise _blocked(f"{what} {host!r}")
            return real(host, *args, **kwargs)

        return guarded

    socket.getaddrinfo = resolving(getaddrinfo, "resolve")
    socket.gethostbyname = resolving(gethostbyname, "resolve")
    socket.gethostbyname_ex = resolving(gethostbyname_ex, "resolve")
    socket.gethostbyaddr = resolving(gethostbyaddr, "reverse-resolve")
