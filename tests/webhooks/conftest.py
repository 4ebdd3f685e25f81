import socket

import pytest

from .support import Clock, Receiver, send_in_transaction


@pytest.fixture
def receiver():
    started = Receiver()
    yield started
    started.stop()


@pytest.fixture
def start_receiver():
    """Starts receivers (e.g. on a port that was down before) and stops them afterwards."""
    started = []

    def start(port=0, script=()):
        started.append(Receiver(port, script))
        return started[-1]

    yield start
    for one in started:
        one.stop()


@pytest.fixture
def closed_port():
    """A port on 127.0.0.1 where nothing listens: connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Sends a change and commits it, running what waits for the commit (the delivery task)."""

    def send(change, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            send_in_transaction(change, **kwargs)

    return send


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)
