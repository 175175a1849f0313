"""A small HTTP server on 127.0.0.1 for the tests: fixed answers per path, requests logged."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Answer:
    """What the server sends for a path: `body`, announced as `length` bytes (default: all)."""

    body: bytes
    status: int = 200
    length: int | None = None


@contextmanager
def serve(answers: dict[str, Answer]) -> Iterator[tuple[str, list[str]]]:
    """Serve `answers` (path -> Answer; other paths get 404) on a free loopback port.

    Yields the base URL (`http://127.0.0.1:PORT`) and the list of requested paths. A body
    shorter than its announced length is sent and the connection closed: a truncated download.
    """
    requested: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requested.append(self.path)
            answer = answers.get(self.path, Answer(b"not found", status=404))
            self.send_response(answer.status)
            self.send_header("Content-Length", str(answer.length or len(answer.body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(answer.body)
            self.close_connection = True

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requested
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
