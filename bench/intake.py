"""Public intake benchmark (issue 11; not part of the test run): acknowledged submissions per second
and durability through a ``kill -9`` of the application server.

What runs: the real ``make serve`` front (``python -m zwgk.publishing.front``: nginx in front,
gunicorn behind it on a unix socket, the Celery worker and beat because ``REDIS_URL`` is set) with
the production settings, on a PostgreSQL database of its own (``zwgk_bench_intake``, dropped and
created anew) and Redis database 11 (flushed at the start). The demo data are loaded first
(in the embedded mode, which the production settings require for ``load_demo``).

Load: ``--clients`` (16) threads, each on its own keep-alive connection to nginx, posting valid
applications (``POST /api/v1/applications``) and mailbox messages (``POST /api/v1/messages``)
alternately, each carrying a unique marker in its text. Every 201 is recorded with its number,
query code and marker.

Phase 1 measures acknowledged (201) submissions per second. Phase 2 runs the same load, sends
SIGKILL to gunicorn's master and every worker mid-load (what a crash or the OOM killer does), starts
gunicorn again on the same socket (as an operator or systemd would), keeps the load going, then
checks that every acknowledged number is in the database with its marker and query code.

The per-address limit on public submissions (Art. 28 abuse guard, ``ZWGK_SUBMISSIONS_PER_HOUR``,
20 an hour) would stop a bench whose clients all come from 127.0.0.1 after 20 submissions: the
bench sets the documented setting ``ZWGK_SUBMISSIONS_PER_HOUR`` to 10^9 for the server it starts.
The limit's own check still runs on every request (one Redis read and increment), so its cost is
in the figure; only its threshold is lifted.

Run (PostgreSQL at 127.0.0.1:5432, Redis at 127.0.0.1:6379, nginx-light installed)::

    .venv/bin/python bench/intake.py --seconds 20 --kill-after 8
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PORT = 8491
DATABASE = "zwgk_bench_intake"
ENV = {
    "ZWGK_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "ZWGK_SITE_URL": f"http://127.0.0.1:{PORT}",
    "ZWGK_VAR_DIR": str(ROOT / "var" / "bench-intake"),
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
    "REDIS_URL": "redis://127.0.0.1:6379/11",
    "ZWGK_SUBMISSIONS_PER_HOUR": str(10**9),
    "ZWGK_CAPTCHA_AFTER": str(10**9),
    "DJANGO_SETTINGS_MODULE": "zwgk.settings",
    "PORT": str(PORT),
    "HOST": "127.0.0.1",
    "WORKERS": "3",
}
for _name, _value in ENV.items():
    os.environ.setdefault(_name, _value)
ENV = {name: os.environ[name] for name in ENV}

APPLICATION = {
    "applicant_type": "natural_person", "name": "张明", "id_type": "resident_id", "id_number": "640104198503121236",
    "phone": "13909510001", "email": "zhangming@example.cn", "delivery": "email",
}
MESSAGE = {"kind": "consultation", "name": "孙丽", "phone": "13709518888", "email": "sunli@example.org",
           "public": True}


@dataclass
class Tally:
    acknowledged: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, number, code, marker
    refused: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def refuse(self, status: int) -> None:
        with self.lock:
            self.refused[status] = self.refused.get(status, 0) + 1


def resident_id() -> str:
    from zwgk.privacy.ids import resident_id_check_char

    base = "64010419850312123"
    return base + resident_id_check_char(base)


def body_for(kind: str, marker: str) -> bytes:
    if kind == "application":
        data = {**APPLICATION, "id_number": resident_id(),
                "description": f"2025年全区道路交通事故统计年报（{marker}）"}
    else:
        data = {**MESSAGE, "title": f"咨询户籍迁移办理材料 {marker}",
                "body": f"请问户籍迁入需要准备哪些材料，在哪个窗口办理？（{marker}）"}
    return json.dumps(data, ensure_ascii=False).encode()


def client(index: int, stop_at: float, tally: Tally, stop: threading.Event) -> None:
    """One citizen after another on one keep-alive connection; reconnects after an error."""
    connection: http.client.HTTPConnection | None = None
    serial = 0
    while time.monotonic() < stop_at and not stop.is_set():
        kind = "application" if serial % 2 == 0 else "message"
        marker = f"bench-{index:02d}-{serial:06d}-{secrets.token_hex(3)}"
        serial += 1
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            connection.request("POST", f"/api/v1/{kind}s", body=body_for(kind, marker),
                               headers={"Content-Type": "application/json", "Host": "127.0.0.1"})
            response = connection.getresponse()
            payload = response.read()
            if response.status == 201:
                data = json.loads(payload)
                with tally.lock:
                    tally.acknowledged.append((kind, data["number"], data["query_code"], marker))
            else:
                tally.refuse(response.status)
                if response.status >= 500:
                    time.sleep(0.05)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException, ValueError):
            with tally.lock:
                tally.errors += 1
            if connection is not None:
                connection.close()
            connection = None
            time.sleep(0.05)
    if connection is not None:
        connection.close()


def run_load(seconds: float, clients: int, tally: Tally, during=None) -> float:
    """Drive ``clients`` threads for ``seconds``, or (with ``during``, run in this thread meanwhile)
    until ``during`` returns, at most 300 s: the load is bounded in count and time."""
    stop = threading.Event()
    stop_at = time.monotonic() + (300 if during is not None else seconds)
    threads = [threading.Thread(target=client, args=(i, stop_at, tally, stop)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    try:
        if during is not None:
            during()
    finally:
        if during is not None:
            stop.set()
        for thread in threads:
            thread.join()
    return time.monotonic() - started


def wait_port(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing listens on {port}")


def wait_dynamic(timeout: float = 60) -> None:
    """Until gunicorn answers behind nginx: an empty message is refused at once (422), while the
    maintenance page of nginx is 502/503. Nothing is stored and no limit is counted."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
            connection.request("POST", "/api/v1/messages", body=b"{}",
                               headers={"Host": "127.0.0.1", "Content-Type": "application/json"})
            if connection.getresponse().status < 500:
                return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer behind the front")


def children(pid: int) -> list[int]:
    """Direct children of ``pid`` from /proc (no psutil here)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def cmdline(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def gunicorn_pids(front_pid: int) -> list[int]:
    masters = [pid for pid in children(front_pid) if "gunicorn" in cmdline(pid)]
    return masters + [child for master in masters for child in children(master)]


def gunicorn_argv() -> list[str]:
    """The same gunicorn command as make serve's front (zwgk/publishing/front.py)."""
    socket_path = Path(ENV["ZWGK_VAR_DIR"]).resolve() / "run" / "gunicorn.sock"
    return [str(Path(sys.executable).parent / "gunicorn"), "zwgk.wsgi", "--bind", f"unix:{socket_path}",
            "--workers", os.environ.get("WORKERS", "3"), "--preload"]


def prepare_database() -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DATABASE}")
    import redis

    redis.Redis.from_url(ENV["REDIS_URL"]).flushdb()
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], check=True, env=os.environ)
    # The production settings refuse demo data; load them in the embedded mode into the same database.
    embedded = {**os.environ, "ZWGK_ENV": "embedded", "ZWGK_PUBLISH_ON_CHANGE": "0"}
    embedded.pop("REDIS_URL")
    subprocess.run([*manage, "load_demo"], check=True, env=embedded, stdout=subprocess.DEVNULL)


def verify(tally: Tally) -> tuple[int, list[str]]:
    """Every acknowledged number is stored with its marker and the hash of its query code."""
    import django

    django.setup()
    from zwgk.applications.models import Application
    from zwgk.core.query_codes import hash_query_code
    from zwgk.interaction.models import Message

    stored = {
        "application": {a.number: (a.description, a.query_code_hash)
                        for a in Application.objects.only("number", "description", "query_code_hash")},
        "message": {m.number: (m.body, m.query_code_hash)
                    for m in Message.objects.only("number", "body", "query_code_hash")},
    }
    lost = []
    for kind, number, code, marker in tally.acknowledged:
        row = stored[kind].get(number)
        if row is None or marker not in row[0] or row[1] != hash_query_code(code):
            lost.append(f"{kind} {number} ({marker})")
    return len(tally.acknowledged), lost


def cpu_by_program() -> dict[int, tuple[str, float]]:
    """CPU seconds (user + system) so far of every process, with the program it belongs to."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        line = cmdline(int(entry.name))
        program = next((name for name in ("gunicorn", "celery", "postgres", "nginx", "redis-server", "bench/intake")
                        if name in line), None)
        if program:
            found[int(entry.name)] = (program, (int(fields[11]) + int(fields[12])) / tick)
    return found


def cpu_per_submission(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]],
                       acknowledged: int) -> str:
    """Milliseconds of CPU per acknowledged submission, by program: where the cores went."""
    spent: dict[str, float] = {}
    for pid, (program, seconds) in after.items():
        spent[program] = spent.get(program, 0.0) + seconds - (before.get(pid, (program, 0.0))[1])
    total = sum(spent.values())
    parts = ", ".join(f"{name} {1000 * value / acknowledged:.1f}" for name, value in
                      sorted(spent.items(), key=lambda item: -item[1]))
    return f"CPU ms per acknowledged submission: {1000 * total / acknowledged:.1f} ({parts})"


class WaitSampler(threading.Thread):
    """What the database's sessions are doing, sampled every 0.1 s during phase 1: on the CPU,
    waiting for a row lock, for the WAL's fsync, for their gunicorn worker inside an open
    transaction, or idle. Where the intake waits when the cores are not the limit."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples = 0
        self.states: dict[str, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        import psycopg

        sql = ("SELECT coalesce(wait_event_type || ':' || wait_event, 'cpu'), state FROM pg_stat_activity "
               "WHERE datname = %s AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            while not self.done.wait(0.1):
                self.samples += 1
                for wait, state in conn.execute(sql, [DATABASE]).fetchall():
                    key = "idle" if state == "idle" else ("in transaction, waiting for gunicorn"
                                                          if state == "idle in transaction" else wait)
                    self.states[key] = self.states.get(key, 0) + 1

    def report(self) -> str:
        parts = ", ".join(f"{name} {count / max(1, self.samples):.2f}" for name, count in
                          sorted(self.states.items(), key=lambda item: -item[1]) if name != "idle")
        return f"database sessions per sample ({self.samples} samples, idle ones left out): {parts}"


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20, help="length of phase 1")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--kill-after", type=float, default=8, help="seconds into phase 2 of the SIGKILL")
    parser.add_argument("--down", type=float, default=2, help="seconds gunicorn stays dead")
    parser.add_argument("--tail", type=float, default=5, help="seconds of load after the restart answers")
    parser.add_argument("--no-prepare", action="store_true", help="keep the database and demo data")
    parser.add_argument("--no-crash", action="store_true", help="phase 1 only (no kill -9)")
    args = parser.parse_args()

    Path(ENV["ZWGK_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    if not args.no_prepare:
        prepare_database()
    log = open(Path(ENV["ZWGK_VAR_DIR"]) / "front.log", "w")
    front = subprocess.Popen([sys.executable, "-m", "zwgk.publishing.front"], cwd=ROOT, env=os.environ,
                             stdout=log, stderr=subprocess.STDOUT)
    restarted: subprocess.Popen | None = None
    try:
        wait_port(PORT, timeout=600)
        wait_dynamic(timeout=600)
        warm = Tally()
        run_load(5, args.clients, warm)

        print(f"load average before: {load_average()}")
        first = Tally()
        cpu_before = cpu_by_program()
        sampler = WaitSampler()
        sampler.start()
        wall = run_load(args.seconds, args.clients, first)
        sampler.done.set()
        cpu_after = cpu_by_program()
        rate = len(first.acknowledged) / wall
        print(f"phase 1: {len(first.acknowledged)} acknowledged in {wall:.1f} s = {rate:.0f}/s "
              f"with {args.clients} clients (refused {first.refused or 'none'}, connection errors {first.errors}); "
              f"load average {load_average()}")
        print(cpu_per_submission(cpu_before, cpu_after, max(1, len(first.acknowledged))))
        sampler.join(5)
        print(sampler.report())
        if args.no_crash:
            count, lost = verify(Tally(acknowledged=first.acknowledged + warm.acknowledged))
            print(f"durability: {count} acknowledged, {len(lost)} missing or altered in the database")
            return 1 if lost else 0

        second = Tally()
        killed: list[int] = []

        def crash() -> None:
            nonlocal restarted
            time.sleep(args.kill_after)
            pids = gunicorn_pids(front.pid)
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                except ProcessLookupError:
                    pass
            at_kill = len(second.acknowledged)
            time.sleep(args.down)
            restarted = subprocess.Popen(gunicorn_argv(), cwd=ROOT, env=os.environ, stdout=log,
                                         stderr=subprocess.STDOUT)
            started = time.monotonic()
            wait_dynamic(timeout=180)
            ready = time.monotonic() - started
            at_ready = len(second.acknowledged)
            time.sleep(args.tail)
            print(f"phase 2: SIGKILL to gunicorn master and {len(killed) - 1} workers at {args.kill_after:.0f} s "
                  f"({at_kill} acknowledged by then); gunicorn started again after {args.down:.0f} s, answering "
                  f"{ready:.1f} s later; {len(second.acknowledged) - at_ready} acknowledged in the {args.tail:.0f} s "
                  f"after that")

        wall = run_load(args.seconds, args.clients, second, during=crash)
        if len(killed) < 2:
            print("phase 2: gunicorn was not found to kill", file=sys.stderr)
            return 1
        tally = Tally(acknowledged=first.acknowledged + second.acknowledged + warm.acknowledged)
        count, lost = verify(tally)
        print(f"phase 2: {len(second.acknowledged)} acknowledged in {wall:.1f} s, answers without a receipt "
              f"{second.refused or 'none'}, connection errors {second.errors}")
        print(f"durability: {count} acknowledged submissions over both phases, {len(lost)} missing or altered "
              f"in the database" + (": " + ", ".join(lost[:10]) if lost else ""))
        return 1 if lost else 0
    finally:
        for proc in (restarted, front):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in (restarted, front):
            if proc is not None:
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        log.close()


if __name__ == "__main__":
    sys.exit(main())
