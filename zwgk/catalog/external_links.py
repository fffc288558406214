"""Links to sites outside party and government domains, and the sources of central documents
(Art. 39, 40).

Art. 40: 需要链接非党政机关网站的，须经网安与科信部门会商后报分管厅领导批准. An entry's links (its
public body's anchors and any address written in its text or its public attachments' text, and
its repost link) are read at submission: every host that is neither the portal's own, nor under a
party or government domain (``TrustedDomain``, data), nor an authorised source, nor already in
the register of approved external links (``ExternalLink``) is entered in the register as a
request. Publishing is refused, naming the links, until each of them is approved: first the
network security corps or the technology bureau (网安总队、科信局) record their joint opinion, then
the supervising leader (分管厅领导) approves. Each step is an action of ``ACTIONS`` on the row
re-read under ``select_for_update``, and writes an event.

Art. 39: central documents (中央文件、国务院文件) are reposted only from 人民日报, 新华社 and the other
central news units, the State Council's site, or the issuing body's own site
(``AuthorisedSource``, data); ``central_source_problem`` says why a repost is refused.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from zwgk.catalog.models import AuthorisedSource, Entry, ExternalLink, ExternalLinkEvent, LinkStatus, TrustedDomain
from zwgk.core.actions import ActionRegistry
from zwgk.core.errors import Conflict, InvalidInput
from zwgk.core.transitions import TransitionTable
from zwgk.core.validation import StrictSchema
from zwgk.events.services import record
from zwgk.org.permissions import require

L = LinkStatus
TABLE = TransitionTable.build(
    [
        ("consult_link", [L.REQUESTED], L.CONSULTED),
        ("approve_link", [L.CONSULTED], L.APPROVED),
        ("refuse_link", [L.REQUESTED, L.CONSULTED], L.REFUSED),
    ],
    state_labels=dict(LinkStatus.choices),
    action_labels={"consult_link": "网安、科信部门会商同意", "approve_link": "分管厅领导批准",
                   "refuse_link": "不予批准"},
)
ACTIONS = ActionRegistry(TABLE)
RIGHTS = {"consult_link": "catalog.consult_link", "approve_link": "catalog.approve_link"}


def right(action: str, link: ExternalLink) -> str:
    """The rule an action needs; refusing belongs to whoever holds the current step."""
    if action == "refuse_link":
        return RIGHTS["consult_link" if link.status == LinkStatus.REQUESTED else "approve_link"]
    return RIGHTS[action]

URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'（）()，。；、]+", re.IGNORECASE)


# -- detection (pure) ---------------------------------------------------------------------------------


def host_of(url: str) -> str:
    try:
        return (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def under(host: str, domain: str) -> bool:
    """``host`` is ``domain`` or one of its subdomains (``www.mps.gov.cn`` is under ``gov.cn``)."""
    domain = domain.lower().strip().lstrip(".").rstrip(".")
    return bool(domain) and (host == domain or host.endswith("." + domain))


def urls_in(html: str, texts: list[str]) -> list[str]:
    """The absolute http(s) addresses of an HTML body (anchors, images) and of plain texts."""
    from zwgk.publishing.links import links_in

    found = links_in(html or "", settings.ZWGK_SITE_URL.rstrip("/") + "/")
    for text in texts:
        found += [u.rstrip(".,;:!?") for u in URL_IN_TEXT.findall(text or "")]
    return list(dict.fromkeys(found))


def entry_urls(entry: Entry) -> list[str]:
    """Every address an entry would publish: body, public attachments' text, repost link."""
    from zwgk.catalog import search, selectors

    texts = [search.plain_text(entry.public_body)]
    if entry.pk:
        texts += [a.text for a in selectors.public_attachments(entry) if a.text]
    urls = urls_in(entry.public_body, texts)
    if entry.repost_url:
        urls.append(entry.repost_url)
    return list(dict.fromkeys(urls))


# -- the register ---------------------------------------------------------------------------------------


def own_hosts() -> set[str]:
    hosts = {host_of(settings.ZWGK_SITE_URL), host_of(getattr(settings, "ZWGK_PORTAL_URL", "") or "")}
    hosts |= {h.lower().lstrip(".") for h in settings.ALLOWED_HOSTS if h and h != "*"}
    return {h for h in hosts if h}


def needs_approval(host: str) -> bool:
    """A host outside the portal, the party and government domains and the authorised sources."""
    if not host or host in own_hosts():
        return False
    domains = TrustedDomain.objects.filter(active=True).values_list("domain", flat=True)
    sources = AuthorisedSource.objects.filter(active=True).values_list("host", flat=True)
    return not any(under(host, d) for d in [*domains, *sources])


def external_urls(entry: Entry) -> dict[str, str]:
    """The entry's links that need approval, one example address per host."""
    result: dict[str, str] = {}
    for url in entry_urls(entry):
        host = host_of(url)
        if needs_approval(host):
            result.setdefault(host, url)
    return result


def unapproved(entry: Entry) -> dict[str, str]:
    """The links of ``entry`` whose host is not (yet) approved in the register."""
    wanted = external_urls(entry)
    approved = set(ExternalLink.objects.filter(host__in=wanted, status=LinkStatus.APPROVED)
                   .values_list("host", flat=True))
    return {host: url for host, url in wanted.items() if host not in approved}


def request_links(entry: Entry, *, actor: Any) -> list[ExternalLink]:
    """At submission: enter each host the entry links to that needs approval and is not in the
    register yet, as a request (Art. 40). A refused host is asked again by a new submission."""
    created = []
    for host, url in unapproved(entry).items():
        link = ExternalLink.objects.filter(host=host).first()
        if link is not None and link.status != LinkStatus.REFUSED:
            continue
        if link is None:
            link = ExternalLink(host=host)
        link.url, link.entry, link.status = url[:500], entry, LinkStatus.REQUESTED
        link.requested_by = actor if getattr(actor, "is_authenticated", False) else None
        link.requested_at = timezone.now()
        link.consulted_by = link.approved_by = None
        link.consulted_at = link.approved_at = None
        link.save()
        record(link, ExternalLinkEvent.REQUESTED, actor=actor, to_state=link.status,
               note=f"“{entry.title}”链接外部网站 {url}", data={"entry": entry.pk})
        created.append(link)
    return created


def check_links_approved(entry: Entry) -> None:
    """Refuse publishing while an external link of the entry is not approved (Art. 40)."""
    missing = unapproved(entry)
    if missing:
        raise Conflict(
            "本信息含有链接到非党政机关网站的外部链接：" + "、".join(missing.values())
            + "。须经网安总队、科信局会商后报分管厅领导批准，批准前不能发布（第四十条）。",
            code="external_links_unapproved", fields={"body": "外部链接未经批准：" + "、".join(missing)},
        )


def central_source_problem(repost_url: str) -> str | None:
    """Why a central document (中央文件、国务院文件) may not be reposted from ``repost_url`` (Art. 39),
    or None when it comes from an authorised source."""
    if not repost_url:
        return "中央文件、国务院文件须注明转载来源网站和转载链接，只能从授权来源转载（第三十九条）"
    host = host_of(repost_url)
    sources = list(AuthorisedSource.objects.filter(active=True))
    if any(under(host, s.host) for s in sources):
        return None
    names = "、".join(dict.fromkeys(s.name for s in sources)) or "（尚未登记授权来源）"
    return f"中央文件、国务院文件只能从{names}转载，{host or repost_url}不是授权来源（第三十九条）"


def check_central_source(entry: Entry) -> None:
    if entry.central_document:
        problem = central_source_problem(entry.repost_url)
        if problem:
            raise Conflict(problem + "。", code="unauthorised_source", fields={"repost_url": problem})


# -- the two approval steps ---------------------------------------------------------------------------


class OpinionBody(StrictSchema):
    opinion: str = ""


def _opinion(opinion: str, *, required: bool) -> str:
    opinion = (opinion or "").strip()
    if required and not opinion:
        raise InvalidInput("请填写意见。", fields={"opinion": "请填写意见"})
    return opinion[:2000]


def _step(link: ExternalLink, action: str, *, actor: Any, opinion: str, event: str, note: str) -> ExternalLink:
    """One step of the approval: the state from the table, the right, who/when/opinion of the step
    held (the consultation while requested, the leader's after), and the event."""
    target = TABLE.target(action, link.status)
    require(actor, right(action, link), link)
    before = link.status
    opinion = _opinion(opinion, required=action == "refuse_link")
    if before == LinkStatus.REQUESTED:
        link.consulted_by, link.consulted_at, link.consult_opinion = actor, timezone.now(), opinion
    else:
        link.approved_by, link.approved_at, link.approve_opinion = actor, timezone.now(), opinion
    link.status = target
    link.save()
    record(link, event, actor=actor, from_state=before, to_state=target,
           note=f"{note} {link.host}" + (f"：{opinion}" if opinion else ""))
    return link


@ACTIONS.action(OpinionBody)
def do_consult_link(link: ExternalLink, *, actor: Any, opinion: str = "") -> ExternalLink:
    """网安总队 or 科信局 record that their consultation agrees to the link (Art. 40, first step)."""
    return _step(link, "consult_link", actor=actor, opinion=opinion, event=ExternalLinkEvent.CONSULTED,
                 note="网安、科信部门会商同意链接")


@ACTIONS.action(OpinionBody)
def do_approve_link(link: ExternalLink, *, actor: Any, opinion: str = "") -> ExternalLink:
    """The supervising leader approves the link after the consultation (Art. 40, second step)."""
    return _step(link, "approve_link", actor=actor, opinion=opinion, event=ExternalLinkEvent.APPROVED,
                 note="分管厅领导批准链接")


@ACTIONS.action(OpinionBody)
def do_refuse_link(link: ExternalLink, *, actor: Any, opinion: str = "") -> ExternalLink:
    """Whoever holds the current step may refuse it, with a reason."""
    return _step(link, "refuse_link", actor=actor, opinion=opinion, event=ExternalLinkEvent.REFUSED,
                 note="不予批准链接")


def allowed_actions(link: ExternalLink, user: Any) -> list[str]:
    """What ``user`` may do with ``link`` now: the table's actions from its state, by right."""
    from zwgk.org.permissions import can

    return [a for a in TABLE.allowed(link.status) if can(user, right(a, link), link)]
