"""``make serve``: the production set-up on one machine, in the foreground (API.md "Operations").

nginx in front serves the static tree and the static files and passes the rest to gunicorn (on a
unix socket); the Celery worker and beat run when ``REDIS_URL`` is set. With gunicorn or the
database down, nginx still serves the published portal and answers the dynamic parts with a
maintenance page. Refuses to start without the production settings. ``PORT`` (default 8000) and
``HOST`` (default 127.0.0.1) say where nginx listens; ``WORKERS`` the gunicorn workers.

Run: ``python -m zwgk.publishing.front`` (what ``make serve`` does).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DEPLOY_DIR = BASE_DIR / "deploy" / "nginx"
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
# Django's protection headers that nginx repeats on the files it serves itself.
SECURITY_HEADERS = ("Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
                    "Referrer-Policy", "Permissions-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy")


def refusal() -> str | None:
    """Why the production settings are missing, in the words an operator needs; None when set."""
    missing = []
    if os.environ.get("ZWGK_ENV") != "production":
        missing.append("ZWGK_ENV=production")
    if len(os.environ.get("SECRET_KEY", "")) < 50:
        missing.append("SECRET_KEY（至少 50 个随机字符）")
    if not os.environ.get("ALLOWED_HOSTS"):
        missing.append("ALLOWED_HOSTS（网站域名，逗号分隔）")
    if not missing:
        return None
    return ("make serve 只以生产配置运行，缺少：" + "、".join(missing) + "。\n"
            "make serve runs the production settings only; set " + ", ".join(m.split("（")[0] for m in missing)
            + " (embedded mode: make run).")


def security_headers() -> dict[str, str]:
    """The headers Django puts on a public page, so static files carry exactly the same."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.test import Client

    split = urlsplit(settings.ZWGK_SITE_URL)
    response = Client(HTTP_HOST=split.netloc).get("/", secure=split.scheme == "https")
    return {name: response[name] for name in SECURITY_HEADERS if response.has_header(name)}


def nginx_config(*, var_dir: Path, site_dir: Path, static_root: Path, upstream: str, host: str = "127.0.0.1",
                 port: int = 8000, headers: dict[str, str] | None = None, workers: str = "auto",
                 forwarded_proto: str = "$scheme", body_limit: str = "25m") -> str:
    """The nginx configuration from deploy/nginx/zwgk.conf.template."""
    lines = "\n".join(f'            add_header {name} "{value}" always;'
                      for name, value in (headers or {}).items())
    user = ""
    if os.geteuid() == 0:  # nginx started by root: workers run as the owner of the tree they serve
        import pwd

        user = f"user {pwd.getpwuid(var_dir.stat().st_uid).pw_name};"
    values = {
        "VAR": str(var_dir), "WORKERS": workers, "USER_DIRECTIVE": user, "MIME_TYPES": "/etc/nginx/mime.types",
        "BODY_LIMIT": body_limit, "BODY_LIMIT_TEXT": body_limit.upper().replace("M", "MB").replace("K", "KB"),
        "UPSTREAM": upstream, "HOST": host, "PORT": str(port),
        "SITE_DIR": str(site_dir), "DEPLOY_DIR": str(DEPLOY_DIR), "SECURITY_HEADERS": lines,
        "STATIC_ROOT": str(static_root), "FORWARDED_PROTO": forwarded_proto,
    }
    text = (DEPLOY_DIR / "zwgk.conf.template").read_text()
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    if "{{" in text:
        raise ValueError("deploy/nginx/zwgk.conf.template names a value front.py does not fill in")
    return text


def write_nginx_config(var_dir: Path, **kwargs) -> Path:
    """Write the configuration (and nginx's own directories) under var/nginx/; its path."""
    root = var_dir / "nginx"
    for sub in ("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    path = root / "nginx.conf"
    path.write_text(nginx_config(var_dir=var_dir, **kwargs))
    return path


def nginx_command(conf: Path) -> list[str]:
    """nginx in the foreground (not a daemon), its pid and error log under var/."""
    return [NGINX, "-p", str(conf.parent), "-c", str(conf), "-e", str(conf.parent / "error.log"),
            "-g", "daemon off;"]


def main() -> int:
    reason = refusal()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    if not Path(NGINX).exists():
        print(f"未找到 nginx（{NGINX}）：请安装 Debian 的 nginx-light（apt-get install nginx-light）。",
              file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    site_dir = Path(settings.ZWGK_SITE_DIR)
    # A first start renders the whole tree; later starts refresh the pages that are not entries
    # (entries follow their own changes; tamper_check repairs the rest).
    call_command("publish_site", no_entries=(site_dir / "index.html").exists(), processes=os.cpu_count() or 1)
    var_dir = Path(settings.VAR_DIR).resolve()
    socket = var_dir / "run" / "gunicorn.sock"
    socket.parent.mkdir(parents=True, exist_ok=True)
    port = int(os.environ.get("PORT", "8000"))
    conf = write_nginx_config(
        var_dir, site_dir=site_dir.resolve(), static_root=Path(settings.STATIC_ROOT).resolve(),
        upstream=f"unix:{socket}", host=os.environ.get("HOST", "127.0.0.1"), port=port, headers=security_headers(),
        forwarded_proto="$http_x_forwarded_proto" if os.environ.get("BEHIND_PROXY") == "1" else "$scheme",
        body_limit=f"{settings.ZWGK_MAX_BODY_MB}m",
    )
    bin_dir = Path(sys.executable).parent
    commands = {
        "gunicorn": [str(bin_dir / "gunicorn"), "zwgk.wsgi", "--bind", f"unix:{socket}",
                     "--workers", os.environ.get("WORKERS", "4"), "--preload", "--access-logfile", "-"],
    }
    if settings.REDIS_URL:
        # Niced below gunicorn (as Nice=19 in deploy/systemd): in a burst the cores answer the
        # citizens first, and receipts and staff alerts follow from the queue (issue 11).
        commands["celery worker"] = ["nice", "-n", "19", str(bin_dir / "celery"), "-A", "zwgk", "worker",
                                     "--loglevel", "INFO"]
        commands["celery beat"] = [str(bin_dir / "celery"), "-A", "zwgk", "beat", "--loglevel", "INFO",
                                   "--schedule", str(var_dir / "run" / "celerybeat-schedule")]
    commands["nginx"] = nginx_command(conf)
    return supervise(commands, port)


def supervise(commands: dict[str, list[str]], port: int) -> int:
    """Run every process; stop all on Ctrl-C/SIGTERM or when nginx ends. gunicorn ending leaves
    nginx serving the tree and the maintenance page (that is the point)."""
    processes = {name: subprocess.Popen(argv) for name, argv in commands.items()}
    print(f"门户网站: http://127.0.0.1:{port}/  (nginx + gunicorn{' + celery' if len(processes) > 2 else ''})",
          flush=True)
    stopping = False
    ended: set[str] = set()

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while not stopping and processes["nginx"].poll() is None:
            for name, process in processes.items():
                if name != "nginx" and name not in ended and process.poll() is not None:
                    print(f"{name} 已退出（{process.returncode}）；静态页面仍由 nginx 提供。",
                          file=sys.stderr, flush=True)
                    ended.add(name)
            time.sleep(0.5)
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    return processes["nginx"].returncode or 0


if __name__ == "__main__":
    sys.exit(main())
