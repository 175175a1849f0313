"""Worker subprocesses that run the steps, with a time limit per document and no SIGALRM.

A `Sandbox` is a worker process (as datatrove's `ExtractorSandbox`) forked from the pool's
template (`forkserver.Template`: `python -m hzcorpus.sandbox`, which has loaded the steps
and warmed up once): it receives inputs one at a time and answers each with its
`ItemResult`. A document that runs past the time limit, or that kills the process, is
recorded as failed with the reason; the sandbox is then forked anew and the work goes on.
A signal alarm would do neither outside the main thread or in a Ray actor.

The template is started with the interpreter itself, never by re-running the caller's
script, so a script that calls `build()` needs no `if __name__ == "__main__"` guard. It and
its workers ignore Ctrl-C (the build stops them), and end when the build's process ends,
even killed.

`SandboxPool` keeps several sandboxes busy over a stream of chunks of inputs and yields each
chunk's results as soon as the chunk is done (the local executor; a Ray task uses a pool of
one).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import pickle
import re
import select
import signal
import socket
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .errors import DatasetError
from .forkserver import Forked, Template, die_with_parent, serve_forks
from .inputs import InputItem
from .read import ReadOptions, document_from_bytes
from .rules import Rule
from .steps import (
    FAILED,
    ItemResult,
    Outcome,
    ReadStep,
    SourceStep,
    Step,
    one_line,
    run_batch,
    run_document,
    run_steps,
)

#: Jobs sent ahead to one sandbox, so that it never waits for the next input while the
#: build's process is busy with a finished chunk (with 2, a worker waited 4% of a build).
DEPTH = 8
#: Jobs sent ahead once the inputs left are few, so that one sandbox does not hold the last
#: documents while another has none.
TAIL_DEPTH = 2
#: Bytes a pipe to or from a sandbox holds (Linux), so that a worker does not wait to send
#: a large record while the build's process is busy.
PIPE_BYTES = 1 << 20
#: Longest wait between checks of time limits and interrupts (seconds).
TICK = 0.25
#: How long a sandbox may take to start and load the steps (seconds).
START_LIMIT = 300.0
UNSENDABLE = "the build options cannot be sent to a worker process"
SENDABLE = (
    "define custom rules and functions in an importable module, not in the script itself "
    "and not as a lambda"
)
#: The outcome's step name when a document ran out of time or killed its worker.
LIMIT_STEP = "time-limit"
#: Modules a template started before the build sends the steps (`prestart`) imports (the
#: default steps' modules), so that it imports them while the build's process imports its
#: own; a template that has the steps already imports what they use.
DEFAULT_STEP_MODULES = ("hzcorpus.clean", "hzcorpus.language", "hzcorpus.redaction")
#: Run through the steps before a sandbox says it is ready, one per format, so that the
#: first document it gets is not charged with importing libraries and loading models.
WARM_UP: tuple[tuple[str, bytes], ...] = (
    ("warm-up.txt", b"Warm-up\n\nThe council met on Monday to discuss the budget.\n"),
    (
        "warm-up.html",
        b"<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
        b"<p>The council met on Monday to discuss the budget.</p></article></body></html>",
    ),
)


def _child_environment() -> dict[str, str]:
    """The environment of a sandbox: this one, with this process's import path (so that the
    steps and a script's own modules import the same way)."""
    import hzcorpus

    paths = [str(Path(hzcorpus.__file__).resolve().parent.parent)]
    paths += [p for p in sys.path if p and os.path.isdir(p)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return env


@dataclass
class _Job:
    kind: str  # "doc" or "batch"
    chunk: _Chunk
    position: int = -1
    item: InputItem | None = None
    sent: float = 0.0


@dataclass
class _Chunk:
    items: list[InputItem]
    results: list[ItemResult | None]
    remaining: int
    batched: bool = False
    done: bool = False


@dataclass
class Sandbox:
    """One worker subprocess and the jobs sent to it, oldest first."""

    template: Template
    time_limit: float
    jobs: deque = field(default_factory=deque)
    last_reply: float = 0.0
    proc: Any = None
    send_conn: Any = None
    recv_conn: Any = None
    ready: bool = False
    #: The process went away while a job was being sent: no more jobs go to it until the
    #: build reads its end of output (`SandboxPool._lost` restarts it and sends them again).
    broken: bool = False

    def start(self) -> None:
        """Fork the process from the template (it answers with its pid once forked; its
        `proc` is known from then on)."""
        self.proc = None
        self.send_conn, self.recv_conn = self.template.fork()
        for conn in (self.send_conn, self.recv_conn):
            _widen_pipe(conn.fileno())
        self.ready = self.broken = False
        self.last_reply = time.monotonic()

    def send(self, job: _Job) -> None:
        """Send a job (it queues behind the ones in flight). If the process has just died,
        the job is held with the others in flight, to be sent again after the restart."""
        payload = job.item if job.kind == "doc" else [r for r in job.chunk.results if r]
        job.sent = time.monotonic()
        self.jobs.append(job)
        try:
            self.send_conn.send_bytes(pickle.dumps((job.kind, payload), pickle.HIGHEST_PROTOCOL))
        except OSError:  # BrokenPipeError: its end of output tells the build what happened
            self.broken = True

    def accepts(self, depth: int) -> bool:
        """Whether it can take another job now (started, alive, fewer than `depth` in flight)."""
        return self.ready and not self.broken and len(self.jobs) < depth

    def deadline(self) -> float:
        """When the oldest job in flight runs out of time."""
        job = self.jobs[0]
        limit = self.time_limit
        if job.kind == "batch":
            limit *= max(1, sum(1 for r in job.chunk.results if r and r.doc is not None))
        return max(job.sent, self.last_reply) + limit

    def stop(self) -> None:
        """Kill the process (and forget its jobs' place in it)."""
        for conn in (self.send_conn, self.recv_conn):
            if conn is not None:
                conn.close()
        self.send_conn = self.recv_conn = None
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
        if self.proc is not None:
            self.proc.wait()


class SandboxPool:
    """Runs chunks of inputs through `workers` sandboxes; `batches` runs the batched steps
    (translation) in them too, once per chunk."""

    def __init__(
        self, steps: Sequence[Step], workers: int, time_limit: float, batches: bool = True
    ) -> None:
        try:
            self.setup = pickle.dumps(list(steps), pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, AttributeError, TypeError) as exc:
            raise DatasetError(f"{UNSENDABLE}: {one_line(exc)}; {SENDABLE}") from None
        self.batched = batches and any(s.batched for s in steps)
        self.workers = max(1, workers)
        self.time_limit = time_limit
        self.sandboxes: list[Sandbox] = []
        self.template: Template | None = None

    def __enter__(self) -> SandboxPool:
        env = _child_environment()
        self.template = _spare(env) or Template(env)
        self.template.load(self.setup)
        self.sandboxes = [Sandbox(self.template, self.time_limit) for _ in range(self.workers)]
        for sandbox in self.sandboxes:
            sandbox.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for sandbox in self.sandboxes:
            sandbox.stop()
        if self.template is not None:
            self.template.stop()

    def run(
        self, chunks: Iterable[list[InputItem]], on_doc: Callable[[int], None] | None = None
    ) -> Iterator[list[ItemResult]]:
        """Each chunk's results (in input order within it), as chunks finish."""
        source = iter(chunks)
        todo: deque[_Job] = deque()
        batches: deque[_Job] = deque()
        open_chunks = 0
        more = True
        while True:
            while more and open_chunks < 2 * self.workers + 1:
                items = next(source, None)
                if items is None:
                    more = False
                    break
                chunk = _Chunk(items, [None] * len(items), len(items))
                todo.extend(_Job("doc", chunk, i, item) for i, item in enumerate(items))
                open_chunks += 1
            depth = DEPTH if more or len(todo) >= DEPTH * self.workers else TAIL_DEPTH
            for sandbox in self.sandboxes:
                while sandbox.accepts(depth) and (batches or todo):
                    if batches and sandbox.jobs:
                        # a batch (whole documents, maybe more than a pipe holds) goes only
                        # to an idle sandbox: one busy or hung on a document would not read
                        # it, and the build would wait in the send, past every time limit
                        break
                    sandbox.send(batches.popleft() if batches else todo.popleft())
            busy = [s for s in self.sandboxes if s.jobs or not s.ready]
            if not busy and not todo and not batches:
                return
            now = time.monotonic()
            timeout = min([TICK, *(s.deadline() - now for s in busy if s.jobs and s.ready)])
            readable = wait([s.recv_conn for s in busy], max(0.0, timeout))
            finished: list[_Chunk] = []
            for sandbox in busy:
                if sandbox.recv_conn in readable:
                    self._receive(sandbox, todo, batches, finished, on_doc)
                elif sandbox.jobs and sandbox.ready and time.monotonic() > sandbox.deadline():
                    self._lost(sandbox, todo, batches, finished, on_doc, "no result within")
                elif not sandbox.ready and time.monotonic() > sandbox.last_reply + START_LIMIT:
                    raise DatasetError(f"a worker process did not start in {START_LIMIT:g} s")
            for chunk in finished:
                open_chunks -= 1
                yield [r for r in chunk.results if r is not None]

    def _receive(self, sandbox, todo, batches, finished, on_doc) -> None:
        try:
            kind, payload = pickle.loads(sandbox.recv_conn.recv_bytes())
        except (EOFError, OSError):
            if not sandbox.ready:
                code = sandbox.template.proc.poll()
                status = "" if code is None else f" (exit {code})"
                raise DatasetError(f"a worker process could not start{status}") from None
            self._lost(sandbox, todo, batches, finished, on_doc, "the worker process died")
            return
        sandbox.last_reply = time.monotonic()
        if kind == "ready":
            sandbox.proc = Forked(payload)
            sandbox.ready = True
            return
        if kind == "error":
            raise DatasetError(payload)
        job = sandbox.jobs.popleft()
        self._done(job, payload, batches, finished, on_doc)

    def _done(self, job: _Job, payload: Any, batches, finished, on_doc) -> None:
        chunk = job.chunk
        if job.kind == "doc":
            chunk.results[job.position] = payload
            chunk.remaining -= 1
            if on_doc is not None:
                on_doc(1)
        else:
            by_index = {r.index: r for r in payload}
            chunk.results = [by_index.get(r.index, r) if r else r for r in chunk.results]
            chunk.batched = True
        if chunk.remaining:
            return
        going = any(r is not None and r.doc is not None for r in chunk.results)
        if self.batched and going and not chunk.batched:
            batches.appendleft(_Job("batch", chunk))
        elif not chunk.done:
            chunk.done = True
            finished.append(chunk)

    def _lost(self, sandbox, todo, batches, finished, on_doc, what: str) -> None:
        """The oldest job's document failed (time limit, or the process died): record it,
        start the sandbox anew and send the other jobs again."""
        job = sandbox.jobs.popleft()
        again = list(sandbox.jobs)
        sandbox.jobs.clear()
        sandbox.stop()
        if what == "no result within":
            what = f"no result within {self.time_limit:g} s (time limit); the worker was restarted"
        if job.kind == "doc":
            result = ItemResult(job.item.index, job.item.source)
            result.stop(Outcome(FAILED, LIMIT_STEP, what))
            self._done(job, result, batches, finished, on_doc)
        else:
            lost = []
            for r in job.chunk.results:
                if r is not None and r.doc is not None:
                    r.stop(Outcome(FAILED, "translate", what))
                lost.append(r)
            self._done(job, [r for r in lost if r], batches, finished, on_doc)
        for other in reversed(again):
            (todo if other.kind == "doc" else batches).appendleft(other)
        sandbox.start()


#: Templates started ahead of the build (`prestart`).
_SPARES: list[Template] = []


def prestart() -> None:
    """Start a worker template now, before the build's process imports its stages, so that
    both import at once; the next pool takes it (`discard_spares` ends it if none does)."""
    _SPARES.append(Template(_child_environment()))


def _spare(env: dict[str, str]) -> Template | None:
    """A prestarted template with this environment, still running, or None."""
    while _SPARES:
        template = _SPARES.pop(0)
        if template.env == env and template.alive():
            return template
        template.stop()
    return None


def discard_spares() -> None:
    """End the prestarted templates no pool took."""
    while _SPARES:
        _SPARES.pop().stop()


def _widen_pipe(fd: int) -> None:
    """Let a pipe hold `PIPE_BYTES` (Linux; elsewhere, or when refused, it stays as is)."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


def _warm_up(first: SourceStep, steps: Sequence[Step]) -> None:
    """Load what the steps load on first use (`WARM_UP`, `_load_on_first_use`): not part of
    any document's time, and done once in the template for every worker."""
    options = first.options if isinstance(first, ReadStep) else ReadOptions()
    for source, data in WARM_UP:
        result = ItemResult(-1, source)
        try:
            result.doc = document_from_bytes(data, source, options)
        except Exception:  # a custom read option may refuse it; the steps still load
            continue
        run_steps(result, steps)
    _load_on_first_use()


def _load_on_first_use() -> None:
    """What the warm-up documents leave to the first document that needs it: the rules'
    patterns (compiled on first use: about 250 rows the warm-up does not reach, 0.1 s of
    CPU) and dateparser's locales and time-zone patterns (0.15 s at its first date)."""
    for obj in gc.get_objects():
        if isinstance(obj, Rule) and obj.pattern is not None and "regex" not in vars(obj):
            with contextlib.suppress(re.error):  # a custom rule's bad pattern fails in use
                obj.regex  # noqa: B018 (a cached property)
    if "hzcorpus.clean" in sys.modules:
        from .clean import dateparser_date

        for order in ("DMY", "MDY"):
            dateparser_date("5 March 2021", order)


def _warm_up_default() -> None:
    """Warm up with the default build's steps while the build's process is still starting
    (a prestarted template): with the default options the warm-up with the steps the build
    sends then finds most of the work done (0.1 s of CPU instead of 0.7 s)."""
    from .builder import BuildOptions

    try:
        read, *steps = BuildOptions(translate=None).steps()
        _warm_up(read, steps)  # type: ignore[arg-type]
    except Exception:  # the steps the build sends are warmed up anyway
        pass


def main() -> None:
    """The template process: load the steps and warm up, then fork a worker for each
    request (`forkserver.serve_forks`); a worker answers jobs until its inbox closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    os.dup2(2, 1)  # a library's print must not end up anywhere the build reads
    control = socket.socket(fileno=0)

    def waiting() -> bool:  # the build's process is still starting: the steps not sent
        return not select.select([control], [], [], 0)[0]

    if waiting():
        for module in DEFAULT_STEP_MODULES:
            importlib.import_module(module)
        if waiting():
            _warm_up_default()
    setup = Connection(os.dup(0), writable=False)
    steps: list[Step] = []
    error = None
    try:
        steps = pickle.loads(setup.recv_bytes())
    except EOFError:
        return
    except Exception as exc:
        error = f"{UNSENDABLE}: {one_line(exc)}; {SENDABLE}"
    else:
        first = steps[0]
        _warm_up(first, [s for s in steps[1:] if not s.batched])
    setup.close()
    ends = serve_forks(control)
    if ends is None:
        return
    inbox, out = ends
    if error is not None:
        out.send_bytes(pickle.dumps(("error", error), pickle.HIGHEST_PROTOCOL))
        return
    _serve(inbox, out, steps)


def _serve(inbox: Connection, out: Connection, steps: list[Step]) -> None:
    """A worker: say it is ready (with its pid), then answer jobs until the inbox closes.
    The first step starts each job (`SourceStep`: an input read, or a kept record)."""
    first: SourceStep = steps[0]  # type: ignore[assignment]
    per_document = [s for s in steps[1:] if not s.batched]
    batched = [s for s in steps if s.batched]

    def answer(kind: str, payload: Any) -> None:
        out.send_bytes(pickle.dumps((kind, payload), pickle.HIGHEST_PROTOCOL))

    answer("ready", os.getpid())
    while True:
        try:
            kind, payload = pickle.loads(inbox.recv_bytes())
        except EOFError:
            return
        if kind == "doc":
            result = run_document(payload, first, per_document)
            if not batched:  # done: the record goes back, not the document
                result.seal(first.keep_raw)
            answer(kind, result)
        else:
            for step in batched:
                run_batch(payload, step)
            for result in payload:
                result.seal()
            answer(kind, payload)


if __name__ == "__main__":
    main()
