"""The reference year of a document: what ``去年`` and ``last year`` count from.

In order: the document's date; else the year it says it was written in, near its
start or end (``写于2024年5月``, ``written in March 2023``); else a year its title names (``2024 in
review``, ``我的2025年终总结``); else a year an opening phrase says the text
is about (``回首2025年``, ``这是我的2025总结``, ``looking back at 2023``).
Nothing else: a year merely mentioned in the body is not the year of
writing, and no year is ever guessed.
"""

from __future__ import annotations

import re

from ..model import Narrative
from .time_lexicon import TimeLexicon, builtin_time_lexicon
from .time_numerals import digit_sequence
from .time_values import parse_reference

__all__ = ["about_year", "reference_year", "written_year"]

#: How far into the text an "about" phrase is looked for.
OPENING_CHARS = 3000

_YEAR = r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?!\d)|(?P<cn>[一二][零〇九][零〇一二三四五六七八九]{2})"


#: A "title" that ends like a sentence (a text's first line, 2021年3月入职。) names no year the text is about.
_SENTENCE_END = re.compile(r"[。！？!?.][\s\"'”’」』)）]*\Z")

_ABOUT: dict[int, tuple[TimeLexicon, re.Pattern[str]]] = {}


def _about_re(lexicon: TimeLexicon) -> re.Pattern[str]:
    cached = _ABOUT.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        if len(_ABOUT) > 16:
            _ABOUT.clear()
        cached = _ABOUT[id(lexicon)] = (lexicon, _compile_about(lexicon))
    return cached[1]


_FOLDS: dict[int, tuple[TimeLexicon, dict[int, int]]] = {}


def _fold(lexicon: TimeLexicon) -> dict[int, int]:
    cached = _FOLDS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        if len(_FOLDS) > 16:
            _FOLDS.clear()
        cached = _FOLDS[id(lexicon)] = (lexicon, lexicon.fold_table())
    return cached[1]


def _compile_about(lexicon: TimeLexicon) -> re.Pattern[str]:
    zh = lexicon.table("zh", "cues")
    en = lexicon.table("en", "cues")

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    year = r"(?:(?P<y{n}>(?:19|20)\d\d)|(?P<cn{n}>[一二][零〇九][零〇一二三四五六七八九]{{2}}))"
    before = alt(zh.get("about_before", []) + en.get("about_before", []))
    after = alt(zh.get("about_after", []) + en.get("about_after", []))
    return re.compile(
        rf"(?:{before})\s*(?:the\s+year\s+)?{year.format(n=1)}(?!\d)"
        rf"|(?<!\d){year.format(n=2)}\s*(?:年度|年|year)?\s*(?:的\s*)?(?:{after})",
        re.IGNORECASE,
    )


def _year_of(match: re.Match[str], *names: str) -> int | None:
    for name in names:
        value = match.group(name)
        if value:
            year = int(value) if value.isdigit() else digit_sequence(value.replace("〇", "零"))
            if year is not None and 1800 <= year <= 2099:
                return year
    return None


def reference_year(narrative: Narrative, reference_date: str | None = None,
                   lexicon: TimeLexicon | None = None) -> int | None:
    """The year relative expressions count from, or ``None`` when the document does not say.

    ``reference_date`` (EDTF) wins; then ``narrative.date``; then the last
    year the title names; then the first "about" phrase in the opening of
    the text (``我的2025总结``, ``回首2025年``, ``my 2024 in review``).
    """
    for value in (reference_date, narrative.date):
        date = parse_reference(value)
        if date is not None:
            return date[0]
    return written_year(narrative, lexicon) or about_year(narrative, lexicon)


#: How far from either end of the text a statement of when it was written is looked for.
WRITTEN_CHARS = 400
_WRITTEN: dict[int, tuple[TimeLexicon, re.Pattern[str]]] = {}


def written_year(narrative: Narrative, lexicon: TimeLexicon | None = None) -> int | None:
    """The year the text says it was written in, near its start or its end
    (``写于2024年5月``, ``written in March 2023``), or ``None``."""
    lex = lexicon or builtin_time_lexicon()
    cached = _WRITTEN.get(id(lex))
    if cached is None or cached[0] is not lex:
        words = (lex.table("zh", "cues").get("written_before", []) + lex.table("en", "cues").get("written_before", []))
        if not words:
            return None
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        year = _YEAR.replace("(?P<y>", "(?P<y1>").replace("(?P<cn>", "(?P<cn1>")
        pattern = re.compile(rf"(?:{alt})\s*(?:[A-Za-z]+\.?\s+(?:\d{{1,2}},?\s+)?)?(?:{year})", re.IGNORECASE)
        if len(_WRITTEN) > 16:
            _WRITTEN.clear()
        cached = _WRITTEN[id(lex)] = (lex, pattern)
    text = narrative.text.translate(_fold(lex))
    for part in (text[:WRITTEN_CHARS], text[-WRITTEN_CHARS:]):
        m = cached[1].search(part)
        if m:
            found = _year_of(m, "y1", "cn1")
            if found is not None:
                return found
    return None


def about_year(narrative: Narrative, lexicon: TimeLexicon | None = None) -> int | None:
    """The year the text says it is about: the last year its title names (a title,
    not a first line that ends like a sentence), else an "about" phrase in its opening (``回首2025年``, ``looking back at 2023``)."""
    lex = lexicon or builtin_time_lexicon()
    fold = _fold(lex)
    if narrative.title and not _SENTENCE_END.search(narrative.title):
        title = narrative.title.translate(fold)
        years = [y for m in re.finditer(_YEAR, title) if (y := _year_of(m, "y", "cn"))]
        if years:
            return years[-1]
    opening = narrative.text[:OPENING_CHARS].translate(fold)
    m = _about_re(lex).search(opening)
    if m:
        return _year_of(m, "y1", "cn1", "y2", "cn2")
    return None
