"""The edited masking word lists (issue 10, Art. 32): kept in the database, edited by the system
administrator in the workbench, each change an audit entry. The detectors compile the lists once
per process and again only when the version in the shared cache changes (Redis in production, so
every worker follows an edit at once)."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.cache import cache
from django.db import transaction

from zwgk.core.errors import InvalidInput
from zwgk.org.permissions import require
from zwgk.privacy.detect import find_private_data, lexicon
from zwgk.security import audit
from zwgk.security.models import AuditKind

SAMPLE = "举报人张三家住银川市兴庆区文化街5号3单元，电话13995012345，患有糖尿病。"
VERSION_KEY = "zwgk:privacy:word-lists:version"

# What each list is for, as the administration page names it.
LABELS = {
    "surnames.txt": "姓氏（单姓、复姓）",
    "given_name_chars.txt": "常用名字用字",
    "name_cues.txt": "姓名提示词（举报人、先生……）",
    "name_chars.txt": "姓名边界字符",
    "not_names.txt": "不是姓名的词",
    "common_words.txt": "常用词（不当作姓名）",
    "function_words.txt": "虚词（不当作姓名）",
    "place_words.txt": "地名用词（不当作姓名）",
    "address_words.txt": "地址用词",
    "ningxia_places.txt": "本区市、县（区）名",
    "health_terms.txt": "健康状况用语（!开头为例外短语）",
    "phone_context.txt": "电话上下文（单位电话、个人电话）",
}


def version() -> object:
    """The version of the edited lists; a process that has compiled another one recompiles."""
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        current = cache.get(VERSION_KEY)
    return current


def texts() -> dict[str, str]:
    """The edited lists; none (the shipped files) where the database cannot be read (a script
    without a database, a test without database access)."""
    from zwgk.privacy.models import WordListText

    try:
        return dict(WordListText.objects.values_list("filename", "text"))
    except Exception:  # detection must work without the database
        return {}


def attach() -> None:
    lexicon.attach_store(version, texts)


def _changed() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def do_save_word_list(actor: Any, filename: str, text: str) -> None:
    """Replace one list. Refused, with the reasons in Chinese and nothing changed, when it drops a
    section the detector needs, empties one, or holds symbols the detector cannot take."""
    from zwgk.privacy.models import WordListText

    require(actor, "org.manage")
    text = (text or "").replace("\r\n", "\n")
    found = lexicon.problems(filename, text)
    if found:
        raise InvalidInput("；".join(found), fields={"text": "；".join(found)})
    edited = {**texts(), filename: text}
    try:
        lexicon.apply(edited, version())  # compiles every detector with it, or raises and keeps the old
        find_private_data(SAMPLE)
    except Exception as exc:
        lexicon.apply(texts(), version())
        raise InvalidInput(f"词表无法使用：{exc}", fields={"text": "词表无法使用"}) from None
    lexicon.apply(texts(), version())
    with transaction.atomic():
        row = WordListText.objects.select_for_update().filter(filename=filename).first()
        before = words_of(row.text if row else lexicon.shipped_text(filename))
        after = words_of(text)
        WordListText.objects.update_or_create(filename=filename, defaults={
            "text": text, "updated_by": getattr(actor, "username", "")})
        audit.log(AuditKind.WORD_LIST_CHANGED, actor=actor, obj=f"privacy.wordlist:{filename}",
                  detail={"added": sorted(after - before)[:200], "removed": sorted(before - after)[:200]})
        _changed()  # this process at once; the others again once the new text is committed
        transaction.on_commit(_changed)


def do_restore_shipped(actor: Any, filename: str) -> None:
    """Put the shipped list back (the version that came with this release)."""
    do_save_word_list(actor, filename, lexicon.shipped_text(filename))


def words_of(text: str) -> set[str]:
    return {w for rows in lexicon.parse(text).values() for row in rows for w in row}
