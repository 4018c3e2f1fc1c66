"""A web server on 127.0.0.1 for the URL tests: started by the test, on a free port, never the internet.

Routes map a path to ``(status, headers, body)``, or to ``HANG`` (the answer
never comes: the handler waits until the server stops, so the client's timeout
is what ends the request). Every request's path and headers are recorded.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG = "hang"
Route = tuple[int, dict[str, str], bytes] | str


@dataclass
class Server:
    port: int
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@contextmanager
def serving(routes: dict[str, Route]) -> Iterator[Server]:
    server_state: list[Server] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state = server_state[0]
            state.requests.append((self.path, dict(self.headers.items())))
            route = state.routes.get(self.path, (404, {"Content-Type": "text/html"}, b"<html>not here</html>"))
            if route == HANG:
                state.stopping.wait(60)  # until the test is over; the client gave up long before
                return
            status, headers, body = route  # type: ignore[misc]
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read what the client says."""

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server_state.append(Server(httpd.server_address[1], routes))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, name="test-web-server",
                              daemon=True)
    thread.start()
    try:
        yield server_state[0]
    finally:
        server_state[0].stopping.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def page(title: str, paragraphs: list[str], charset: str = "utf-8") -> tuple[int, dict[str, str], bytes]:
    """A news page as a site serves it: navigation, the article, a footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>{title}</title></head><body>"
            f"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>")
    return 200, {"Content-Type": f"text/html; charset={charset}"}, html.encode(charset)
