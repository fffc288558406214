"""Art. 21: the legal corps exports a whole case in one step, each file with its checksum."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date

import pytest

pytestmark = pytest.mark.django_db


def test_the_legal_corps_gets_every_letter_the_events_an_index_and_checksums(signed_off, act, api_as):
    a = act(signed_off(), "reply", "traffic_handler", on=date(2026, 9, 29))
    response = api_as("legal_handler").get(f"/applications/{a.number}/case-file.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert any(n.startswith("文书/") and "答复书（一）" in n and n.endswith(".pdf") for n in names)
    assert any("转办单" in n for n in names) and "办理记录.csv" in names and "案卷目录.pdf" in names
    sums = dict(reversed(line.split("  ", 1)) for line in archive.read("SHA256SUMS").decode().splitlines())
    assert set(sums) == set(names) - {"SHA256SUMS"}
    assert all(hashlib.sha256(archive.read(name)).hexdigest() == digest for name, digest in sums.items())
    from zwgk.events.models import Event

    rows = archive.read("办理记录.csv").decode("utf-8-sig").splitlines()
    assert rows[0] == "时间,操作人,操作,原状态,新状态,说明" and len(rows) == 1 + Event.objects.for_object(a).count()


def test_a_handler_may_not_export_the_case(signed_off, act, api_as):
    a = act(signed_off(), "reply", "traffic_handler", on=date(2026, 9, 29))
    assert api_as("traffic_handler").get(f"/applications/{a.number}/case-file.zip").status_code == 403


def test_the_workbench_offers_the_export_to_the_legal_corps(signed_off, act, client, staff):
    a = act(signed_off(), "reply", "traffic_handler", on=date(2026, 9, 29))
    client.force_login(staff("legal_handler"))
    page = client.get(f"/workbench/applications/{a.number}/").content.decode()
    assert f"/workbench/applications/{a.number}/case-file.zip" in page
    download = client.get(f"/workbench/applications/{a.number}/case-file.zip")
    assert download.status_code == 200 and download.content.startswith(b"PK")
