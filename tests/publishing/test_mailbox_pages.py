"""The mailbox's public replies in the static tree (Art. 32): a reply withheld leaves the tree, shown
again it comes back, a mask shows at once; a decision on a message that no public page shows
renders nothing."""

from __future__ import annotations

from zwgk.interaction import services as mailbox
from zwgk.interaction.models import Message
from zwgk.interaction.selectors import public_messages
from zwgk.publishing import services
from zwgk.publishing.models import PublishedFile

PUBLIC_LIST = "interaction/mailbox/public/index.html"


def _page(message: Message) -> str:
    return services.file_for(f"/interaction/mailbox/public/{message.number}/")


def test_a_reply_withheld_leaves_the_tree_and_comes_back_when_shown_again(
        published, staff, django_capture_on_commit_callbacks):
    message = public_messages().first()
    page = published / _page(message)
    assert page.exists() and message.number in (published / PUBLIC_LIST).read_text()

    with django_capture_on_commit_callbacks(execute=True):
        mailbox.do_mark(message, actor=staff("clerk"), withheld=True, note="涉及个人隐私，不予公开显示")
    assert not page.exists()
    assert not PublishedFile.objects.filter(path=_page(message)).exists()
    assert message.number not in (published / PUBLIC_LIST).read_text()

    with django_capture_on_commit_callbacks(execute=True):
        mailbox.do_mark(Message.objects.get(pk=message.pk), actor=staff("clerk"), withheld=False)
    assert page.exists() and message.number in (published / PUBLIC_LIST).read_text()


def test_a_mask_added_to_a_public_reply_shows_in_the_tree_at_once(
        published, staff, django_capture_on_commit_callbacks):
    message = public_messages().first()
    fragment = message.body[:4]
    assert fragment in (published / _page(message)).read_text()

    with django_capture_on_commit_callbacks(execute=True):
        mailbox.do_add_mask(message, actor=staff("clerk"), fragment=fragment)
    assert fragment not in (published / _page(message)).read_text()


def test_a_decision_on_a_message_no_public_page_shows_renders_nothing(
        published, staff, django_capture_on_commit_callbacks, monkeypatch):
    hidden = Message.objects.exclude(pk__in=public_messages().values("pk")).first()
    rendered: list[str] = []
    monkeypatch.setattr(services.Renderer, "render", lambda self, url: rendered.append(url))

    with django_capture_on_commit_callbacks(execute=True):
        mailbox.do_mark(hidden, actor=staff("clerk"), abusive=False, note="复核：非谩骂性言论")
    assert rendered == []
    assert services.affected_urls("message", str(public_messages().first().pk))  # a shown one still renders
