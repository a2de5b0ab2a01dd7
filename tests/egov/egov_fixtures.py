"""Fixtures of the e-Gov client tests: a replay server on 127.0.0.1, a fresh cache, and no internet.

Each test module imports them (``from egov_fixtures import …``) rather than finding them in a ``conftest.py``:
a second module named ``conftest`` would shadow ``tests/conftest.py`` for the modules that import it by name.

Every test here runs with ``LAWCODE_EGOV_API`` pointing at an address where nothing listens (so a client built
with the defaults cannot reach e-Gov) and ``LAWCODE_CACHE`` in a temporary folder, and under a guard that fails
the test on any attempt to resolve or connect to a host other than the loopback interface.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from replay import ReplayServer

from lawcode.egov import Client

__all__ = ["no_internet", "server", "cache_dir", "make_client", "client", "UNREACHABLE"]

_LOOPBACK = {"127.0.0.1", "::1", "localhost"}
#: Nothing listens on the discard port of the loopback interface: requests there are refused at once.
UNREACHABLE = "http://127.0.0.1:9/api/2"


def _host_of(address: object) -> str | None:
    if isinstance(address, tuple) and address:
        return str(address[0])
    return None  # AF_UNIX sockets and the like


@pytest.fixture(autouse=True)
def no_internet(monkeypatch, tmp_path):
    """Fail on any non-loopback DNS lookup or connection; point the defaults at nothing and a temp cache."""
    monkeypatch.setenv("LAWCODE_EGOV_API", UNREACHABLE)
    monkeypatch.setenv("LAWCODE_CACHE", str(tmp_path / "default-cache"))
    attempts: list[str] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(host: str | None) -> None:
        if host is not None and host not in _LOOPBACK:
            attempts.append(host)
            raise OSError(f"test guard: connection to {host} refused (tests must not touch the internet)")

    def connect(self, address):
        check(_host_of(address))
        return real_connect(self, address)

    def connect_ex(self, address):
        check(_host_of(address))
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        check(host if isinstance(host, str) else None)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield attempts
    assert not attempts, f"a test tried to reach the internet: {attempts}"


@pytest.fixture
def server():
    replay = ReplayServer().start()
    yield replay
    replay.stop()


@pytest.fixture
def cache_dir(tmp_path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def make_client(server, cache_dir):
    """A client on the replay server: no waits between requests, no backoff, short timeouts."""
    made: list[Client] = []

    def make(**kwargs) -> Client:
        options = {"cache_dir": cache_dir, "min_interval": 0.0, "backoff": 0.0, "retries": 2, "timeout": 5.0}
        options.update(kwargs)
        client = Client(server.base_url, **options)
        if client.network is not None:
            client.network.sleep = lambda seconds: None  # waits are recorded in client.network.waits
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def client(make_client) -> Client:
    return make_client()
