"""Monia's production WSGI server (gunicorn): `make serve` and docs/deployment.md.

Several worker processes share nothing but PostgreSQL, so more app servers behind a load
balancer scale the same way. TLS ends at the load balancer or reverse proxy in front."""

import multiprocessing
import os

bind = os.environ.get("MONIA_BIND", "127.0.0.1:8000")
# Workers: the environment's choice, else two per core plus one (gunicorn's rule of thumb).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("MONIA_THREADS", "1"))
timeout = int(os.environ.get("MONIA_REQUEST_TIMEOUT", "60"))
graceful_timeout = 30
max_requests = 2000  # a worker is replaced now and then: no slow leak lives for weeks
max_requests_jitter = 200
accesslog = None  # Monia logs each request itself (web/security.py) with its request id
errorlog = "-"
forwarded_allow_ips = os.environ.get("MONIA_FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "monia.wsgi:application"
