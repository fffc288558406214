"""Find personal data in citizens' letters and in replies before they are shown publicly.

Art. 32 requires that a reply shown on the portal has the writer's and third parties' private data
masked: names, identity numbers, phone numbers, home addresses, health status.  Staff review the
result, so the detector leans towards finding too much rather than too little, but it must not
turn ordinary words into "names" or every street into a "home address", or masked replies become
unreadable.  Everything is rule-based and deterministic (no model, no network): the same letter is
always masked the same way, which the audit trail relies on.

Kinds (stable codes stored with findings): see :data:`KINDS`.

Decisions worth knowing:

* Identity numbers: an 18-character number is reported when its check character is right, and
  also when only its birth date is plausible (a mistyped number still identifies its holder).
  First-generation 15-digit numbers are reported when their region code and birth date are real.
  Numbers glued to ASCII letters (``J640106...``) are treated as case/receipt numbers unless the
  check character proves them to be identity numbers.
* Phone numbers: every mobile number is private.  A landline written next to an office word
  (派出所, 大厅, 窗口, 热线, 值班 ...) and without a personal marker (我家, 本人, 我的 ...) is an
  office number, which is public information and is not reported.  Short hotlines (110, 122,
  12345, 12389) never match.
* Names are found by context (我叫, 民警, 举报人, 我儿子, 先生 ...), by enumeration after a found
  name (张三、李四), by repetition of a found name, and — for three-character names only — when
  surname and given-name characters are typical and the candidate stands between function words
  (楼下的周大勇经常...).  Surname + title (王警官, 马所长, 李局长) is not a name: nothing to hide.
  Police officers named in a letter (民警, 所长, 队长 ...) are masked like any third party;
  leadership titles of the department (厅长, 局长, 书记 ...) are not cues: officials act publicly.
  Ordinary words shaped like names (马上, 于是, 甘肃人, 向记者) are rejected with word lists derived
  from jieba's dictionary (``bench/privacy_make_wordlists.py``).  Names already masked by the
  writer (马某某) are never found again.
* Addresses: the finding is the part after the county/district (or the city when no district is
  given), because masking keeps the district.  A street alone (an incident location), a street
  with a number after a district (usually an office) and an office's "地址" are not home addresses;
  a cue word (家住, 住址, 住在 ...) or a residential component (小区, 村, 组, 号楼, 单元, 室 ...) is
  needed.  A component the writer anonymised (某小区) ends the address.
* Health: the terms are data (``data/health_terms.txt``); a phrase around a term (患有X, 确诊X,
  X病史) is covered whole, so that the masked text does not say "患有**".
* Full-width digits and letters are folded before matching (index-preserving), so ``１３８…`` is
  found as well; findings always carry the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from zwgk.privacy.ids import luhn_valid, resident_id_birth_date, resident_id_check_char

__all__ = [
    "KINDS",
    "NUMBER_KINDS",
    "Finding",
    "find_numbers",
    "find_private_data",
    "load_health_terms",
    "split_surname",
]

KINDS: tuple[str, ...] = (
    "resident_id",
    "mobile",
    "landline",
    "bank_card",
    "email",
    "plate",
    "name",
    "address",
    "health",
)

# The kinds that are numbers with a checkable structure (what the pre-publication scan reports).
NUMBER_KINDS: tuple[str, ...] = ("resident_id", "mobile", "landline", "bank_card")

_DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Finding:
    """One piece of private data: ``text == source[start:end]``; ``kind`` is one of :data:`KINDS`."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Candidate:
    kind: str
    start: int
    end: int
    priority: int


# Lower number wins an overlap; within one priority the longer span wins.
_PRIORITY = {
    "email": 0,
    "resident_id": 1,
    "bank_card": 2,
    "mobile": 3,
    "landline": 4,
    "plate": 5,
    "extra_name": 6,
    "address": 7,
    "health": 8,
    "name": 9,
}


# ---------------------------------------------------------------------------------------------
# Data files


def _read_list(filename: str) -> list[str]:
    words: list[str] = []
    for line in (_DATA / filename).read_text(encoding="utf-8").splitlines():
        words.extend(line.split("#", 1)[0].split())
    return words


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    words = _read_list("surnames.txt")
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return frozenset(_read_list("common_words.txt"))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(_read_list("function_words.txt"))


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(_read_list("place_words.txt"))


@lru_cache(maxsize=1)
def _given_chars() -> frozenset[str]:
    return frozenset("".join(_read_list("given_name_chars.txt")))


@lru_cache(maxsize=1)
def load_health_terms() -> tuple[str, ...]:
    """The default health terms (and ``!``-prefixed exception phrases) from ``data/health_terms.txt``."""
    return tuple(_read_list("health_terms.txt"))


def split_surname(name: str) -> tuple[str, str]:
    """Split a personal name into (surname, given name); two-character surnames are recognised.

    Used by the masker, which keeps the surname (Art. 32 masks the part that identifies).
    """
    _single, double = _surnames()
    if len(name) >= 3 and name[:2] in double:
        return name[:2], name[2:]
    return name[:1], name[1:]


# ---------------------------------------------------------------------------------------------
# Helpers


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _is_ascii_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


# Full-width ASCII and the ideographic space are folded so that ｜１３８ｘｘ｜ is found too; the mapping
# keeps every index, so findings can be cut from the original text.
_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _fold(text: str) -> str:
    return text.translate(_FOLD)


# ---------------------------------------------------------------------------------------------
# Numbers: identity numbers, bank cards, mobiles, landlines

_RUN = re.compile(r"[0-9]+[Xx]?(?:[ \-][0-9]+[Xx]?)*")
_GROUP = re.compile(r"[0-9]+[Xx]?")
# Group-length patterns in which people write one number in several groups.
_SPLITS: frozenset[tuple[int, ...]] = frozenset(
    {
        # mobiles, with and without the country code
        (3, 4, 4), (3, 8), (7, 4), (4, 3, 4), (2, 11), (2, 3, 4, 4), (4, 11), (4, 3, 4, 4),
        # landlines: area code + local number
        (3, 7), (3, 8), (4, 7), (4, 8), (3, 4, 4), (4, 3, 4), (4, 4, 4), (4, 4, 3), (3, 3, 4),
        # identity numbers
        (6, 8, 4), (6, 4, 4, 4), (4, 4, 4, 4, 2), (6, 8, 3, 1),
        # bank cards
        (4, 4, 4, 4), (4, 4, 4, 4, 1), (4, 4, 4, 4, 2), (4, 4, 4, 4, 3), (6, 13), (4, 4, 4, 7), (6, 10),
    }
)
_MOBILE_FULL = re.compile(r"(?:0086|86)?1[3-9][0-9]{9}")
_LANDLINE_FULL = re.compile(r"0(?:10|2[0-9]|[3-9][0-9]{2})[2-9][0-9]{6,7}")
_PAREN_LANDLINE = re.compile(r"[(（]\s*0(?:10|2[0-9]|[3-9][0-9]{2})\s*[)）]\s*-?\s*[2-9][0-9]{6,7}(?![0-9])")
_LOCAL_CUE = re.compile(r"(?:电话|座机|固话|宅电|联系方式|号码|tel|Tel|TEL)(?:号码)?\s*(?:是|为)?\s*:?\s*$")
# First two digits of the administrative-division code (provinces, HK, Macao, Taiwan).
_PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)
_OFFICE_WORDS = re.compile(
    r"派出所|公安|分局|交警|交管|警队|大队|支队|中队|车管|出入境|大厅|窗口|服务中心|政务|办公室|值班|接待|"
    r"热线|举报电话|咨询电话|服务电话|投诉电话|指挥中心|营业厅"
)
_PERSONAL_WORDS = re.compile(r"我家|家里|家中|家庭|住宅|宅电|本人|我的|个人|私人|手机|联系方式|联系人|找我|我们家")
_CLAUSE_BREAK = re.compile(r"[,.;:!?，。；：！？、\n]")


def _is_office_number(text: str, start: int) -> bool:
    """A landline given as an office's number (public), judged from the words before it."""
    window = text[max(0, start - 25) : start]
    window = window.rsplit("\n", 1)[-1]
    if not _OFFICE_WORDS.search(window):
        return False
    clause = _CLAUSE_BREAK.split(text[max(0, start - 14) : start])[-1]
    return not _PERSONAL_WORDS.search(clause)


def _plausible_id_date(number: str) -> bool:
    born = resident_id_birth_date(number)
    return born is not None and date(1900, 1, 1) <= born <= date(2099, 12, 31)


def _classify_number(digits: str, text: str, start: int, end: int, grouped: bool) -> str | None:
    """Kind of the number ``digits`` found at text[start:end]; '' for a public number; None if not one."""
    glued = (start > 0 and _is_ascii_letter(text[start - 1])) or (end < len(text) and _is_ascii_letter(text[end]))
    if "X" in digits.upper()[:-1]:
        return None
    if digits[-1] in "Xx":
        if len(digits) == 18 and digits[0] != "0" and _plausible_id_date(digits):
            if resident_id_check_char(digits[:17]) == "X" or not glued:
                return "resident_id"
        return None
    n = len(digits)
    if n == 18 and digits[0] != "0" and _plausible_id_date(digits):
        if resident_id_check_char(digits[:17]) == digits[17]:
            return "resident_id"
        if glued:
            return None
        return "bank_card" if luhn_valid(digits) else "resident_id"
    if n == 15 and not glued and digits[:2] in _PROVINCE_CODES and resident_id_birth_date(digits) is not None:
        return "resident_id"
    if 16 <= n <= 19 and not glued and luhn_valid(digits):
        return "bank_card"
    if _MOBILE_FULL.fullmatch(digits):
        return "mobile"
    if _LANDLINE_FULL.fullmatch(digits):
        return "" if _is_office_number(text, start) else "landline"
    if n in (7, 8) and digits[0] in "23456789" and not grouped and _LOCAL_CUE.search(text[max(0, start - 12) : start]):
        return "" if _is_office_number(text, start) else "landline"
    return None


def _find_numbers(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in _PAREN_LANDLINE.finditer(text):
        if not _is_office_number(text, m.start()):
            found.append(_Candidate("landline", m.start(), m.end(), _PRIORITY["landline"]))
    for run in _RUN.finditer(text):
        groups = list(_GROUP.finditer(text, run.start(), run.end()))
        i = 0
        while i < len(groups):
            for k in range(min(5, len(groups) - i), 0, -1):
                part = groups[i : i + k]
                if k > 1 and tuple(len(g.group()) for g in part) not in _SPLITS:
                    continue
                start, end = part[0].start(), part[-1].end()
                digits = "".join(g.group() for g in part)
                kind = _classify_number(digits, text, start, end, grouped=k > 1)
                if kind is None and digits[-1] in "Xx" and len(digits) > 1:
                    # the X belongs to the following word, not to the number (13812345678X光片)
                    digits, end = digits[:-1], end - 1
                    kind = _classify_number(digits, text, start, end, grouped=k > 1)
                if kind is None:
                    continue
                if kind:
                    if kind == "mobile" and digits.startswith(("86", "0086")) and start > 0 and text[start - 1] == "+":
                        start -= 1
                    found.append(_Candidate(kind, start, end, _PRIORITY[kind]))
                i += k
                break
            else:
                i += 1
    return found


# ---------------------------------------------------------------------------------------------
# E-mail addresses and licence plates

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
)
_PLATE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\s?[A-HJ-NP-Za-hj-np-z]\s?[·•・.\-]?\s?"
    r"(?:[A-HJ-NP-Za-hj-np-z0-9]{5,6}|[A-HJ-NP-Za-hj-np-z0-9]{4}[挂学警港澳领试超])(?![A-Za-z0-9])"
)


def _find_emails(text: str) -> list[_Candidate]:
    return [_Candidate("email", m.start(), m.end(), _PRIORITY["email"]) for m in _EMAIL.finditer(text)]


def _find_plates(text: str) -> list[_Candidate]:
    found = []
    for m in _PLATE.finditer(text):
        if sum(c.isdigit() for c in m.group()) >= 2:
            found.append(_Candidate("plate", m.start(), m.end(), _PRIORITY["plate"]))
    return found


# ---------------------------------------------------------------------------------------------
# Home addresses

_NX_CITIES = ("银川市", "石嘴山市", "吴忠市", "固原市", "中卫市")
_NX_COUNTIES = (
    "兴庆区", "金凤区", "西夏区", "永宁县", "贺兰县", "灵武市", "大武口区", "惠农区", "平罗县", "利通区",
    "红寺堡区", "盐池县", "同心县", "青铜峡市", "原州区", "西吉县", "隆德县", "泾源县", "彭阳县",
    "沙坡头区", "中宁县", "海原县",
)
# Function words that never occur inside a place name: an address component stops before them.
_ADDR_STOP = "的了在是我你他她它们被把到往说没不就也还又要去给让对这那过着吗呢啊吧并或但而因已曾住买租卖打骂偷抢骗请"
_NAME_CHAR = rf"(?:(?![{_ADDR_STOP}])[\u4e00-\u9fffA-Za-z0-9·])"
_NAME_CHAR_RE = re.compile(_NAME_CHAR)
_PLACE_CHAR = rf"(?:(?![{_ADDR_STOP}])[\u4e00-\u9fff])"
_PROVINCE_RE = re.compile(
    rf"(?:宁夏回族自治区|宁夏|内蒙古自治区|内蒙古|新疆维吾尔自治区|广西壮族自治区|西藏自治区|{_PLACE_CHAR}{{2,3}}省)"
)
_CITY_RE = re.compile("|".join(_NX_CITIES) + rf"|{_PLACE_CHAR}{{2,5}}?(?:市|州|盟|地区)(?![场区民长委政])")
_COUNTY_NX_RE = re.compile("|".join(_NX_COUNTIES))
_COUNTY_RE = re.compile(
    "|".join(_NX_COUNTIES) + rf"|{_PLACE_CHAR}{{1,4}}?(?:(?<![小社园校景街片城厂矿新])区|县|旗|市)(?![场区民长委政])"
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
_SEG_DASHED = re.compile(r"[0-9]{1,4}(?:-[0-9]{1,4}){1,3}(?:室|号)?")
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
_GENERIC_PLACES = frozenset(
    {"农村", "乡村", "山村", "本村", "我村", "该村", "同村", "县城", "城区", "市区", "老城区", "小区", "社区", "街道"}
)
_HOUSE_LEVEL = re.compile(r"号楼|号院|栋|幢|单元|[0-9]室|[0-9]{1,4}(?:-[0-9]{1,4}){2}")
_COMPOUND_TAIL = re.compile(rf"{_NAME_CHAR}{{2,8}}(?=[,.;:!?，。；：！？\s]|$)")
_INSTITUTION_AFTER = re.compile(
    r"派出所|公安|分局|警务|中队|大队|支队|交警|医院|卫生院|学校|中学|小学|幼儿园|大学|银行|支行|饭店|酒店|"
    r"宾馆|旅馆|超市|商场|市场|网吧|KTV|公司|门口|路口|交叉口|十字|一带|周边|加油站|车站|政府|工地|厂|店"
)


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


def _find_addresses(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    prio = _PRIORITY["address"]
    starts_done: set[int] = set()

    def add(hide_from: int, *, need: re.Pattern[str] | None) -> None:
        end, parts = _scan_chain(text, hide_from)
        if not parts or end <= hide_from:
            return
        if need is None and (tail := _COMPOUND_TAIL.match(text, end)):
            end = tail.end()  # a compound's own name without a usual suffix: 朔方路悦海新天地
        if need is not None and not need.search(text, hide_from, end):
            return
        found.append(_Candidate("address", hide_from, end, prio))
        starts_done.add(hide_from)

    # 1. after a cue word (家住, 住址 ...): anything that looks like an address is a home address
    for m in _ADDR_CUE.finditer(text):
        if m.group().startswith("地址") and _OFFICE_WORDS.search(text, max(0, m.start() - 8), m.start()):
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
            found.append(_Candidate("address", start, end, prio))
    return found


# ---------------------------------------------------------------------------------------------
# Health information

_HEALTH_PREFIX = r"(?:确诊患有|被诊断出|被诊断为|诊断为|确诊为|确诊|患有|患上了|患上|患了|得了|查出了|查出|检查出)"
_HEALTH_SUFFIX = r"(?:病史|症状|患者|病人|晚期|早期|后遗症|并发症|症|病)"


@lru_cache(maxsize=16)
def _health_patterns(terms: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    words = sorted({t for t in terms if t and not t.startswith("!")}, key=len, reverse=True)
    exceptions = sorted({t[1:] for t in terms if t.startswith("!") and len(t) > 1}, key=len, reverse=True)
    if not words:
        return None, None
    alternatives = []
    for w in words:
        if w.isascii():
            alternatives.append(rf"(?<![A-Za-z])(?i:{re.escape(w)})(?![A-Za-z])")
        else:
            alternatives.append(re.escape(w))
    term_re = re.compile(rf"{_HEALTH_PREFIX}?(?P<term>{'|'.join(alternatives)}){_HEALTH_SUFFIX}?")
    exc_re = re.compile("|".join(re.escape(e) for e in exceptions)) if exceptions else None
    return term_re, exc_re


def _find_health(text: str, terms: tuple[str, ...]) -> list[_Candidate]:
    term_re, exc_re = _health_patterns(terms)
    if term_re is None:
        return []
    excluded: list[tuple[int, int]] = [(m.start(), m.end()) for m in exc_re.finditer(text)] if exc_re else []
    found = []
    for m in term_re.finditer(text):
        ts, te = m.span("term")
        if any(a <= ts and te <= b for a, b in excluded):
            continue
        found.append(_Candidate("health", m.start(), m.end(), _PRIORITY["health"]))
    return found


# ---------------------------------------------------------------------------------------------
# Personal names

# Characters that practically never occur in a given name: a name ends before them.
_NAME_STOP = frozenset(
    "的了在是和与及说等某把被对给让向从跟也都就还又不没将已要去到着过们这那个些吗呢吧啊呀嘛哦于并或而但因所"
    "我你他她它咱您讲称打骂拿用找带叫问请告诉来曾竟却便很最更太再收偷抢推踢砸骗欠逼喊拒未私非涉冒拖借"
    "县区省市镇乡村路街巷局所站厂店"
    "扣押抓罚砍捅撞踩摔扔丢拉拽扯咬吵闹赖赌嫖吸贩卖租住回离走跑逃躲藏看听写读办审拘判签按填交缴退赔付讨求催欺辱侮"
    "威胁恐吓坑诈盗窃捡拾掏"
)
# A candidate followed by one of these is a place or an organisation (海原县, 金凤区, 安分局).
_PLACE_SUFFIX_CHARS = frozenset("县区省市镇乡村路街巷旗州盟局所队站厂店院校馆司")
# Titles: a surname followed by a title is no name to hide (王警官); a given name ends before one.
_TITLES = (
    "先生", "女士", "同志", "警官", "民警", "辅警", "协警", "师傅", "老板", "老师", "律师", "医生", "经理", "所长",
    "队长", "教导员", "指导员", "局长", "厅长", "处长", "科长", "主任", "书记", "村长", "支书", "大爷", "大妈", "阿姨",
    "大姐", "大哥", "叔叔", "奶奶", "爷爷",
)
# Words that follow a name (titles, verbs, time words); a given name does not run into them.
_ENDERS = (
    *_TITLES,
    "家住", "住在", "现住", "居住", "反映", "举报", "投诉", "报警", "报案", "表示", "今年",
    "现年", "身份", "电话", "手机", "联系", "微信", "一家", "夫妇", "夫妻", "两口", "等人", "两人", "二人", "三人",
    "兄弟", "姐妹", "母子", "父子", "母女", "父女", "一起", "经常", "总是", "多次", "长期", "曾经", "已经", "出生",
    "家暴", "酒后", "醉酒", "驾车", "开车",
)
# Cues after which a name follows.  Strong: the next surname + 1–2 characters is taken as a name.
_STRONG_CUES = (
    "报警人", "举报人", "投诉人", "控告人", "嫌疑人", "当事人", "申请人", "受害人", "被害人", "联系人", "户主",
    "收款人", "开户人", "持卡人", "负责人", "法定代表人", "组织者", "发布人", "肇事者", "司机", "驾驶员", "乘客",
    "民警", "警官", "辅警", "协警", "交警", "户籍员", "工作人员", "教导员", "所长", "队长", "同事", "邻居",
    "朋友", "同学", "室友", "老乡", "亲戚", "村民", "会计", "出纳", "教练", "老板", "老师", "医生", "律师", "房东",
    "租户", "业主", "丈夫", "妻子", "老公", "老婆", "爱人", "老伴", "同村的", "邻村的", "同村", "邻村", "前夫",
    "前妻", "男友", "女友", "男朋友", "女朋友",
    "对象", "儿子", "女儿", "孩子", "父亲", "母亲", "爸爸", "妈妈", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷",
    "哥哥", "姐姐", "弟弟", "妹妹", "孙子", "孙女", "外孙", "侄子", "侄女", "外甥", "儿媳", "女婿", "公公", "婆婆",
    "岳父", "岳母", "舅舅", "叔叔", "姑姑", "阿姨", "老人", "军人", "学生", "员工", "职工", "工人", "骑手", "保安",
    "我叫", "名叫", "叫做", "姓名", "名字是", "名字叫", "本人", "我爸", "我妈",
)
_WEAK_CUES = ("我是", "叫", "人是", "的是", "举报", "投诉", "控告", "起诉")
# A lookahead, so that overlapping cues are all seen (我爸爸 holds 我爸 and 爸爸).
_CUE_RE = re.compile(
    "(?=(?P<cue>" + "|".join(sorted(_STRONG_CUES + _WEAK_CUES, key=len, reverse=True)) + r")"
    r"(?P<link>叫做|名叫|姓名|叫|是|为)?(?P<space>\s*:?\s*))"
)
# Titles after a full name.  Police ranks are cues (officers named in letters are masked like any
# third party); leadership titles of the department (厅长, 局长 ...) are not: officials act publicly.
_SUFFIX_CUES = (
    "先生", "女士", "同志", "警官", "民警", "所长", "队长", "教导员", "指导员", "师傅", "老板", "律师", "医生",
    "经理", "等人", "两人", "兄弟俩", "夫妇",
)
_SUFFIX_RE = re.compile("|".join(_SUFFIX_CUES))
_CONNECTORS = frozenset("和与跟同及向对给让叫请找问被把是为的位名个这那")
_LIST_SEP = frozenset("、和与及跟")
_LEFT_BOUNDARY = frozenset("的了是和与及、给被把让跟对向找叫问称为")
_IAM_DE = re.compile(r"我是[^,.;:!?，。；：！？\s]{1,15}?的")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")


def _surname_at(text: str, p: int) -> int:
    single, double = _surnames()
    if text[p : p + 2] in double:
        return 2
    if p < len(text) and text[p] in single:
        return 1
    return 0


def _starts_ender(text: str, p: int) -> bool:
    return text.startswith(_ENDERS, p) or text[p : p + 2] in _function_words()


def _name_char_ok(text: str, p: int, blocked: bytearray) -> bool:
    return p < len(text) and _is_han(text[p]) and text[p] not in _NAME_STOP and not blocked[p]


def _given_length(text: str, q: int, blocked: bytearray) -> int:
    if not _name_char_ok(text, q, blocked) or text.startswith(_ENDERS, q):
        return 0
    if not _name_char_ok(text, q + 1, blocked) or _starts_ender(text, q + 1):
        return 1
    return 2


def _hard_end(text: str, p: int) -> bool:
    return p >= len(text) or not _is_han(text[p])


def _soft_end(text: str, p: int) -> bool:
    return _hard_end(text, p) or text[p] in _NAME_STOP or _starts_ender(text, p)


def _acceptable(surname: str, given: str, text: str, end: int, *, strong: bool) -> bool:
    """Reject candidates that are ordinary words (马上, 于昨天, 甘肃人 ...)."""
    function, common, given_chars = _function_words(), _common_words(), _given_chars()
    places = _place_words()
    full = surname + given
    typical = all(c in given_chars for c in given)
    if full in function or (surname + given[0]) in function:
        return False
    if end < len(text) and text[end] in _PLACE_SUFFIX_CHARS and not text.startswith(_TITLES, end):
        return False
    if given[-1] == surname[-1] and given[0] in "一了":
        return False  # 查一查, 管了管: a reduplicated verb
    if surname in _CONNECTORS and len(given) == 1 and _surname_at(given, 0) and text.startswith(_TITLES, end):
        return False  # 王警官和马所长: 和 joins, 马 is the surname of the title
    if not typical and surname in _CONNECTORS | {"于"}:
        return False  # 向记者, 和同事: a preposition, not a surname
    if not typical and (full in places or given in places or (len(given) == 2 and surname + given[0] in places)):
        return False
    if given in function and not typical:
        return False
    if len(given) == 2 and len(surname) == 1 and (surname + given[0]) in common and not typical:
        return False
    if full in common and not (strong and _hard_end(text, end)):
        return False
    return strong or _soft_end(text, end)


def _name_at(text: str, p: int, blocked: bytearray, *, strong: bool) -> tuple[int, int] | None:
    if p >= len(text) or blocked[p]:
        return None
    dotted = _DOTTED.match(text, p)
    if dotted and "某" not in dotted.group() and strong:
        return p, dotted.end()
    s = _surname_at(text, p)
    if not s or any(blocked[p : p + s]):
        return None
    natural = _given_length(text, p + s, blocked)
    for g in range(natural, 0, -1):
        end = p + s + g
        # a shortened candidate must end where a name can end (朋友来宁夏 is no 来宁)
        if _acceptable(text[p : p + s], text[p + s : end], text, end, strong=strong and g == natural):
            return p, end
    return None


def _name_before(text: str, e: int, blocked: bytearray) -> tuple[int, int] | None:
    """A name ending at ``e`` (before a suffix cue such as 先生): the longest plausible one."""
    if e >= 1 and _surname_at(text, e - 1) and (e < 2 or text[e - 2] in _CONNECTORS or not _is_han(text[e - 2])):
        return None  # 和王先生: surname + title only
    for total in (4, 3, 2):
        start = e - total
        if start < 0:
            continue
        s = _surname_at(text, start)
        if not s or total - s not in (1, 2):
            continue
        if total == 2 and s == 2:
            continue
        given_start = start + s
        if any(not _name_char_ok(text, i, blocked) for i in range(start + s, e)) or any(blocked[start:e]):
            continue
        if _given_length(text, given_start, blocked) < e - given_start and not text.startswith(_SUFFIX_CUES, e):
            continue
        bounded = start == 0 or not _is_han(text[start - 1]) or text[start - 1] in _LEFT_BOUNDARY
        if not bounded and not all(c in _given_chars() for c in text[given_start:e]):
            continue
        if _acceptable(text[start:given_start], text[given_start:e], text, e, strong=True):
            return start, e
    return None


def _find_names(text: str, blocked: bytearray, extra_names: Iterable[str]) -> list[_Candidate]:
    found: list[tuple[int, int]] = []
    extra: list[_Candidate] = []
    for name in {n.strip() for n in extra_names if n and len(n.strip()) >= 2}:
        for m in re.finditer(re.escape(name), text):
            extra.append(_Candidate("name", m.start(), m.end(), _PRIORITY["extra_name"]))
    for m in _CUE_RE.finditer(text):
        strong = m.group("cue") in _STRONG_CUES or (m.group("link") is not None and m.group("cue") != "叫")
        if m.group("cue") in ("举报", "投诉", "控告", "起诉") and m.group("link"):
            strong = False
        span = _name_at(text, m.end("space"), blocked, strong=strong)
        if span:
            found.append(span)
    for m in _IAM_DE.finditer(text):
        span = _name_at(text, m.end(), blocked, strong=False)
        if span and _hard_end(text, span[1]):
            found.append(span)
    for m in _SUFFIX_RE.finditer(text):
        span = _name_before(text, m.start(), blocked)
        if span:
            found.append(span)
    # three-character names without a cue, between function words
    given_chars = _given_chars()
    for p in range(len(text)):
        if p > 0 and _is_han(text[p - 1]) and text[p - 1] not in _LEFT_BOUNDARY:
            continue
        s = _surname_at(text, p)
        if s != 1 or p + 3 > len(text) or any(blocked[p : p + 3]):
            continue
        given = text[p + 1 : p + 3]
        if not all(c in given_chars and c not in _NAME_STOP for c in given):
            continue
        if given in _common_words() or text[p : p + 2] in _common_words():
            continue
        if _acceptable(text[p], given, text, p + 3, strong=False) and _soft_end(text, p + 3):
            found.append((p, p + 3))
    # enumerations after a found name: 张三、李四和王五
    queue = list(found)
    while queue:
        start, end = queue.pop()
        if end < len(text) and text[end] in _LIST_SEP:
            span = _name_at(text, end + 1, blocked, strong=False)
            if span and span not in found:
                found.append(span)
                queue.append(span)
        if start >= 2 and text[start - 1] == "、":
            span = _name_before(text, start - 1, blocked)
            if span and span not in found:
                found.append(span)
                queue.append(span)
    # a name found once is a name wherever it recurs
    for name in {text[a:b] for a, b in found if b - a >= 2}:
        for m in re.finditer(re.escape(name), text):
            if not any(blocked[m.start() : m.end()]):
                found.append((m.start(), m.end()))
    return extra + [_Candidate("name", a, b, _PRIORITY["name"]) for a, b in found]


# ---------------------------------------------------------------------------------------------


def _resolve(candidates: list[_Candidate], length: int) -> list[_Candidate]:
    """Keep the best candidates that do not overlap: by priority, then the longer, then the earlier."""
    chosen: list[_Candidate] = []
    occupied = bytearray(length)
    for c in sorted(candidates, key=lambda c: (c.priority, -(c.end - c.start), c.start)):
        if c.end <= c.start or any(occupied[c.start : c.end]):
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def find_private_data(
    text: str,
    *,
    health_terms: Iterable[str] | None = None,
    extra_names: Iterable[str] = (),
) -> list[Finding]:
    """All private data in ``text`` (Art. 32), sorted by position and never overlapping.

    ``health_terms`` replaces the default list of ``data/health_terms.txt`` (lines starting with
    ``!`` are exception phrases); ``extra_names`` are names staff know must be masked wherever they
    occur (e.g. the sender's name taken from the form; names shorter than two characters are ignored).
    """
    folded = _fold(text)
    terms = load_health_terms() if health_terms is None else tuple(health_terms)
    others = _find_emails(folded) + _find_numbers(folded) + _find_plates(folded)
    others += _find_addresses(folded) + _find_health(folded, terms)
    blocked = bytearray(len(text))
    for c in others:
        blocked[c.start : c.end] = b"\x01" * (c.end - c.start)
    candidates = others + _find_names(folded, blocked, extra_names)
    return [Finding(c.kind, c.start, c.end, text[c.start : c.end]) for c in _resolve(candidates, len(text))]


def find_numbers(text: str) -> list[Finding]:
    """Only the numbers of :data:`NUMBER_KINDS` in ``text``, sorted and never overlapping.

    For the pre-publication scan of long documents (Art. 4): no name, address or health detection.
    """
    found = _find_numbers(_fold(text))
    return [Finding(c.kind, c.start, c.end, text[c.start : c.end]) for c in _resolve(found, len(text))]
