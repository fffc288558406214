"""Hypothesis strategies shared by the privacy tests: real-looking identity and mobile numbers."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import strategies as st

from zwgk.privacy.ids import is_mobile_number, is_valid_resident_id, resident_id_check_char

TODAY = date.today()

# Common characters of citizens' letters, ASCII letters, punctuation and digits.
FILLER_ALPHABET = (
    "的是在我他了一有人这中大来上个到说们为子和你地出也时年就那要下以生会家对可她里后小心多天能好都没日于起还发成事"
    "只作想看开手用主行方又如前所本见经头面公同老从动两长知民样现分将外但身些与高意进把法此实回二理点月明其种声全工"
    "己话儿者向情部正名定女问力机给等几很业最间新打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加"
    "化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感"
    "金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字"
    "请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领深群音农近英读史失"
    "abcxyzXABC +-()，。、：；！？:;,.!?@#0123456789"
)
SEPARATORS = "，。：；、 （）()是号为的x:-"

_ID_RUN = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
_MOBILE_RUN = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    """A valid 18-character identity number: region, birth date, sequence and the right check character."""
    region = draw(st.integers(min_value=110000, max_value=829999))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    sequence = draw(st.integers(min_value=0, max_value=999))
    first17 = f"{region}{born:%Y%m%d}{sequence:03d}"
    return first17 + resident_id_check_char(first17)


@st.composite
def mobiles(draw: st.DrawFn) -> str:
    second = draw(st.sampled_from("3456789"))
    rest = draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    return f"1{second}{rest}"


@st.composite
def letters_with_numbers(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Random text with identity and mobile numbers embedded, each set off by a non-digit separator."""
    items = draw(st.lists(st.one_of(resident_ids(), mobiles()), min_size=1, max_size=4))
    filler = st.text(alphabet=FILLER_ALPHABET, max_size=25)
    parts = [draw(filler)]
    for item in items:
        parts += [draw(st.sampled_from(SEPARATORS)), item, draw(st.sampled_from(SEPARATORS)), draw(filler)]
    return "".join(parts), items


def valid_ids_in(text: str) -> list[str]:
    return [m.group() for m in _ID_RUN.finditer(text) if is_valid_resident_id(m.group())]


def mobiles_in(text: str) -> list[str]:
    return [m.group() for m in _MOBILE_RUN.finditer(text) if is_mobile_number(m.group())]


PROVINCES = ("11", "31", "44", "51", "61", "62", "64", "65")
# Separators that are neither digits nor ASCII letters (a letter glued to a number makes it a case number).
PLAIN_SEPARATORS = "，。：；、 （）()是号为的:"


@st.composite
def id_shaped_numbers(draw: st.DrawFn) -> str:
    """An 18-character number shaped like an identity number, with any check character (right or wrong)."""
    region = draw(st.sampled_from(PROVINCES)) + f"{draw(st.integers(min_value=0, max_value=9999)):04d}"
    born = draw(st.dates(min_value=date(1920, 1, 1), max_value=TODAY))
    sequence = draw(st.integers(min_value=0, max_value=999))
    return f"{region}{born:%Y%m%d}{sequence:03d}" + draw(st.sampled_from("0123456789X"))


@st.composite
def accounts(draw: st.DrawFn) -> tuple[str, str]:
    """(cue + value, value) for a WeChat id, a QQ number or a passport number."""
    kind = draw(st.sampled_from(["wechat", "qq", "passport"]))
    if kind == "wechat":
        value = draw(st.from_regex(r"[a-z][a-z0-9_]{5,15}", fullmatch=True))
        return f"微信号{value}", value
    if kind == "qq":
        value = draw(st.from_regex(r"[1-9][0-9]{5,10}", fullmatch=True))
        return f"QQ{value}", value
    value = draw(st.from_regex(r"[EG][0-9]{8}", fullmatch=True))
    return f"护照{value}", value


@st.composite
def letters_with_private_items(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Random text holding ID-shaped numbers (any check character), accounts and mobiles."""
    items = draw(
        st.lists(st.one_of(id_shaped_numbers().map(lambda n: (n, n)), accounts(), mobiles().map(lambda m: (m, m))),
                 min_size=1, max_size=4)
    )
    filler = st.text(alphabet=FILLER_ALPHABET.replace("x", "").replace("X", ""), max_size=20)
    parts = [draw(filler)]
    for written, _value in items:
        parts += [draw(st.sampled_from(PLAIN_SEPARATORS)), written, draw(st.sampled_from(PLAIN_SEPARATORS)),
                  draw(filler)]
    return "".join(parts), [value for _written, value in items]
