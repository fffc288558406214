"""``{% furniture key1 key2 … %}…{% endfurniture %}``: a piece of the page furniture (header,
navigation, footer, static links) rendered once and reused, in this process, by every page whose
key is the same (issue 11: the static tree renders a million entry pages; the live pages share it).

The key is what the fragment reads: the values of the variables listed in the tag (a model
instance counts by the values of all its concrete fields, so a saved change of the site profile
is a new key and the very next render shows it: there is nothing to invalidate and nothing can be
served stale), plus the active language, the URLconf and the script prefix (``{% url %}`` inside).
A fragment must read nothing else: parsing refuses one that reads a variable not among its keys
(``request``, a per-page value…), one with a ``{% block %}`` (a child template could override it)
and one with an ``{% include %}`` (what it reads cannot be checked). Keep per-page parts outside.

The memo is bounded: it is emptied when it holds ``MAX_FRAGMENTS`` fragments (old keys of a
profile saved many times, templates recompiled by the development loader) and when a setting is
overridden (tests).
"""

from __future__ import annotations

import itertools
from typing import Any

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import Model
from django.dispatch import receiver
from django.template.base import FilterExpression, Node, NodeList, Parser, Token, Variable
from django.template.defaulttags import ForNode, WithNode
from django.template.loader_tags import BlockNode, IncludeNode
from django.template.smartif import TokenBase
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

register = template.Library()

MAX_FRAGMENTS = 512
_MEMO: dict[tuple, str] = {}
_SERIAL = itertools.count()
_ALWAYS = frozenset({"True", "False", "None"})


@receiver(setting_changed)
def clear(**kwargs: Any) -> None:
    """Empty the memo (also when a test overrides a setting: STATIC_URL, STORAGES…)."""
    _MEMO.clear()


def _key(value: Any) -> Any:
    """A hashable stand-in for ``value`` that is equal only for values rendering the same."""
    if isinstance(value, Model):
        return (value._meta.label, tuple(getattr(value, f.attname) for f in value._meta.concrete_fields))
    if isinstance(value, list | tuple):
        return (tuple, tuple(_key(v) for v in value))
    if isinstance(value, dict):
        return (dict, tuple((k, _key(v)) for k, v in value.items()))
    return (type(value), value)  # the type too: a SafeString and an equal str escape differently


def _reads(obj: Any, seen: set[int]) -> set[str]:
    """The context variables a compiled fragment reads (first part of each lookup)."""
    if id(obj) in seen:
        return set()
    seen.add(id(obj))
    if isinstance(obj, Variable):
        return {obj.lookups[0]} if obj.lookups else set()
    if isinstance(obj, FilterExpression):
        found = _reads(obj.var, seen) if isinstance(obj.var, Variable) else set()
        for _func, args in obj.filters:
            for lookup, arg in args:
                if lookup:
                    found |= _reads(arg, seen)
        return found
    if isinstance(obj, list | tuple | NodeList):
        return set().union(*(_reads(item, seen) for item in obj))
    if isinstance(obj, dict):
        return set().union(*(_reads(item, seen) for item in obj.values()))
    if isinstance(obj, BlockNode | IncludeNode):
        raise template.TemplateSyntaxError(f"{{% furniture %}} cannot hold {type(obj).__name__}")
    if isinstance(obj, Node | TokenBase):
        found = set().union(*(_reads(v, seen) for k, v in vars(obj).items() if k not in ("token", "origin")))
        if isinstance(obj, ForNode):
            found -= {*obj.loopvars, "forloop"}
        if isinstance(obj, WithNode):
            found -= set(obj.extra_context)
        return found
    return set()


class FurnitureNode(Node):
    child_nodelists = ()  # it holds no block: ``{% extends %}`` need not walk it on every render

    def __init__(self, nodelist: NodeList, keys: list[FilterExpression]) -> None:
        self.nodelist = nodelist
        self.keys = keys
        self.serial = next(_SERIAL)  # never reused in this process, unlike id()

    def render(self, context: template.Context) -> str:
        key = (self.serial, get_language(), get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(),
               *(_key(k.resolve(context)) for k in self.keys))
        fragment = _MEMO.get(key)
        if fragment is None:
            if len(_MEMO) >= MAX_FRAGMENTS:
                _MEMO.clear()
            fragment = _MEMO[key] = self.nodelist.render(context)
        return fragment


@register.tag
def furniture(parser: Parser, token: Token) -> FurnitureNode:
    keys = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endfurniture",))
    parser.delete_first_token()
    unkeyed = _reads(nodelist, set()) - _reads(keys, set()) - _ALWAYS
    if unkeyed:
        raise template.TemplateSyntaxError(f"{{% furniture %}} reads {', '.join(sorted(unkeyed))} "
                                           "without it among its keys")
    return FurnitureNode(nodelist, keys)
