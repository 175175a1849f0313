"""The worker template: one process that imports and warms up the steps once, then forks
each worker from itself, so that a worker starts warm (POSIX; a worker's own start cost
about 0.8 s of CPU: imports, then the warm-up's library loads and regex compilations).

The build's process starts the template as `python -m hzcorpus.sandbox` (never a re-run of
the caller's script) with one end of a Unix socket as its standard input: the steps go over
it once, then one request per worker, each carrying the two pipe ends the worker talks over
(`socket.send_fds`). The template runs no thread, so forking it is safe; it freezes its
objects for the garbage collector first, so that the workers' collections do not copy the
pages they share. The template reaps its workers (so that their CPU time counts in the
build's, as a direct child's would); the build's process watches and kills them through a
pid file descriptor (Linux) or their pid.
"""

from __future__ import annotations

import gc
import os
import select
import signal
import socket
import subprocess
import sys
import time
from multiprocessing.connection import Connection

FORK = b"f"
#: How long the template has to reap its workers and end once the build closes its socket.
END_LIMIT = 5.0
#: How often a worker's end is checked where no pid file descriptor exists (seconds).
POLL = 0.01


class Forked:
    """A worker forked by the template (not a child of this process): `poll`, `kill` and
    `wait` as a `subprocess.Popen` has them, without the exit status (None while it runs,
    -1 after)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.fd: int | None = None
        self.gone = False
        try:
            self.fd = os.pidfd_open(pid)
        except AttributeError:  # no pid file descriptors: the pid alone
            pass
        except ProcessLookupError:
            self.gone = True

    def poll(self) -> int | None:
        if not self.gone:
            if self.fd is not None:
                self.gone = bool(select.select([self.fd], [], [], 0)[0])
            else:
                self.gone = not _exists(self.pid)
        return -1 if self.gone else None

    def kill(self) -> None:
        if self.poll() is not None:
            return
        try:
            if self.fd is not None:
                signal.pidfd_send_signal(self.fd, signal.SIGKILL)
            else:
                os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def wait(self) -> int:
        if self.fd is not None:
            select.select([self.fd], [], [])
            os.close(self.fd)
            self.fd = None
        while not self.gone and _exists(self.pid):
            time.sleep(POLL)
        self.gone = True
        return -1


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Template:
    """The build's handle on a template process: `fork` gives a new worker's two ends."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.setup: bytes | None = None
        self._spawn()

    def _spawn(self) -> None:
        self.sock, theirs = socket.socketpair()
        try:
            self.proc = subprocess.Popen(self.command(), stdin=theirs, env=self.env)
        finally:
            theirs.close()

    def command(self) -> list[str]:
        """The template's command line."""
        return [sys.executable, "-m", "hzcorpus.sandbox"]

    def load(self, setup: bytes) -> None:
        """Send the steps (the template warms up with them before its first fork)."""
        self.setup = setup
        conn = Connection(os.dup(self.sock.fileno()))
        try:
            conn.send_bytes(setup)
        finally:
            conn.close()

    def fork(self) -> tuple[Connection, Connection]:
        """A new worker's ends: (send to it, receive from it). It answers ("ready", its pid)
        once forked. A template that has died is started anew first."""
        try:
            return self._fork()
        except OSError:
            self.stop()
            self._spawn()
            self.load(self.setup or b"")
            return self._fork()

    def _fork(self) -> tuple[Connection, Connection]:
        inbox, to_worker = os.pipe()
        from_worker, out = os.pipe()
        try:
            socket.send_fds(self.sock, [FORK], [inbox, out])
        except OSError:
            for fd in (to_worker, from_worker):
                os.close(fd)
            raise
        finally:
            os.close(inbox)
            os.close(out)
        return Connection(to_worker, readable=False), Connection(from_worker, writable=False)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        """End the template (its workers die with it): it ends by itself at the end of its
        input once its workers have ended, or is killed after `END_LIMIT` seconds."""
        self.sock.close()
        try:
            self.proc.wait(END_LIMIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def serve_forks(control: socket.socket) -> tuple[Connection, Connection] | None:
    """The template's loop: fork a worker for each request. Returns in a worker, with its
    (inbox, out) ends; in the template, None once the build's process closes the socket."""
    gc.freeze()
    signal.signal(signal.SIGCHLD, _reap)
    template = os.getpid()
    while True:
        try:
            message, fds, _flags, _address = socket.recv_fds(control, 1, 2)
        except OSError:
            message, fds = b"", []
        if message != FORK or len(fds) != 2:
            for fd in fds:
                os.close(fd)
            _reap(block=True)
            return None
        sys.stdout.flush()
        sys.stderr.flush()
        if os.fork() == 0:
            control.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            die_with_parent()
            if os.getppid() != template:  # the template died before the line above
                os._exit(0)
            inbox, out = fds
            return Connection(inbox, writable=False), Connection(out, readable=False)
        for fd in fds:
            os.close(fd)


def _reap(*_signal: object, block: bool = False) -> None:
    """Wait for the workers that have ended (with `block`, for all of them)."""
    while True:
        try:
            pid, _status = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (no-op elsewhere)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
