"""Reminders on the statutory clock (Art. 15): e-mail the people who owe a step on cases due within
three working days or overdue, end third-party consultations that ran out (Art. 18), and close as
abandoned (视为放弃) the cases whose supplement deadline passed without a supplement (Art. 15 ¶2)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from zwgk.applications.models import Application, ThirdPartyConsultation
from zwgk.applications.rules import is_office
from zwgk.applications.selectors import owes, soon_limit
from zwgk.applications.services import do_close_unsupplemented, do_expire_consultation
from zwgk.org.models import Staff


def run(today: date | None = None) -> dict[str, int]:
    """Close unsupplemented cases, expire lapsed consultations, then send one e-mail per person
    listing their cases."""
    today = today or timezone.localdate()
    abandoned = sum(
        do_close_unsupplemented(a, today)
        for a in Application.objects.filter(status=Application.AWAITING_SUPPLEMENT, supplement_due_on__lt=today)
    )
    expired = sum(
        do_expire_consultation(c, today)
        for c in ThirdPartyConsultation.objects.filter(ended_on__isnull=True, due_on__lt=today)
    )
    limit = soon_limit(today)
    paused = ThirdPartyConsultation.objects.filter(ended_on__isnull=True).values("application_id")
    cases = list(
        Application.objects.filter(status__in=Application.OPEN, due_on__lte=limit).exclude(pk__in=paused)
        .select_related("lead_department").order_by("due_on")
    )
    lines: dict[int, list[str]] = defaultdict(list)
    people = list(Staff.objects.filter(is_active=True).exclude(email="").prefetch_related("roles"))
    for application in cases:
        state = "已超期" if application.due_on < today else "即将到期"
        url = reverse("applications_wb:case", args=[application.number])
        line = (f"{application.number} {state}，答复期限 {application.due_on}，"
                f"当前：{application.get_status_display()}　{url}")
        for person in people:
            office = is_office(person)
            if owes(person, application) or (office and application.due_on < today):
                lines[person.pk].append(line)
    sent = 0
    for person in people:
        if lines.get(person.pk):
            send_mail(
                f"依申请公开期限提醒：{len(lines[person.pk])}件",
                "以下政府信息公开申请即将到期或已超期，请及时办理：\n\n" + "\n".join(lines[person.pk]),
                None, [person.email], fail_silently=True,
            )
            sent += 1
    return {"abandoned": abandoned, "expired": expired, "cases": len(cases), "mails": sent}
