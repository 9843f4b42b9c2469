#!/usr/bin/env python3
"""moto's server answering one request at a time, timing each (scripts/bench aws_replay_storm).

moto_server runs threaded, and its TransactWriteItems races with itself (it answers 500,
"dictionary changed size during iteration"), so concurrent replays measured moto's races and the
SDK's backoff. One request at a time has no race. Every answer rewrites STATS_FILE:
{"<X-Amz-Target or path>": [requests, seconds of server time]}.

usage: moto-serial.py PORT STATS_FILE   (run with the .venv's python, which has moto)
"""
import json
import os
import sys
import time

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

port, stats_file = int(sys.argv[1]), sys.argv[2]
os.environ.setdefault("MOTO_PORT", str(port))
inner = DomainDispatcherApplication(create_backend_app)
stats = {}


def app(environ, start_response):
    started = time.perf_counter()
    body = b"".join(inner(environ, start_response))
    key = environ.get("HTTP_X_AMZ_TARGET", environ.get("PATH_INFO", "?"))
    entry = stats.setdefault(key, [0, 0.0])
    entry[0] += 1
    entry[1] += time.perf_counter() - started
    with open(stats_file, "w") as f:
        json.dump(stats, f)
    return [body]


run_simple("127.0.0.1", port, app, threaded=False)
