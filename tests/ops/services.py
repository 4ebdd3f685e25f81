"""Throwaway services for fault tests: a Redis of our own that a test may stop, pause and start
again (never the machine's shared one)."""

import shutil
import signal
import socket
import subprocess
import time

import pytest


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port():
    """A local port nobody listens on (connections are refused at once)."""
    return free_port()


def wait_for_port(port, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


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
