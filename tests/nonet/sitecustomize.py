"""Put on PYTHONPATH of subprocesses started by the tests: refuse and log every connection.

Each attempt appends its address to the file named by HZCORPUS_TEST_NET_LOG, so a test can
assert that nothing tried to reach the network. A test that runs its own server on this
machine sets HZCORPUS_TEST_LOOPBACK=1 (the `loopback` fixture): connections to 127.0.0.1,
::1 and `localhost` are then allowed; every other address is still refused.
"""

import os
import socket

LOOPBACK_ENV = "HZCORPUS_TEST_LOOPBACK"
_LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost"}


def _refuse(self, address, *args, **kwargs):
    log = os.environ.get("HZCORPUS_TEST_NET_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{address!r}\n")
    raise ConnectionRefusedError(f"network disabled in tests: {address!r}")


def _loopback(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    return os.environ.get(LOOPBACK_ENV) == "1" and host in _LOOPBACK_HOSTS


def _allowed(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX paths are local
        return True
    return isinstance(address, tuple) and bool(address) and _loopback(address[0])


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo
_create_connection = socket.create_connection


def _guarded_connect(self, address, *args, **kwargs):
    if _allowed(address):
        return _connect(self, address, *args, **kwargs)
    return _refuse(self, address)


def _guarded_connect_ex(self, address, *args, **kwargs):
    if _allowed(address):
        return _connect_ex(self, address, *args, **kwargs)
    return _refuse(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if _loopback(host):
        return _getaddrinfo(host, *args, **kwargs)
    return _refuse(None, (host, *args[:1]))


def _guarded_create_connection(address, *args, **kwargs):
    if _allowed(address):
        return _create_connection(address, *args, **kwargs)
    return _refuse(None, address)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.getaddrinfo = _guarded_getaddrinfo
socket.create_connection = _guarded_create_connection
