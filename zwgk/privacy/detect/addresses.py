"""Home addresses.

The finding is the part after the county/district (or the city when no district is given),
because masking keeps the district.  A street alone (an incident location), a street with a
number after a district (usually an office) and an office's "地址" are not home addresses; a cue
word (家住, 住址, 住在 ...) or a residential component (小区, 村, 组, 号楼, 单元, 室 ...) is needed.
A component the writer anonymised (某小区) ends the address.  The Ningxia divisions, the
institution words and the generic place words are data (``data/ningxia_places.txt``,
``data/address_words.txt``).
"""

from __future__ import annotations

import re

from zwgk.privacy.detect import lexicon, phones
from zwgk.privacy.detect.base import PRIORITY, Context, Span


def _load() -> None:
    """The word lists of this detector, compiled; again whenever the lists change (lexicon.refresh)."""
    global _NX_CITIES, _NX_COUNTIES, _ADDR_STOP, _NAME_CHAR, _NAME_CHAR_RE, _PLACE_CHAR, _PROVINCE_RE, \
        _CITY_RE, _COUNTY_NX_RE, _COUNTY_RE, _ADMIN_ANCHOR, _ADDR_CUE, _NAMED_SUFFIX, _SEG_NAMED, _UNIT, \
        _SEG_NUMBERED, _SEG_DASHED, _SEG_BEFORE_NUMBER, _SEG_TAIL, _TAIL_AFTER, _SEG_CONNECTOR, _RESIDENTIAL, \
        _GENERIC_PLACES, _HOUSE_LEVEL, _COMPOUND_TAIL, _INSTITUTION_AFTER
    _NX_CITIES = lexicon.words("ningxia_places.txt", "cities")
    _NX_COUNTIES = lexicon.words("ningxia_places.txt", "counties")
    # Function characters that never occur inside a place name: an address component stops before them.
    _ADDR_STOP = "".join(lexicon.words("address_words.txt", "stop_chars"))
    _NAME_CHAR = rf"(?:(?![{_ADDR_STOP}])[\u4e00-\u9fffA-Za-z0-9·])"
    _NAME_CHAR_RE = re.compile(_NAME_CHAR)
    _PLACE_CHAR = rf"(?:(?![{_ADDR_STOP}])[\u4e00-\u9fff])"
    _PROVINCE_RE = re.compile(
        rf"(?:宁夏回族自治区|宁夏|内蒙古自治区|内蒙古|新疆维吾尔自治区|广西壮族自治区|西藏自治区|{_PLACE_CHAR}{{2,3}}省)"
    )
    _CITY_RE = re.compile("|".join(_NX_CITIES) + rf"|{_PLACE_CHAR}{{2,5}}?(?:市|州|盟|地区)(?![场区民长委政])")
    _COUNTY_NX_RE = re.compile("|".join(_NX_COUNTIES))
    _COUNTY_RE = re.compile(
        "|".join(_NX_COUNTIES)
        + rf"|{_PLACE_CHAR}{{1,4}}?(?:(?<![小社园校景街片城厂矿新])区|县|旗|市)(?![场区民长委政])"
    )
    _ADMIN_ANCHOR = re.compile(
        "|".join(_NX_CITIES + _NX_COUNTIES) + rf"|{_PLACE_CHAR}{{2,4}}市{_PLACE_CHAR}{{1,4}}?(?:区|县|旗)"
    )
    _ADDR_CUE = re.compile(
        r"(?:家庭住址|家庭地址|现住址|住址|户籍地址|户籍地|居住地|居住在|居住于|现居住在|现住在|现住|家住在|家住|家在|"
        r"住在|住于|暂住在|暂住|租住在|租住|地址|小区在|小区位于|房子在"
        # a bare 住 only directly before a place name (住固原市...), not in 住院, 住宿, 记住
        r"|住(?=" + "|".join(_NX_CITIES + _NX_COUNTIES) + rf"|宁夏|{_PLACE_CHAR}{{2,3}}省))\s*(?:是|为|在)?\s*:?\s*"
    )
    # Suffixes of address components, each with the characters that must not follow it because they
    # start another word (村民, 路口, 街上, 城里 ...).
    _NAMED_SUFFIX = (
        r"(?:街道|社区|小区|花园|家园|公寓|新村|新城|嘉苑|家属院|家属楼|大厦|大街|大道|胡同|苏木|开发区|工业园|广场|"
        r"镇(?![上里长政])|乡(?![下里镇长政])|村(?![民里委干霸子上口头])|苑|园(?![子里区])|府|城(?![里市管区])|湾|"
        r"院(?![子里长])|路(?![口上边段面过人灯况])|街(?![上头边面坊])|巷(?![子口])|道(?![路歉理上])|"
        r"庄|寨|堡(?![子])|屯|铺(?![子面])|区(?![域别分])|期|座|楼(?![上下道梯顶房里]))"
    )
    _SEG_NAMED = re.compile(rf"{_NAME_CHAR}{{1,10}}{_NAMED_SUFFIX}")
    _UNIT = r"(?:号楼|号院|号|栋|幢|座|单元|层|楼|室|户|组|队|社|排|巷|弄|区|期|门)"
    _SEG_NUMBERED = re.compile(rf"[0-9A-Za-z一二三四五六七八九十百零〇两]{{1,6}}{_UNIT}(?![码线字元岁])")
    # 3-2-501 (building-unit-room); an ISO date (2026-01-25) is none
    _SEG_DASHED = re.compile(
        r"(?!(?:19|20)[0-9]{2}-[01]?[0-9]-[0-3]?[0-9](?![0-9]))[0-9]{1,4}(?:-[0-9]{1,4}){1,3}(?:室|号)?"
    )
    # A compound's own name without a usual suffix, directly followed by a building number (绿地新都会6号楼).
    _SEG_BEFORE_NUMBER = re.compile(
        rf"{_NAME_CHAR}{{2,8}}?(?=[0-9A-Za-z一二三四五六七八九十]{{1,6}}(?:号楼|号院|栋|幢|单元))"
    )
    _SEG_TAIL = re.compile(r"[0-9]{1,5}(?:室|号)?(?![0-9])")
    _TAIL_AFTER = re.compile(r"(?:单元|号楼|栋|幢|号院|楼|区|期)$")
    _SEG_CONNECTOR = re.compile(r"(?:东|西|南|北|东南|东北|西南|西北)?(?:侧|边|面|旁|对面|后面|前面|附近|隔壁)的?")
    # Searched in the whole chain: components that make it a place where people live.
    _RESIDENTIAL = re.compile(
        r"村(?!民)|组|队|社|小区|社区|花园|家园|公寓|新村|苑|家属院|家属楼|号楼|号院|栋|幢|单元|室|户"
        r"|[0-9A-Za-z一二三四五六七八九十](?:区|期)"
    )
    # Words that end like an address component but name no place.
    _GENERIC_PLACES = lexicon.word_set("address_words.txt", "generic_places")
    _HOUSE_LEVEL = re.compile(r"号楼|号院|栋|幢|单元|[0-9]室|[0-9]{1,4}(?:-[0-9]{1,4}){2}")
    _COMPOUND_TAIL = re.compile(rf"{_NAME_CHAR}{{2,8}}(?=[,.;:!?，。；：！？\s]|$)")
    _INSTITUTION_AFTER = re.compile(lexicon.alternation("address_words.txt", "institutions"))


_load()
lexicon.on_reload(_load)



def _scan_chain(text: str, pos: int) -> tuple[int, list[str]]:
    """Consume address components from ``pos``; returns the end and the components' texts."""
    parts: list[str] = []
    end = pos
    p = pos
    while p < len(text):
        q = p + 1 if text[p] == " " and parts else p
        m = (
            _SEG_DASHED.match(text, q)
            or _SEG_NUMBERED.match(text, q)
            or _SEG_NAMED.match(text, q)
            or _SEG_BEFORE_NUMBER.match(text, q)
        )
        if m is None and parts and _TAIL_AFTER.search(parts[-1]):
            m = _SEG_TAIL.match(text, q)
        if m is None:
            c = _SEG_CONNECTOR.match(text, q)
            if c and parts:
                after = c.end()
                if _SEG_DASHED.match(text, after) or _SEG_NUMBERED.match(text, after) or _SEG_NAMED.match(text, after):
                    parts.append(c.group())
                    p = c.end()
                    continue
            break
        if (not parts and m.group() in _GENERIC_PLACES) or "某" in m.group():
            break  # 农村 names no place; 某小区 was anonymised by the writer
        parts.append(m.group())
        p = end = m.end()
    if parts and _INSTITUTION_AFTER.match(text, end):
        last = parts.pop()
        end -= len(last)
    return end, parts


def _skip_admin(text: str, pos: int, *, after_cue: bool) -> tuple[int, int]:
    """Skip province/city/county names from ``pos``; returns (end, level reached: 0–3)."""
    level = 0
    while True:
        if text.startswith(" ", pos):
            pos += 1
        if level < 1 and (m := _PROVINCE_RE.match(text, pos)):
            pos, level = m.end(), 1
            continue
        if level < 2 and (after_cue or level >= 1) and (m := _CITY_RE.match(text, pos)):
            pos, level = m.end(), 2
            continue
        if level < 3 and (m := (_COUNTY_RE if level >= 2 else _COUNTY_NX_RE).match(text, pos)):
            pos, level = m.end(), 3
            continue
        return pos, level


def detect(text: str, context: Context) -> list[Span]:
    """Home addresses: after a cue word, after a district with a residential part, or with a house number."""
    found: list[Span] = []
    prio = PRIORITY["address"]
    starts_done: set[int] = set()

    def add(hide_from: int, *, need: re.Pattern[str] | None) -> None:
        end, parts = _scan_chain(text, hide_from)
        if not parts or end <= hide_from:
            return
        if need is None and (tail := _COMPOUND_TAIL.match(text, end)):
            end = tail.end()  # a compound's own name without a usual suffix: 朔方路悦海新天地
        if need is not None and not need.search(text, hide_from, end):
            return
        found.append(Span("address", hide_from, end, prio))
        starts_done.add(hide_from)

    # 1. after a cue word (家住, 住址 ...): anything that looks like an address is a home address
    for m in _ADDR_CUE.finditer(text):
        if m.group().startswith("地址") and phones.OFFICE_WORDS.search(text, max(0, m.start() - 8), m.start()):
            continue  # 车管所地址：an office's address is public
        hide_from, _level = _skip_admin(text, m.end(), after_cue=True)
        add(hide_from, need=None)
    # 2. after a county/district (or city) name: only residential components make a home address
    for m in _ADMIN_ANCHOR.finditer(text):
        hide_from, _level = _skip_admin(text, m.start(), after_cue=True)
        if hide_from not in starts_done:
            add(hide_from, need=_RESIDENTIAL)
    # 3. no anchor: a building/unit/room number is needed
    covered = bytearray(len(text))
    for c in found:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    for i in range(len(text)):
        if i in starts_done or covered[i] or not _NAME_CHAR_RE.match(text, i):
            continue
        if i > 0 and _NAME_CHAR_RE.match(text, i - 1):
            continue
        start, _level = _skip_admin(text, i, after_cue=True)
        end, parts = _scan_chain(text, start)
        if len(parts) >= 2 and _HOUSE_LEVEL.search(text, start, end) and not any(covered[start:end]):
            found.append(Span("address", start, end, prio))
    return found

