"""Static publishing benchmarks (issue 11; not part of the test run), side by side in one run:

* home and an entry page through make serve's nginx front (the static tree)
* the same pages from nginx serving one static file (the ceiling)
* the same pages from Django alone (gunicorn, cache miss: the home page with a query string)
* the front answering with gunicorn stopped (the tree, and the maintenance page for forms)
* an incremental re-render after one publication (target <= 2 s)
* the full tree render rate for N entries (extrapolated to 1,000,000; target <= 30 min)

Load: wrk (Debian package ``wrk``) when installed, else a small bounded Python client; only
127.0.0.1. Uses the database of bench/catalog_generate.py and the production settings:

    export ZWGK_VAR_DIR=$PWD/var/bench DJANGO_SETTINGS_MODULE=zwgk.settings
    .venv/bin/python manage.py migrate && .venv/bin/python bench/catalog_generate.py --count 100000
    .venv/bin/python bench/static_serve.py --render 5000     # add --full to render every entry first
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PORTS = {"front": 8391, "reference": 8392, "django": 8393}
os.environ.setdefault("ZWGK_ENV", "production")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(60))
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ZWGK_SITE_URL", f"http://127.0.0.1:{PORTS['front']}")
os.environ.setdefault("ZWGK_VAR_DIR", str(ROOT / "var" / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from zwgk.org.models import Staff  # noqa: E402
from zwgk.publishing import front, pages, services  # noqa: E402


def wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on {port}")


def load(url: str, seconds: int, connections: int) -> float:
    """Requests per second at ``url``."""
    if shutil.which("wrk"):
        out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url], capture_output=True,
                             text=True, check=True).stdout
        match = re.search(r"Requests/sec:\s+([\d.]+)", out)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        if errors:
            print(f"    ({errors.group(1)} non-2xx answers at {url})")
        return float(match.group(1)) if match else 0.0
    return python_load(url, seconds, min(connections, 8))


def python_load(url: str, seconds: int, threads: int) -> float:
    """A bounded fallback load generator: keep-alive connections from a few threads."""
    import http.client
    from urllib.parse import urlsplit

    split = urlsplit(url)
    path = split.path + (f"?{split.query}" if split.query else "")
    counts = [0] * threads
    stop = time.monotonic() + seconds

    def worker(i: int) -> None:
        connection = http.client.HTTPConnection(split.hostname, split.port, timeout=10)
        while time.monotonic() < stop:
            connection.request("GET", path)
            connection.getresponse().read()
            counts[i] += 1

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return sum(counts) / seconds


def status_of(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def incremental() -> tuple[float, float]:
    """Seconds to re-render what one new publication shows (entry, section list, feed, home…)."""
    from zwgk.catalog.models import Category, Section
    from zwgk.catalog.services import do_import_entry

    number = f"11640000010065393W/2026-{secrets.randbelow(10**6):06d}"
    entry = do_import_entry(actor=Staff.objects.get(username="clerk"),
                            index_number=number, title="国庆假期全省道路交通安全形势平稳", publisher="公安厅交警总队",
                            published_on=date(2026, 10, 8), section=Section.objects.get(code="news"),
                            category=Category.objects.first(), body="<p>国庆假期全省道路交通安全形势平稳。</p>")
    started, cpu = time.monotonic(), time.process_time()
    services.publish_urls(services.affected_urls("entry", str(entry.pk)))
    wall, used = time.monotonic() - started, time.process_time() - cpu
    started = time.monotonic()
    services.publish_urls(services.sitemap_urls(entry.pk))
    print(f"    sitemap refresh (its own task): {time.monotonic() - started:.2f} s")
    return wall, used


def render_rate(count: int, processes: int) -> tuple[float, float]:
    """(entries per second wall, CPU seconds per entry) rendering ``count`` entry pages."""
    chunks, total = [], 0
    for chunk in pages.published_index_numbers():
        chunks.append(chunk)
        total += len(chunk)
        if total >= count:
            break
    cpu = os.times()
    started = time.monotonic()
    if processes > 1:
        from django.db import connections

        connections.close_all()
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(processes) as pool:
            written = sum(pool.map(services._render_entry_chunks, [chunks[i::processes] for i in range(processes)]))
    else:
        written = services._render_entry_chunks(chunks)
    wall = time.monotonic() - started
    after = os.times()
    cpu_seconds = (after.user - cpu.user) + (after.system - cpu.system) + (after.children_user - cpu.children_user) \
        + (after.children_system - cpu.children_system)
    return written / wall, cpu_seconds / max(written, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (the issue measured 3)")
    parser.add_argument("--render", type=int, default=5000, help="entries for the render-rate measurement")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--full", action="store_true", help="render the whole tree first (publish_site)")
    parser.add_argument("--render-only", action="store_true", help="only the render-rate measurement")
    args = parser.parse_args()
    if args.render_only:
        call_command("publish_site", no_entries=True)
        print(f"load average before: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}", flush=True)
        rate, cpu_per_entry = render_rate(args.render, args.processes)
        print(f"entry pages: {args.render} rendered, {rate:.0f}/s wall with {args.processes} processes "
              f"({cpu_per_entry * 1000:.2f} ms CPU each); 1,000,000 entries: {1_000_000 / rate / 60:.0f} min wall "
              f"here, {1_000_000 * cpu_per_entry / args.processes / 60:.0f} min on {args.processes} dedicated cores; "
              f"load average after: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
        return

    call_command("collectstatic", interactive=False, verbosity=0)
    if args.full or not (Path(settings.ZWGK_SITE_DIR) / "index.html").exists():
        started = time.monotonic()
        call_command("publish_site", processes=args.processes)
        print(f"full tree: {time.monotonic() - started:.0f} s")
    else:
        call_command("publish_site", no_entries=True)

    from zwgk.catalog.models import Entry

    entry = Entry.objects.filter(status=Entry.PUBLISHED).exclude(index_number=None).order_by("-id").first()
    entry_url = entry.get_absolute_url()
    services.publish_urls([entry_url])
    var = Path(settings.VAR_DIR).resolve()
    work = Path(tempfile.mkdtemp(prefix="zwgk-bench-"))
    work.chmod(0o755)  # nginx workers started by root run as nobody
    sock = work / "gunicorn.sock"
    python_bin = Path(sys.executable).parent
    procs: list[subprocess.Popen] = []
    try:
        # make serve's front over the tree; gunicorn behind it on a unix socket.
        conf = front.write_nginx_config(var, site_dir=Path(settings.ZWGK_SITE_DIR).resolve(),
                                        static_root=Path(settings.STATIC_ROOT).resolve(), upstream=f"unix:{sock}",
                                        port=PORTS["front"], headers=front.security_headers())
        gunicorn_front = subprocess.Popen([str(python_bin / "gunicorn"), "zwgk.wsgi", "--bind", f"unix:{sock}",
                                           "--workers", str(args.workers)], stderr=subprocess.DEVNULL)
        procs.append(gunicorn_front)
        procs.append(subprocess.Popen(front.nginx_command(conf)))
        # the ceiling: nginx serving one static file (the same HTML as the home page).
        ref = work / "ref"
        (ref / "tmp").mkdir(parents=True)
        shutil.copy(Path(settings.ZWGK_SITE_DIR) / "index.html", ref / "index.html")
        (ref / "nginx.conf").write_text(
            f"worker_processes auto; pid {ref}/nginx.pid; error_log {ref}/error.log;\n"
            f"events {{ worker_connections 4096; }}\n"
            f"http {{ include /etc/nginx/mime.types; access_log off; sendfile on; keepalive_requests 100000;\n"
            f"client_body_temp_path {ref}/tmp; proxy_temp_path {ref}/tmp; fastcgi_temp_path {ref}/tmp;\n"
            f"uwsgi_temp_path {ref}/tmp; scgi_temp_path {ref}/tmp;\n"
            f"server {{ listen 127.0.0.1:{PORTS['reference']}; root {ref};\n"
            f"location / {{ try_files /index.html =404; }} }} }}\n")
        procs.append(subprocess.Popen([front.NGINX, "-p", str(ref), "-c", str(ref / "nginx.conf"), "-e",
                                       str(ref / "error.log"), "-g", "daemon off;"]))
        # Django alone: gunicorn on TCP.
        procs.append(subprocess.Popen([str(python_bin / "gunicorn"), "zwgk.wsgi", "--bind",
                                       f"127.0.0.1:{PORTS['django']}", "--workers", str(args.workers)],
                                      stderr=subprocess.DEVNULL))
        for port in PORTS.values():
            wait_port(port)
        time.sleep(2)
        f, r, d = (f"http://127.0.0.1:{PORTS[k]}" for k in ("front", "reference", "django"))
        assert status_of(f + "/")[0] == 200 and status_of(d + entry_url)[0] == 200
        rows = [
            ("home via make serve's nginx front", load(f + "/", args.seconds, args.connections)),
            ("entry via make serve's nginx front", load(f + entry_url, args.seconds, args.connections)),
            ("nginx serving one static file", load(r + "/", args.seconds, args.connections)),
            ("home from Django alone (cache miss)", load(d + "/?nocache=1", args.seconds, args.connections)),
            ("entry from Django alone", load(d + entry_url, args.seconds, args.connections)),
        ]
        reference = rows[2][1]
        print(f"\nrequests/s, {args.connections} connections, {args.seconds} s each, "
              f"{'wrk' if shutil.which('wrk') else 'python client'}, gunicorn {args.workers} workers:")
        for name, value in rows:
            print(f"  {name:40s} {value:10.0f}   {value / reference:5.2f}x of the one static file")
        gunicorn_front.terminate()
        gunicorn_front.wait(10)
        home, _ = status_of(f + "/")
        entry_status, _ = status_of(f + entry_url)
        form, body = status_of(f + "/apply/")
        print(f"\ngunicorn stopped: home {home}, entry {entry_status}, /apply/ {form} "
              f"({'maintenance page' if '系统维护中' in body else 'no maintenance page'})")
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(work, ignore_errors=True)

    runs = [incremental() for _ in range(3)]
    print(f"\nincremental re-render after one publication: {min(w for w, _ in runs):.2f} s wall best, "
          f"{min(c for _, c in runs):.2f} s CPU (entry page, section list and feed, catalog, home, sitemap)")
    rate, cpu_per_entry = render_rate(args.render, args.processes)
    print(f"entry pages: {rate:.0f}/s wall with {args.processes} processes ({cpu_per_entry * 1000:.2f} ms CPU each); "
          f"1,000,000 entries: {1_000_000 / rate / 60:.0f} min wall here, "
          f"{1_000_000 * cpu_per_entry / args.processes / 60:.0f} min on {args.processes} dedicated cores")


if __name__ == "__main__":
    main()
