"""make serve's front (API.md "Operations"): nginx serves the static tree and the static files and
passes the rest to gunicorn; with gunicorn stopped the published portal still answers and the
dynamic parts get the maintenance page; no start without the production settings."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from zwgk.publishing import front

NGINX = Path(front.NGINX)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_make_serve_refuses_to_start_without_the_production_settings():
    env = {k: v for k, v in os.environ.items() if k not in ("ZWGK_ENV", "SECRET_KEY", "ALLOWED_HOSTS")}
    result = subprocess.run([sys.executable, "-m", "zwgk.publishing.front"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2
    assert "make serve 只以生产配置运行" in result.stderr and "ZWGK_ENV=production" in result.stderr
    assert "SECRET_KEY" in result.stderr and "ALLOWED_HOSTS" in result.stderr


@pytest.mark.skipif(not NGINX.exists(), reason="nginx-light is not installed (CI installs it)")
def test_nginx_serves_the_tree_with_gunicorn_stopped(published, tmp_path, live):
    port = _free_port()
    var = tmp_path / "var"
    var.mkdir()
    conf = front.write_nginx_config(
        var, site_dir=published, static_root=Path(front.BASE_DIR / "zwgk/portal/static"),
        upstream=f"unix:{tmp_path / 'no-gunicorn.sock'}", port=port, workers="1",
        headers={"X-Content-Type-Options": "nosniff"},
    )
    nginx = subprocess.Popen(front.nginx_command(conf), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        status, headers, body = _get(base + "/")
        assert status == 200 and body == live("/")
        assert headers["Content-Type"] == "text/html; charset=utf-8" and headers["X-Content-Type-Options"] == "nosniff"
        status, headers, body = _get(base + "/catalog/section/news/feed/")
        assert status == 200 and headers["Content-Type"].startswith("application/atom+xml")
        assert _get(base + "/static/portal/site.css")[0] == 200
        for dynamic in ("/apply/", "/catalog/?q=%E6%88%B7%E7%B1%8D", "/workbench/"):
            status, headers, body = _get(base + dynamic)
            assert status == 502 and "系统维护中" in body.decode(), dynamic
            assert headers["Cache-Control"] == "no-store"
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
    assert (var / "nginx" / "error.log").exists()
