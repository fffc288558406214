"""The whole case for reconsideration or litigation in one step (Art. 21): the legal corps answers
a 行政复议 or 行政诉讼 with the record of how the application was handled.

A ZIP holding every letter as sent (PDF and DOCX), the scans of the application, the applicant's
supplement files, the files disclosed with the reply (答复附件), the events with
their times and actors (CSV), an index PDF listing every file, and ``SHA256SUMS`` with each file's
checksum, so that the court or the reconsideration body can verify that nothing was changed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile

from django.utils import timezone

from zwgk.applications import letters
from zwgk.applications.models import Application
from zwgk.core import documents
from zwgk.core.exports import safe_cell
from zwgk.core.models import current_site
from zwgk.events.models import Event
from zwgk.events.services import event_label


def _events_csv(application: Application) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["时间", "操作人", "操作", "原状态", "新状态", "说明"])
    for event in Event.objects.for_object(application):
        writer.writerow([safe_cell(value) for value in (
            timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M:%S"), event.actor_label, event_label(event),
            event.from_state, event.to_state, event.note)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV as Chinese


def files_of(application: Application) -> list[tuple[str, bytes]]:
    """(name in the ZIP, content) of every file of the case, letters first in the order issued."""
    files: list[tuple[str, bytes]] = []
    for number, letter in enumerate(application.letters.select_related("template"), 1):
        stem = f"文书/{number:02d}-{letter.name}"
        files.append((f"{stem}.pdf", letters.render_pdf(letter)))
        files.append((f"{stem}.docx", letters.render_docx(letter)))
    for number, scan in enumerate(application.scans.all(), 1):
        with scan.file.open("rb") as handle:
            files.append((f"申请材料/{number:02d}-{scan.name}", handle.read()))
    supplement_files = [f for x in application.supplements.prefetch_related("files") for f in x.files.all()]
    for number, row in enumerate(supplement_files, 1):
        with row.file.open("rb") as handle:
            files.append((f"补正材料/{number:02d}-{row.name}", handle.read()))
    for number, attachment in enumerate(application.reply_attachments.filter(letter__isnull=False), 1):
        with attachment.file.open("rb") as handle:
            files.append((f"答复附件/{number:02d}-{attachment.name}", handle.read()))
    files.append(("办理记录.csv", _events_csv(application)))
    return files


def build(application: Application) -> bytes:
    """The case file as a ZIP: the files, their index PDF and their checksums."""
    files = files_of(application)
    sums = [(hashlib.sha256(content).hexdigest(), name) for name, content in files]
    site = current_site()
    index = documents.OfficialDocument(
        issuer=site.department_name,
        title=f"政府信息公开申请{application.number}案卷目录",
        paragraphs=[f"　　申请人：{application.organization or application.name}；收到日期：{application.received_on}；"
                    f"状态：{application.get_status_display()}；导出时间："
                    f"{timezone.localtime():%Y-%m-%d %H:%M}。每个文件的SHA-256校验值见下表及SHA256SUMS。"],
        table=[(name, digest) for digest, name in sums],
        signature=site.department_name,
        date=f"{timezone.localdate():%Y年%m月%d日}".replace("年0", "年").replace("月0", "月"),
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            archive.writestr(name, content)
        index_pdf = documents.render_pdf(index)
        archive.writestr("案卷目录.pdf", index_pdf)
        lines = [*sums, (hashlib.sha256(index_pdf).hexdigest(), "案卷目录.pdf")]
        archive.writestr("SHA256SUMS", "".join(f"{digest}  {name}\n" for digest, name in lines))
    return out.getvalue()
