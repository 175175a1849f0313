"""Put on PYTHONPATH of subprocesses started by the tests: refuse and log every connection.

Each attempt appends its address to the file named by HZCORPUS_TEST_NET_LOG, so a test can
assert that nothing tried to reach the network.
"""

import os
import socket


def _refuse(self, address, *args, **kwargs):
    log = os.environ.get("HZCORPUS_TEST_NET_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{address!r}\n")
    raise ConnectionRefusedError(f"network disabled in tests: {address!r}")


def _allowed(address) -> bool:
    return isinstance(address, (str, bytes))  # AF_UNIX paths are local


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _guarded_connect(self, address, *args, **kwargs):
    if _allowed(address):
        return _connect(self, address, *args, **kwargs)
    return _refuse(self, address)


def _guarded_connect_ex(self, address, *args, **kwargs):
    if _allowed(address):
        return _connect_ex(self, address, *args, **kwargs)
    return _refuse(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    return _refuse(None, (host, *args[:1]))


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.getaddrinfo = _guarded_getaddrinfo
socket.create_connection = lambda address, *a, **k: _refuse(None, address)
