"""Reads of the assessment (Art. 42): each indicator per department and period, counted from the
cases and their events (never typed in), the score from the weights kept as data, and the live
vetoes of the State Council's website checks (国办秘函〔2019〕19号).

Every number is the length of a list of cases (``CaseRef``): the API's ``value`` and the list the
``cases`` link opens are the same list, so every point of a score can be traced to its case.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from zwgk.applications.models import Application, Contest, ThirdPartyConsultation
from zwgk.assessment.models import AlarmCode, AlarmRule, AnnualReport, IndicatorCode, IndicatorWeight, ProbeResult
from zwgk.catalog.models import Entry, ReviewRecord, Section
from zwgk.events.models import Event
from zwgk.interaction.models import Message, MessageRating
from zwgk.org.models import OFFICE, Department

I = IndicatorCode  # noqa: E741
PERIODS = ["year", *[f"q{n}" for n in range(1, 5)], *[f"m{n}" for n in range(1, 13)]]
PERIOD_LABELS = {"year": "全年", **{f"q{n}": f"第{n}季度" for n in range(1, 5)},
                 **{f"m{n}": f"{n}月" for n in range(1, 13)}}
FULL_SCORE = Decimal(100)
# Indicators whose value is a share of their cases (the rest are counts).
SHARES = (I.MESSAGES_SATISFACTION,)


def period_range(year: int, period: str) -> tuple[date, date]:
    """The first and last day of ``period`` (year, q1..q4, m1..m12) of ``year``."""
    if period == "year":
        return date(year, 1, 1), date(year, 12, 31)
    first, last = (3 * int(period[1:]) - 2, 3 * int(period[1:])) if period[0] == "q" else (int(period[1:]),) * 2
    following = date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)
    return date(year, first, 1), following - timedelta(days=1)


@dataclass(frozen=True)
class CaseRef:
    """One case behind an indicator: what it is, where to open it, and why it counts."""

    kind: str
    reference: str
    title: str
    url: str
    on: date | None
    note: str = ""
    negative: bool = False  # of a share indicator: this case counts against the department


@dataclass
class Assessment:
    """The indicators of every department for one period: ``cases[indicator][department code]``."""

    year: int
    period: str
    start: date
    end: date
    cutoff: date
    departments: list[Department]
    cases: dict[str, dict[str, list[CaseRef]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    weights: dict[str, Decimal] = field(default_factory=dict)

    def count(self, indicator: str, department: str) -> int:
        return len(self.cases[indicator][department])

    def scored(self, indicator: str, department: str) -> int:
        """The cases that take points off: all of a count indicator, the negative ones of a share."""
        refs = self.cases[indicator][department]
        return sum(r.negative for r in refs) if indicator in SHARES else len(refs)

    def value(self, indicator: str, department: str) -> int | float | None:
        """What the API shows: the count of cases, or for a share indicator the share of the
        cases that are not negative (None when there were none)."""
        if indicator not in SHARES:
            return self.count(indicator, department)
        refs = self.cases[indicator][department]
        return round(sum(not r.negative for r in refs) / len(refs), 4) if refs else None

    def score(self, department: str) -> Decimal:
        """100 less the weighted count of the department's cases on the negative list, not below 0."""
        lost = sum((self.weights.get(ind, Decimal(0)) * self.scored(ind, department) for ind in I.values),
                   Decimal(0))
        return max(FULL_SCORE - lost, Decimal(0))

    def on_time_rate(self, department: str, good: str, *bad: str) -> float | None:
        """Share of the department's cases done on time, or None when it had none."""
        done = self.count(good, department)
        total = done + sum(self.count(b, department) for b in bad)
        return done / total if total else None


def _office(department_id: int | None, office_id: int | None) -> int | None:
    """A case no department was given stays with the office that received it (Art. 6)."""
    return department_id if department_id is not None else office_id


def assess(year: int, period: str = "year", *, today: date | None = None) -> Assessment:
    """All indicators of ``period`` of ``year``. States at the period's end are read as of the
    earlier of that day and today (a case still open today but answered later is not yet late)."""
    today = today or timezone.localdate()
    start, end = period_range(year, period)
    cutoff = min(end, today)
    departments = list(Department.objects.filter(active=True))
    result = Assessment(year, period, start, end, cutoff, departments)
    result.weights = {w.indicator: w.points for w in IndicatorWeight.objects.all()}
    codes = {d.pk: d.code for d in Department.objects.all()}
    office_id = next((pk for pk, code in codes.items() if code == OFFICE), None)

    def add(indicator: str, department_id: int | None, ref: CaseRef) -> None:
        code = codes.get(_office(department_id, office_id))
        if code is not None:
            result.cases[indicator][code].append(ref)

    if start <= cutoff:
        _applications(add, start, cutoff)
        _messages(add, start, cutoff)
        _ratings(add, start, cutoff)
        _entries(add, start, cutoff)
        _contests(add, start, cutoff)
    _sections(add, cutoff)
    _broken_links(add, cutoff)
    return result


def _application_ref(application: Application, note: str, on: date | None) -> CaseRef:
    return CaseRef("依申请公开", application.number, application.description[:60],
                   reverse("applications_wb:case", args=[application.number]), on, note)


def _applications(add, start: date, cutoff: date) -> None:
    """Art. 15: answered within the limit (the stored deadline, extension and pauses included), late,
    or still open on the cutoff day with its deadline passed."""
    answered = Application.objects.filter(status=Application.ANSWERED, closed_on__range=(start, cutoff))
    for a in answered.only("number", "description", "lead_department", "due_on", "closed_on"):
        if a.due_on is not None and a.closed_on > a.due_on:
            add(I.APPLICATIONS_LATE, a.lead_department_id,
                _application_ref(a, f"期限 {a.due_on}，{a.closed_on} 答复", a.closed_on))
        else:
            add(I.APPLICATIONS_ON_TIME, a.lead_department_id, _application_ref(a, f"{a.closed_on} 答复", a.closed_on))
    paused = ThirdPartyConsultation.objects.filter(started_on__lte=cutoff).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=cutoff)).values("application_id")  # the clock stood still
    overdue = Application.objects.filter(received_on__lte=cutoff, due_on__lt=cutoff).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gt=cutoff)).exclude(status=Application.WITHDRAWN).exclude(
        pk__in=paused)
    for a in overdue.only("number", "description", "lead_department", "due_on"):
        add(I.APPLICATIONS_OVERDUE, a.lead_department_id, _application_ref(a, f"期限 {a.due_on}，尚未办结", a.due_on))


def _messages(add, start: date, cutoff: date) -> None:
    """Art. 31: a reply by the deadline; a late reply (or none by the cutoff with the deadline passed)
    counts as explained when the department explained the delay to the citizen before the cutoff."""
    late: list[tuple[Message, str, date | None]] = []
    for m in Message.objects.filter(replied_at__date__range=(start, cutoff)).only(
        "number", "title", "department", "due_on", "replied_at"
    ):
        replied = timezone.localtime(m.replied_at).date()
        if m.due_on is not None and replied > m.due_on:
            late.append((m, f"期限 {m.due_on}，{replied} 答复", replied))
        else:
            add(I.MESSAGES_ON_TIME, m.department_id, _message_ref(m, f"{replied} 答复", replied))
    unanswered = Message.objects.filter(received_on__lte=cutoff, due_on__lt=cutoff).filter(
        Q(replied_at__isnull=True) | Q(replied_at__date__gt=cutoff)).exclude(
        status=Message.CLOSED, replied_at__isnull=True)
    late += [(m, f"期限 {m.due_on}，尚未答复", m.due_on) for m in unanswered]
    explained = _explained([m.pk for m, _, _ in late], cutoff)
    for m, note, on in late:
        indicator = I.MESSAGES_LATE_EXPLAINED if m.pk in explained else I.MESSAGES_LATE_UNEXPLAINED
        add(indicator, m.department_id, _message_ref(m, note + ("，已解释说明" if m.pk in explained else ""), on))


def _ratings(add, start: date, cutoff: date) -> None:
    """Art. 42: the senders' ratings of the messages answered in the period (rated by the cutoff):
    the share of 满意 and 基本满意; each 不满意 counts against the department (weight as data)."""
    rated = MessageRating.objects.filter(message__replied_at__date__range=(start, cutoff),
                                         rated_at__date__lte=cutoff).select_related("message")
    for rating in rated:
        m = rating.message
        note = rating.get_satisfaction_display() + (f"：{rating.comment[:60]}" if rating.comment else "")
        on = timezone.localtime(rating.rated_at).date()
        add(I.MESSAGES_SATISFACTION, m.department_id, replace(_message_ref(m, note, on), negative=not rating.satisfied))


def _explained(message_ids: list[int], cutoff: date) -> set[int]:
    events = Event.objects.filter(content_type=ContentType.objects.get_for_model(Message), action="explain_delay",
                                  object_id__in=[str(pk) for pk in message_ids], at__date__lte=cutoff)
    return {int(pk) for pk in events.values_list("object_id", flat=True)}


def _message_ref(message: Message, note: str, on: date | None) -> CaseRef:
    return CaseRef("网民信息", message.number, message.title[:60],
                   reverse("interaction_wb:detail", args=[message.number]), on, note)


def _entry_ref(entry: Entry, note: str, on: date | None) -> CaseRef:
    return CaseRef("主动公开", entry.index_number or f"#{entry.pk}", entry.title[:60],
                   reverse("catalog_wb:detail", args=[entry.pk]), on, note)


def _entries(add, start: date, cutoff: date) -> None:
    """Art. 26: published within the publication limit after approval (the deadline set at approval),
    and Art. 4 / annex 2: every entry published in the period has its review in the ledger, and the
    secrecy office's decision where it was referred."""
    published = Entry.objects.filter(status=Entry.PUBLISHED, imported=False, published_on__range=(start, cutoff))
    for e in published.only("pk", "index_number", "title", "department", "due_on", "published_on"):
        if e.due_on is not None and e.published_on > e.due_on:
            add(I.ENTRIES_LATE, e.department_id, _entry_ref(e, f"发布时限 {e.due_on}，{e.published_on} 发布",
                                                             e.published_on))
        else:
            add(I.ENTRIES_ON_TIME, e.department_id, _entry_ref(e, f"{e.published_on} 发布", e.published_on))
    waiting = Entry.objects.filter(status=Entry.APPROVED, due_on__lt=cutoff)
    for e in waiting.only("pk", "index_number", "title", "department", "due_on"):
        add(I.ENTRIES_LATE, e.department_id, _entry_ref(e, f"发布时限 {e.due_on}，尚未发布", e.due_on))
    ledger: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for entry_id, stage, decision in ReviewRecord.objects.filter(entry__in=published).values_list(
        "entry_id", "stage", "decision"
    ):
        ledger[entry_id].add((stage, decision))
    for e in published.only("pk", "index_number", "title", "department", "published_on"):
        rows = ledger[e.pk]
        approved = {(ReviewRecord.CONTENT, ReviewRecord.APPROVE), (ReviewRecord.SECRECY, ReviewRecord.APPROVE)} & rows
        referred = (ReviewRecord.CONTENT, ReviewRecord.REFER_SECRECY) in rows
        if not approved:
            add(I.LEDGER_INCOMPLETE, e.department_id, _entry_ref(e, "台账中没有同意公开的审核记录", e.published_on))
        elif referred and (ReviewRecord.SECRECY, ReviewRecord.APPROVE) not in rows:
            add(I.LEDGER_INCOMPLETE, e.department_id, _entry_ref(e, "已提交厅保密办审查，台账中没有审查结论",
                                                                  e.published_on))


def _contests(add, start: date, cutoff: date) -> None:
    """Art. 21, 43 (三): a reconsideration or litigation whose result corrected the answer is lost."""
    lost = Contest.objects.filter(result="corrected", decided_on__range=(start, cutoff)).select_related("application")
    for c in lost:
        add(I.CONTESTS_LOST, c.application.lead_department_id,
            _application_ref(c.application, f"{c.get_kind_display()}：{c.get_result_display()}（{c.decided_on}）",
                             c.decided_on))


@dataclass(frozen=True)
class SectionAge:
    section: Section
    newest: date | None  # the newest published entry on the day asked about; None: empty


def section_ages(on: date) -> list[SectionAge]:
    """Every first-level section that shows entries (not a link to another page) with the date of
    its newest entry published by ``on``: one grouped query however large the catalog."""
    newest = dict(Entry.objects.filter(status=Entry.PUBLISHED, published_on__lte=on).values_list("section_id")
                  .annotate(newest=Max("published_on")).values_list("section_id", "newest"))
    return [SectionAge(s, newest.get(s.pk)) for s in Section.objects.filter(link="").select_related("department")]


def _rules() -> dict[str, AlarmRule]:
    return {rule.code: rule for rule in AlarmRule.objects.all()}


def _section_limit(section: Section, rules: dict[str, AlarmRule]) -> int | None:
    """The days a section may stay silent: its own rule where one watches it, else the general one."""
    for code in (AlarmCode.NEWS_SECTIONS, AlarmCode.NOTICE_SECTIONS):
        rule = rules.get(code)
        if rule and rule.days and section.code in rule.sections:
            return rule.days
    general = rules.get(AlarmCode.STALE_SECTIONS)
    return general.days if general else None


def _sections(add, cutoff: date) -> None:
    rules = _rules()
    for age in section_ages(cutoff):
        s = age.section
        url = s.get_absolute_url()
        if age.newest is None:
            add(I.SECTIONS_EMPTY, s.department_id, CaseRef("栏目", s.code, s.name, url, None, "没有已发布的信息"))
            continue
        limit = _section_limit(s, rules)
        if limit is not None and (cutoff - age.newest).days > limit:
            add(I.SECTIONS_STALE, s.department_id, CaseRef(
                "栏目", s.code, s.name, url, age.newest, f"最新信息 {age.newest}，超过{limit}天未更新"))


def _broken_links(add, cutoff: date) -> None:
    """Art. 39, 40 (链接可用): the broken links of the link checker's latest run, each with the
    department whose entry or section holds it (the portal's furniture: the office). The checker
    keeps only its latest findings, so they count for a period that has reached the check's day."""
    from zwgk.publishing.models import BrokenLink

    links = BrokenLink.objects.select_related("entry", "section").order_by("department_id", "page", "url")
    for link in links:
        checked = timezone.localtime(link.checked_at).date()
        if checked > cutoff:
            continue
        where = link.entry.title[:60] if link.entry else link.page
        url = reverse("catalog_wb:detail", args=[link.entry_id]) if link.entry_id else link.page
        section = f"（栏目：{link.section.name}）" if link.section else ""
        add(I.BROKEN_LINKS, link.department_id,
            CaseRef("失效链接", link.url, where, url, checked, f"{link.problem}{section}"))


# --- vetoes -------------------------------------------------------------------------------------------

VETO, WARNING = "veto", "warning"
LEVEL_LABELS = {VETO: "单项否决", WARNING: "预警"}


@dataclass(frozen=True)
class Alarm:
    """One veto (or a warning from half its threshold): what, where, since when, how long until it
    becomes a veto (0 once it is one)."""

    item: str
    level: str
    since: date | None
    detail: str
    days_to_veto: int | None
    section: str | None = None
    section_name: str = ""

    @property
    def item_label(self) -> str:
        return AlarmCode(self.item).label

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level]

    def as_dict(self) -> dict:
        return {"item": self.item, "section": self.section, "since": self.since, "detail": self.detail,
                "level": self.level, "days_to_veto": self.days_to_veto}


def _by_age(item: str, since: date, days: int, on: date, detail: str, section: Section | None = None) -> Alarm | None:
    """An alarm for something waiting since ``since``: a veto past ``days``, a warning from half."""
    age = (on - since).days
    if age <= days / 2:
        return None
    left = max(days - age, 0)
    level = VETO if age > days else WARNING
    return Alarm(item, level, since, detail.format(age=age, days=days), left,
                 section.code if section else None, section.name if section else "")


def vetoes(on: date | None = None) -> list[Alarm]:
    """The live alarms on ``on`` (today): vetoes first, then warnings, each with its section."""
    on = on or timezone.localdate()
    rules = _rules()
    ages = section_ages(on)
    alarms: list[Alarm | None] = []
    home = rules.get(AlarmCode.HOME_PAGE)
    newest_anywhere = max((a.newest for a in ages if a.newest), default=None)
    if home and home.days and newest_anywhere:
        alarms.append(_by_age(AlarmCode.HOME_PAGE, newest_anywhere, home.days, on,
                              "门户网站首页已{age}天没有新信息（阈值{days}天）"))
    for code in (AlarmCode.NEWS_SECTIONS, AlarmCode.NOTICE_SECTIONS):
        rule = rules.get(code)
        if not rule or not rule.days:
            continue
        for age in ages:
            if age.section.code in rule.sections and age.newest:
                alarms.append(_by_age(code, age.newest, rule.days, on,
                                      f"“{age.section.name}”已{{age}}天未更新（阈值{{days}}天，"
                                      f"维护部门：{age.section.department.name}）", age.section))
    alarms += _section_counts(rules, ages, on)
    message_rule = rules.get(AlarmCode.UNANSWERED_MESSAGE)
    if message_rule and message_rule.days:
        waiting = Message.objects.filter(status__in=Message.OPEN, received_on__lt=on - timedelta(
            days=math.floor(message_rule.days / 2))).order_by("received_on").only("number", "received_on")
        for m in waiting:
            alarms.append(_by_age(AlarmCode.UNANSWERED_MESSAGE, m.received_on, message_rule.days, on,
                                  f"网民信息 {m.number} 已{{age}}天未答复（阈值{{days}}天）"))
    alarms += [_portal(rules.get(AlarmCode.PORTAL_UNREACHABLE), on), _annual_report(rules.get(AlarmCode.ANNUAL_REPORT),
                                                                                     on)]
    found = [a for a in alarms if a is not None]
    return sorted(found, key=lambda a: (a.level != VETO, a.days_to_veto or 0, a.item))


def _section_counts(rules: dict[str, AlarmRule], ages: list[SectionAge], on: date) -> list[Alarm]:
    """5 or more first-level sections stale, or 5 or more empty: a veto; half as many: a warning."""
    found = []
    stale_rule, empty_rule = rules.get(AlarmCode.STALE_SECTIONS), rules.get(AlarmCode.EMPTY_SECTIONS)
    if stale_rule and stale_rule.count:
        stale = sorted((a for a in ages if a.newest and (limit := _section_limit(a.section, rules))
                        and (on - a.newest).days > limit), key=lambda a: a.newest)
        found.append(_count_alarm(AlarmCode.STALE_SECTIONS, stale, stale_rule.count, "长期未更新"))
    if empty_rule and empty_rule.count:
        empty = [a for a in ages if a.newest is None]
        found.append(_count_alarm(AlarmCode.EMPTY_SECTIONS, empty, empty_rule.count, "空白"))
    return [a for a in found if a is not None]


def _portal(rule: AlarmRule | None, on: date) -> Alarm | None:
    """The portal unreachable: ``count`` per cent of the probes of the last ``days`` days failed."""
    if rule is None or not rule.days or not rule.count:
        return None
    window = ProbeResult.objects.filter(at__date__gt=on - timedelta(days=rule.days), at__date__lte=on)
    total = window.count()
    failed = window.filter(ok=False)
    failures = failed.count()
    if not total or failures * 100 < total * rule.count / 2:
        return None
    first = failed.order_by("at").values_list("at", flat=True).first()
    level = VETO if failures * 100 >= total * rule.count else WARNING
    return Alarm(AlarmCode.PORTAL_UNREACHABLE, level, timezone.localtime(first).date() if first else None,
                 f"近{rule.days}天监测{total}次，失败{failures}次（{failures / total:.1%}，阈值{rule.count}%）", None)


def _annual_report(rule: AlarmRule | None, on: date) -> Alarm | None:
    """条例 Art. 49: last year's annual report is published by 31 January; an alarm from 1 January."""
    if rule is None or not rule.days:
        return None
    year = on.year - 1
    if AnnualReport.objects.filter(year=year, status=AnnualReport.PUBLISHED).exists():
        return None
    due = date(on.year, 1, 1) + timedelta(days=rule.days - 1)
    left = (due - on).days
    return Alarm(AlarmCode.ANNUAL_REPORT, VETO if left < 0 else WARNING, date(on.year, 1, 1),
                 f"{year}年政府信息公开工作年度报告尚未发布（应于{due:%m月%d日}前发布）", max(left, 0))


def _count_alarm(item: str, ages: list[SectionAge], threshold: int, what: str) -> Alarm | None:
    if len(ages) < math.ceil(threshold / 2):
        return None
    names = "、".join(a.section.name for a in ages)
    level = VETO if len(ages) >= threshold else WARNING
    return Alarm(item, level, None, f"{len(ages)}个栏目{what}（阈值{threshold}个）：{names}", None)
