"""Django alone (cache miss), today's code against the baseline, side by side in one run (issue 11;
not part of the test run).

The machine is shared, so a figure from another day says little: this bench checks the baseline
commit (by default the parent of the static-publishing merge, ``bf74acd^1``, where the issue's 910
home / 391 entry requests/s were measured) out into a temporary ``git worktree``, gives each tree
a PostgreSQL database of its own with the same data (migrations, the demo data, then
optionally ``bench/catalog_generate.py --count N`` with the same seed; the issue measured the demo
data alone), starts gunicorn (production settings,
3 workers, TCP) on each, and loads the home page (``/?nocache=1``: a query string, so never the
cached copy) and one entry page with wrk, 32 connections, alternating baseline and today for each
page and round. Both trees run on this venv (the baseline needs nothing it lacks).

    .venv/bin/python bench/django_pages.py --seconds 10 --rounds 2
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from static_serve import load, wait_port  # noqa: E402  (sets the production settings' defaults)

BASELINE = "bf74acd^1"
PORTS = {"baseline": 8494, "today": 8495}


def environment(name: str) -> dict[str, str]:
    var = ROOT / "var" / f"bench-pages-{name}"
    var.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "ZWGK_VAR_DIR": str(var), "ZWGK_PUBLISH_ON_CHANGE": "0",
           "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/zwgk_bench_pages_{name}",
           "ZWGK_SITE_URL": f"http://127.0.0.1:{PORTS[name]}", "ZWGK_FAST_HASHER": "1"}
    env.pop("REDIS_URL", None)  # the figures: local-memory cache in each worker, no Celery
    return env


def prepare(name: str, tree: Path, count: int) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS zwgk_bench_pages_{name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE zwgk_bench_pages_{name}")
    env = environment(name)
    embedded = {**env, "ZWGK_ENV": "embedded"}
    run = [sys.executable]
    subprocess.run([*run, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=tree, env=embedded, check=True)
    subprocess.run([*run, "manage.py", "load_demo"], cwd=tree, env=embedded, check=True, stdout=subprocess.DEVNULL)
    if count:
        subprocess.run([*run, "bench/catalog_generate.py", "--count", str(count)], cwd=tree, env=embedded,
                       check=True, stdout=subprocess.DEVNULL)


def entry_url(port: int) -> str:
    """An entry page linked from the home page."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/?nocache=1", timeout=120) as response:
        html = response.read().decode()
    links = re.findall(r'href="(/[^"]*/item/[^"]+)"', html) or re.findall(r'href="(/catalog/[^"?#]+/)"', html)
    if not links:
        raise SystemExit("no entry link on the home page")
    return links[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--count", type=int, default=0,
                        help="generated catalog entries added to the demo data (the issue measured the demo data)")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-prepare", action="store_true", help="keep both databases from a previous run")
    args = parser.parse_args()

    tree = Path("/tmp") / "zwgk-bench-baseline"
    if not (tree / "manage.py").exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), args.baseline], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    trees = {"baseline": tree, "today": ROOT}
    if not args.no_prepare:
        for name, path in trees.items():
            started = time.monotonic()
            prepare(name, path, args.count)
            print(f"{name}: database ready in {time.monotonic() - started:.0f} s", flush=True)
    for name, path in trees.items():  # the production settings serve hashed static names from a manifest
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=path,
                       env={**environment(name), "SECRET_KEY": "x" * 60}, check=True)
    procs = []
    try:
        for name, path in trees.items():
            env = {**environment(name), "SECRET_KEY": secrets.token_urlsafe(60)}
            procs.append(subprocess.Popen(
                [str(Path(sys.executable).parent / "gunicorn"), "zwgk.wsgi", "--bind", f"127.0.0.1:{PORTS[name]}",
                 "--workers", str(args.workers)], cwd=path, env=env, stderr=subprocess.DEVNULL))
        for port in PORTS.values():
            wait_port(port, timeout=180)
        urls = {name: {"home": f"http://127.0.0.1:{port}/?nocache=1",
                       "entry": f"http://127.0.0.1:{port}{entry_url(port)}"} for name, port in PORTS.items()}
        for name in PORTS:  # warm each worker (templates, jieba, connections)
            load(urls[name]["home"], 3, args.connections)
            load(urls[name]["entry"], 3, args.connections)
        results: dict[tuple[str, str], list[float]] = {}
        print(f"load average before: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
        for _ in range(args.rounds):
            for page in ("home", "entry"):
                for name in PORTS:
                    results.setdefault((name, page), []).append(load(urls[name][page], args.seconds, args.connections))
        print(f"load average after: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
        print(f"\nDjango alone (cache miss), requests/s, wrk {args.connections} connections, {args.seconds} s each, "
              f"gunicorn {args.workers} workers, {args.count} catalog entries, rounds alternated:")
        for page in ("home", "entry"):
            base, now = results[("baseline", page)], results[("today", page)]
            print(f"  {page:6s} baseline {' '.join(f'{v:.0f}' for v in base):>14s}   today "
                  f"{' '.join(f'{v:.0f}' for v in now):>14s}   ratio {sum(now) / sum(base):.2f}x")
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    shutil.which("wrk") or print("wrk not installed: the Python client measures instead", file=sys.stderr)
    sys.exit(main())
