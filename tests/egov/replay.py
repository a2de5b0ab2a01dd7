"""A local e-Gov stand-in: an HTTP server on 127.0.0.1 that serves recorded or hand-written responses.

Tests register a :class:`Reply` per path (optionally per query parameters) and read back what was asked in
``server.requests``. Replies can misbehave on purpose: a status and ``error_info`` body, a ``Retry-After``, a
delay longer than the client's timeout, a body cut short after the headers promised more.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    #: Send only this many bytes of the body, although Content-Length announces all of it, then hang up.
    truncate_to: int | None = None


@dataclass
class Request:
    path: str
    query: dict[str, str]
    headers: dict[str, str]


class ReplayServer:
    def __init__(self) -> None:
        self._routes: dict[str, list[tuple[dict[str, str], list[Reply]]]] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                parts = urlsplit(self.path)
                path = unquote(parts.path)
                query = dict(parse_qsl(parts.query, keep_blank_values=True))
                with server._lock:
                    server.requests.append(Request(path, query, dict(self.headers.items())))
                reply = server._reply(path, query)
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                if reply.content_type:
                    self.send_header("Content-Type", reply.content_type)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(reply.body)))
                if reply.truncate_to is not None:
                    self.send_header("Connection", "close")
                self.end_headers()
                try:
                    if reply.truncate_to is not None:
                        self.wfile.write(reply.body[: reply.truncate_to])
                        self.wfile.flush()
                        self.close_connection = True
                    else:
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
                    self.close_connection = True

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    # -- set-up -----------------------------------------------------------------------------------------------

    def start(self) -> "ReplayServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def root(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        return self.root + "/api/2"

    def add(self, path: str, *replies: Reply, query: dict[str, str] | None = None) -> None:
        """Serve *replies* for GET *path* (one per request, the last one repeated); *query* restricts the route
        to requests with these parameters."""
        self._routes.setdefault(path, []).append((query or {}, list(replies)))

    def _reply(self, path: str, query: dict[str, str]) -> Reply:
        with self._lock:
            for wanted, replies in self._routes.get(path, []):
                if all(query.get(k) == v for k, v in wanted.items()):
                    return replies.pop(0) if len(replies) > 1 else replies[0]
        return Reply(b'{"code":"404001","message":"no such route in the replay server"}', status=404)

    # -- inspection -------------------------------------------------------------------------------------------

    def hits(self, path: str) -> int:
        """How many requests reached *path*."""
        return sum(1 for r in self.requests if r.path == path)
