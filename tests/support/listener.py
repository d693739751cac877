"""A real TCP listener that records every connection and the request head it was sent,
and answers each with a small PDF: the "other host" of the outbound-URL tests."""

from __future__ import annotations

import socket
import socketserver
import threading

from tests.support.builders import PDF


class Listener:
    def __init__(self, address: str):
        self.connections: list[bytes] = []
        self._lock = threading.Lock()
        listener = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                self.request.settimeout(5)
                head = b""
                try:
                    while b"\r\n\r\n" not in head and len(head) < 65536:
                        chunk = self.request.recv(4096)
                        if not chunk:
                            break
                        head += chunk
                except OSError:
                    pass
                with listener._lock:
                    listener.connections.append(head)
                try:
                    self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: "
                                         + str(len(PDF)).encode() + b"\r\nConnection: close\r\n\r\n" + PDF)
                except OSError:
                    pass

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True
            address_family = socket.AF_INET

        self.server = Server((address, 0), Handler)
        self.host, self.port = self.server.server_address[:2]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.port}"

    def heads(self) -> list[bytes]:
        with self._lock:
            return list(self.connections)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
