"""Throwaway services for fault tests: a Redis of our own that a test may stop, pause and start
again (never the machine's shared one)."""

import shutil
import signal
import socket
import subprocess

import pytest

from tests.waiting import NotReached, answers, wait_until


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port():
    """A local port nobody listens on (connections are refused at once)."""
    return free_port()


def wait_for_port(port, timeout=15):
    def listens():
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            pass

    try:
        wait_until(answers(listens), timeout=timeout)
    except NotReached:
        raise RuntimeError(f"nothing listens on port {port} after {timeout} s") from None


class ThrowawayRedis:
    def __init__(self):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.skip("needs redis-server (apt-get install redis-server) for the fault tests")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--daemonize", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def pause(self):
        """Like a network partition: the port stays open, nothing answers, data is kept."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def client(self):
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=2)

    def close(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)


class ThrowawayPostgres:
    """A PostgreSQL cluster of our own in a temporary folder, on a free port, that a test may
    stop and start (run as the ``postgres`` user when we are root: initdb refuses root)."""

    def __init__(self):
        import glob
        import os
        import tempfile

        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            pytest.skip("needs PostgreSQL's server binaries (initdb, pg_ctl) for the fault tests")
        self.bin = os.path.dirname(found[-1])
        self.prefix = []
        if os.geteuid() == 0:
            import pwd

            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root without a 'postgres' user to run initdb as")
            self.prefix = ["runuser", "-u", "postgres", "--"]
        # Not below pytest's tmp_path: the postgres user could not reach it.
        folder = tempfile.mkdtemp(prefix="cms-pg-")
        if self.prefix:
            os.chown(folder, user.pw_uid, user.pw_gid)
        self.folder = folder
        self.data = f"{folder}/data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/cms"

    def _run(self, *args):
        subprocess.run(
            [*self.prefix, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )

    def init(self):
        self._run(f"{self.bin}/initdb", "-D", self.data, "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--no-sync")  # fmt: skip
        self.start()
        self._run(f"{self.bin}/createdb", "-h", "127.0.0.1", "-p", str(self.port),
                  "-U", "postgres", "cms")  # fmt: skip

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}"
        self._run(f"{self.bin}/pg_ctl", "-D", self.data, "-o", options, "-l",
                  f"{self.folder}/log", "-w", "start")  # fmt: skip

    def stop(self, mode="fast"):
        self._run(f"{self.bin}/pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def close(self):
        import os

        if os.path.exists(f"{self.data}/postmaster.pid"):
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


class CuttingProxy:
    """A TCP proxy in front of a service (here moto's S3 server) that can make the service go
    away in the middle of a request.

    It forwards every connection both ways. ``arm(after_bytes, on_cut)`` makes it count the
    bytes clients send in PUT requests (request line, headers and body, over all connections);
    when the count passes ``after_bytes`` it calls ``on_cut`` (e.g. stops the server behind it)
    and resets the connection that carried the last bytes, so the request in flight breaks off
    in the middle of its body. ``arm(on_cut=…, response=True)`` instead lets a PUT through
    whole and cuts when its answer comes back: the server has taken the upload, the client
    never learns it. Connections it cannot forward because nothing listens behind it are reset
    at once, as a stopped server's would be. With ``hanging`` set it takes connections and
    bytes and answers nothing (a store that hangs, or a network that drops packets).
    """

    METHODS = (b"PUT ", b"GET ", b"HEAD", b"POST", b"DELE")

    def __init__(self, upstream_port):
        import threading

        self.upstream_port = upstream_port
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.cuts = 0
        self.put_requests = 0
        self.methods = []  # the method of every request forwarded, in order
        self.hanging = False  # True: take connections and bytes, answer nothing
        self._lock = threading.Lock()
        self._armed = None  # [remaining bytes, on_cut, response, hang]
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._closing = False
        threading.Thread(target=self._accept, name="cutting-proxy", daemon=True).start()

    def arm(self, after_bytes=0, on_cut=lambda: None, response=False, hang=False):
        """``hang``: at the cut, instead of resetting, start ``hanging`` (connections stay
        open, nothing more goes through)."""
        if hang:
            on_cut = lambda: setattr(self, "hanging", True)  # noqa: E731
        with self._lock:
            self._armed = [after_bytes, on_cut, response, hang]
            self.put_requests = 0  # PUT requests begun since

    def close(self):
        self._closing = True
        self._listener.close()

    @staticmethod
    def _reset(*sockets):
        import struct

        for sock in sockets:
            try:  # RST, not FIN: the peer sees the connection torn down, as on a crash
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.close()
            except OSError:
                pass

    def _accept(self):
        import threading

        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), 1)
                upstream.settimeout(None)
            except OSError:
                self._reset(client)
                continue
            threading.Thread(target=self._forward, args=(client, upstream), daemon=True).start()

    def _forward(self, client, upstream):
        """Both directions of one connection in one thread, so a cut resets both at once."""
        import selectors

        peer = {client: upstream, upstream: client}
        put = False
        with selectors.DefaultSelector() as selector:
            selector.register(client, selectors.EVENT_READ)
            selector.register(upstream, selectors.EVENT_READ)
            try:
                while selector.get_map():
                    for key, _ in selector.select():
                        source = key.fileobj
                        data = source.recv(65536)
                        if not data:
                            # An orderly close is passed on as one (a reset could discard an
                            # answer the other side has not read yet).
                            selector.unregister(source)
                            peer[source].shutdown(socket.SHUT_WR)
                            continue
                        from_client = source is client
                        # The client sends its next request only after the last answer, so a
                        # request on a kept-alive connection starts a chunk, with its method.
                        if self.hanging:
                            continue  # like a store that no longer answers: bytes go nowhere
                        if from_client and data[:4] in self.METHODS:
                            put = data.startswith(b"PUT ")
                            self.put_requests += put
                            self.methods.append(data.split(b" ", 1)[0].decode())
                        if put and self._cut(len(data), from_client, data):
                            self._reset(client, upstream)
                            return
                        peer[source].sendall(data)
            except OSError:
                self._reset(client, upstream)
                return
        client.close()
        upstream.close()

    def _cut(self, size, from_client, data):
        """True (after calling on_cut) when the armed moment has come."""
        with self._lock:
            if self._armed is None:
                return False
            remaining, on_cut, response, hang = self._armed
            if response:
                # The final answer to the PUT (not an interim "100 Continue").
                if from_client or not data.startswith(b"HTTP/1.1 2"):
                    return False
            elif not from_client:
                return False
            else:
                self._armed[0] = remaining = remaining - size
                if remaining > 0:
                    return False
            self._armed = None
            self.cuts += 1
        on_cut()
        return not hang
