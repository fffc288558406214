"""``core.compiled``: a queryset compiled once gives what the ORM gives, for each new value."""

import pytest
from django.db.models import Exists, OuterRef

from zwgk.catalog.models import Attachment, Entry, Section
from zwgk.core.compiled import CompiledQuery


def _entries(section_code: str):
    return (Entry.objects.select_related("section", "category")
            .annotate(has_attachments=Exists(Attachment.objects.filter(entry=OuterRef("pk"))))
            .filter(section__code=section_code, status=Entry.PUBLISHED).order_by("-published_on", "-id"))


def _same(a: Entry, b: Entry) -> bool:
    fields = [f.attname for f in Entry._meta.concrete_fields]
    return ([getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]
            and a.section.name == b.section.name and a.category.name == b.category.name
            and a.has_attachments == b.has_attachments)


def test_a_compiled_query_gives_the_orms_objects_for_each_new_value(demo, django_assert_num_queries):
    compiled = CompiledQuery(_entries)
    for code in ("news", "notices", "guide", "no-such-section"):
        expected = list(_entries(code))
        with django_assert_num_queries(1):  # the related objects come with it
            found = compiled(code)
            [(e.section.name, e.category.name) for e in found]
        assert len(found) == len(expected) and all(_same(a, b) for a, b in zip(found, expected, strict=True))
    assert compiled("news")[0].published_on.year >= 2020  # converted as the ORM converts: a date
    assert compiled.first("news").pk == _entries("news").first().pk and compiled.first("no-such-section") is None


def test_a_compiled_query_without_parameters(demo):
    assert [s.pk for s in CompiledQuery(lambda: Section.objects.all())()] == [s.pk for s in Section.objects.all()]


def test_a_parameter_must_be_one_sql_parameter(demo):
    with pytest.raises(ValueError, match="one SQL parameter"):
        CompiledQuery(lambda code: Section.objects.filter(code=code, name=code))("news")
    with pytest.raises(ValueError, match="one SQL parameter"):
        CompiledQuery(lambda code: Section.objects.all())("news")
