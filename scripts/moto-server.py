#!/usr/bin/env python3
"""moto's server as `moto_server` runs it, but answering DynamoDB one request at a time.

moto's DynamoDB backend is not thread-safe. A TransactWriteItems that is cancelled restores a
copy of every table it names, taken before it ran, so a PutItem another thread applied and
acknowledged in between is lost; the copy itself fails with "dictionary changed size during
iteration" when a write lands during it. Real DynamoDB does neither: an acknowledged write stays.
orderctl steps its subscriptions side by side, so its claims and transactions meet on one
table, and a lost claim showed up in the tests as an email sent twice. Every DynamoDB and
DynamoDB Streams request therefore takes one lock; the other services stay threaded.
tests/aws_moto.rs checks that no acknowledged write is lost.

usage: moto-server.py PORT   (run with the .venv's python, which has moto; binds 127.0.0.1)
"""
import os
import signal
import sys
import threading

from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import run_simple

port = int(sys.argv[1])
os.environ.setdefault("MOTO_PORT", str(port))  # as moto_server does: moto builds URLs with it
inner = DomainDispatcherApplication(create_backend_app)
inner.debug = True
dynamodb = threading.Lock()


def app(environ, start_response):
    if not environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB"):
        return inner(environ, start_response)
    with dynamodb:
        # moto builds the whole answer while handling the request; reading it out here as well
        # keeps the lock's span obvious.
        body = inner(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()


for sig in (signal.SIGINT, signal.SIGTERM):
    signal.signal(sig, lambda *_: sys.exit(0))
run_simple(
    "127.0.0.1",
    port,
    app,
    threaded=True,
    request_handler=MotoRequestHandler,
)
