"""What a citizen other than the sender may read of a message (Art. 32): private data masked.

The detection and masking themselves are the pure functions of ``zwgk.privacy``; this module only
feeds them what the message knows (the sender's name, the stored manual masks) and refuses to let
anything the detector still finds through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zwgk.interaction.models import ManualMask, Message

MASK_CHAR = "*"
FIELDS = ("title", "body", "reply")


def _names(message: Message) -> list[str]:
    names = [message.name.strip(), message.author.strip()]
    return [n for n in names if len(n) >= 2]


def _manual_spans(text: str, field: str, masks: list[ManualMask]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for mask in masks:
        if mask.field and mask.field != field:
            continue
        if mask.fragment:
            spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(mask.fragment), text))
        elif mask.start is not None and mask.end is not None and mask.field == field:
            start, end = min(mask.start, len(text)), min(mask.end, len(text))
            if start < end:
                spans.append((start, end))
    return spans


def _literal_mask(text: str, literal: str) -> str:
    return text.replace(literal, MASK_CHAR * len(literal)) if literal else text


def names_in(message: Message) -> list[str]:
    """The sender's names and every person's name the detector finds in any field of the message:
    a name found in the body is masked in the reply too, whatever its context there."""
    from zwgk.privacy.detect import find_private_data

    names = set(_names(message))
    for field in FIELDS:
        text = getattr(message, field) or ""
        if text:
            names.update(f.text for f in find_private_data(text, extra_names=tuple(names))
                         if f.kind in ("name", "extra_name") and len(f.text) >= 2)
    return sorted(names, key=len, reverse=True)


def mask_field(message: Message, field: str, masks: list[ManualMask] | None = None,
               names: list[str] | None = None) -> str:
    """The public text of ``field`` (title, body or reply) of ``message``."""
    from zwgk.privacy.mask import mask_text

    text = getattr(message, field) or ""
    if not text:
        return ""
    if masks is None:
        masks = list(message.manual_masks.all())
    names = names_in(message) if names is None else names
    masked = mask_text(text, extra_names=names, manual=_manual_spans(text, field, masks))
    # Belt and braces: whatever the sender gave us about themselves never shows verbatim.
    for literal in (message.phone, message.id_number, message.email, *_names(message)):
        if literal and len(literal.strip()) >= 2:
            masked = _literal_mask(masked, literal.strip())
    return masked


@dataclass(frozen=True)
class PublicText:
    title: str
    body: str
    reply: str


def public_text(message: Message) -> PublicText:
    masks = list(message.manual_masks.all())
    names = names_in(message)
    return PublicText(*(mask_field(message, f, masks, names) for f in FIELDS))


def public_sender(message: Message) -> str:
    """The sender as the public sees them: the family name at most."""
    from zwgk.privacy.mask import mask_value

    name = message.name.strip() or message.author.strip()
    if not name:
        return "网民"
    return mask_value("name", name) if len(name) >= 2 else "网民"
