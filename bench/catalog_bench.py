"""Benchmark the public catalog served by gunicorn (not part of the test run).

Measures, against a database filled by bench/catalog_generate.py:
* detail page  p50/p95 (target p95 <= 20 ms)      GET /catalog/item/<index number>/
* browse       p50/p95 (target p95 <= 30 ms)      GET /catalog/ with filters and keyset pages
* search       p50/p95 (target p95 <= 100 ms)     GET /catalog/?q= with 1-4 words
* home page    requests per second (target >= 1000) with concurrent clients

Latencies are measured one request at a time from one client; the throughput test uses many
concurrent connections from one asyncio loop. The client runs on the same machine as the server and
takes CPU from it.

Run (gunicorn is started here unless --url is given; same environment as the generator):
    export ZWGK_VAR_DIR=var/bench
    .venv/bin/python bench/catalog_bench.py --workers 4
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.settings")

QUERIES = ["公安", "户籍", "交通 安全", "电信 网络 诈骗", "禁毒", "招录 公告", "治安 打击 整治 行动", "出入境",
           "道路交通安全 通报", '"户籍窗口"', "采购 项目 招标", "网络安全", "扫黑除恶", "政务公开 工作",
           "驾驶证", "银川市 公安局", "护航高考", "消防 安全 检查", "养老 诈骗", "反恐"]


def sample_numbers(n: int) -> list[str]:
    import django

    django.setup()
    from zwgk.catalog.models import Entry

    top = Entry.objects.filter(status="published").order_by("-id").values_list("id", flat=True).first() or 0
    ids = random.sample(range(1, top + 1), min(n * 2, top))
    numbers = list(Entry.objects.filter(id__in=ids, status="published").values_list("index_number", flat=True))
    return numbers[:n]


def cursors_and_filters() -> list[str]:
    import django

    django.setup()
    from zwgk.catalog.models import Category, Section

    sections = list(Section.objects.values_list("code", flat=True))
    categories = list(Category.objects.values_list("code", flat=True))
    paths = ["/catalog/"]
    for _ in range(60):
        params = random.choice([
            {"section": random.choice(sections)}, {"category": random.choice(categories)},
            {"year": random.randint(2007, 2026)},
            {"section": random.choice(sections), "year": random.randint(2007, 2026)},
            {},
        ])
        paths.append("/catalog/?" + urlencode(params))
    return paths


class Client:
    def __init__(self, base: str) -> None:
        url = urlparse(base)
        self.host, self.port = url.hostname, url.port or 80
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def get(self, path: str) -> tuple[int, bytes, float]:
        started = time.perf_counter()
        for attempt in range(2):
            try:
                self.conn.request("GET", path, headers={"Cookie": "visitor=1", "Connection": "keep-alive"})
                response = self.conn.getresponse()
                body = response.read()
                return response.status, body, (time.perf_counter() - started) * 1000
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt:
                    raise
        raise RuntimeError("unreachable")


def percentiles(samples: list[float]) -> str:
    samples = sorted(samples)
    p = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))]  # noqa: E731
    return (f"n={len(samples)} p50={p(0.50):.1f}ms p95={p(0.95):.1f}ms max={samples[-1]:.1f}ms "
            f"mean={statistics.mean(samples):.1f}ms")


def timed(client: Client, paths: list[str], label: str) -> None:
    for path in paths[:5]:
        client.get(path)  # warm up
    samples = []
    for path in paths:
        status, _, ms = client.get(path)
        if status != 200:
            raise SystemExit(f"{label}: {path} answered {status}")
        samples.append(ms)
    print(f"{label:8s} {percentiles(samples)}", flush=True)


def browse_with_pages(client: Client, paths: list[str]) -> list[str]:
    """Filtered lists plus the keyset pages reached by following 下一页 five times."""
    import re

    out = []
    for path in paths[:20]:
        out.append(path)
        current = path
        for _ in range(5):
            _, body, _ = client.get(current)
            match = re.search(rb'href="(\?[^"]*after=[^"]*)" rel="next"', body)
            if not match:
                break
            current = "/catalog/" + match.group(1).decode().replace("&amp;", "&")
            out.append(current)
    return out + paths[20:]


def throughput(base: str, path: str, connections: int, seconds: float) -> None:
    """Requests per second for ``path`` from ``connections`` concurrent clients in one asyncio loop
    (raw HTTP/1.1, light on CPU; gunicorn's sync workers close each connection)."""
    import asyncio

    url = urlparse(base)
    host, port = url.hostname, url.port or 80
    request = (f"GET {path} HTTP/1.1\r\nHost: {host}\r\nCookie: visitor=1\r\nConnection: close\r\n\r\n").encode()
    counts = {"ok": 0, "bad": 0}

    async def client(stop: float) -> None:
        while time.monotonic() < stop:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(request)
            data = await reader.read()
            writer.close()
            counts["ok" if data.startswith(b"HTTP/1.1 200") or data.startswith(b"HTTP/1.0 200") else "bad"] += 1

    async def run() -> float:
        started = time.monotonic()
        await asyncio.gather(*(client(started + seconds) for _ in range(connections)))
        return time.monotonic() - started

    elapsed = asyncio.run(run())
    print(f"home     {counts['ok'] / elapsed:.0f} req/s with {connections} concurrent connections over "
          f"{elapsed:.1f}s ({counts['bad']} errors)", flush=True)


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "zwgk.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/catalog/")
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running server (default: start gunicorn here)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    random.seed(7)
    numbers = sample_numbers(args.samples)
    filters = cursors_and_filters()
    process = None if args.url else start_gunicorn(args.port, args.workers)
    base = args.url or f"http://127.0.0.1:{args.port}"
    try:
        client = Client(base)
        from zwgk.catalog.models import Entry

        print(f"{Entry.objects.filter(status='published').count()} published entries; server {base}", flush=True)
        timed(client, [f"/catalog/item/{n}/" for n in numbers], "detail")
        timed(client, browse_with_pages(client, filters), "browse")
        searches = [f"/catalog/?q={quote(q)}" for q in QUERIES]
        searches += [f"/catalog/?q={quote(q)}&year={random.randint(2007, 2026)}" for q in QUERIES]
        timed(client, searches * 3, "search")
        throughput(base, "/", args.connections, args.seconds)
    finally:
        if process is not None:
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
