"""English time patterns, and the bare year (``2025``) every language writes.

Conventions mirror the Chinese ones: ``early 2022`` is read like 2022年初
(``2022-01/2022-03``), ``mid-2022`` like 年中, ``late 2022`` / ``the end of
2022`` like 年底; ``summer 2022`` is the EDTF season ``2022-22``. Words come
from ``lexicons/time/en.toml``.
"""

from __future__ import annotations

import re

from .time_atoms import DECADE_PARTS, Atom, Pattern, S, bare_year_ok, prev_char, prev_word
from .time_lexicon import TimeLexicon
from .time_numerals import english_number
from .time_values import iso_duration

#: After a bare year: the later year that closes a range ("1994 to 1998", "2010–2014").
#: Words that may follow a closing year in prose ("1994 to 1998 at the yard", "2010 to 2014 as a clerk").
_RANGE_THEN = ("as ", "at ", "in ", "for ", "with ", "when ", "and ", "i ", "we ", "she ", "he ", "they ", "on ", "while ")
_RANGE_CLOSE = re.compile(r"[ \t]*(?:to|through|until|till|[-–—~])[ \t]*(?P<y>(?:19|20)\d\d)(?![0-9])", re.IGNORECASE)

#: Before a decade: which part of it ("the early 1990s", "mid-90s", "the late '80s").
_DECADE_PART_EN = re.compile(r"(?P<the>\bthe[ \t]+)?(?P<part>\b(?:early|mid|late))(?:[ \t]+|-)\Z", re.IGNORECASE)

__all__ = ["english_patterns"]

_NUMBER_WORDS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen"
)
_VAGUE_WORDS = r"a[ \t]+few|a[ \t]+couple[ \t]+of|several|many|a[ \t]+number[ \t]+of|some"


_SIMPLE_NUMBERS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_DECADE_FULL = re.compile(r"(?:19|20)\d0|'\d0|[2-9]0")


#: Before a month: "the following March", "the next April" (the year after the one in context).
_FOLLOWING = re.compile(r"(?<![A-Za-z])[Tt]he[ \t]+(?:following|next)[ \t]+\Z")
#: Right before a month name: last March (last year's), this past March (the latest March before the
#: text was written), next March / this coming March (the first one after), that March (the story's),
#: this March (the year of writing's).
_MONTH_DEICTIC = re.compile(
    r"(?<![A-Za-z])(?:(?P<past>(?:[Tt]his[ \t]+)?[Pp]ast)|(?P<last>[Ll]ast)|(?P<next>[Nn]ext|[Tt]his[ \t]+coming)"
    r"|(?P<that>[Tt]hat)|(?P<this>[Tt]his))[ \t]+\Z"
)


def _cased(words: list[str]) -> list[str]:
    """Each word as written and with a capital first letter (sentence starts)."""
    out = []
    for word in words:
        out.append(word)
        out.append(word[:1].upper() + word[1:])
    return out


def _number_words() -> str:
    """Numbers in words, each alternative starting with a literal letter."""
    ones = "one|two|three|four|five|six|seven|eight|nine"
    multi = ["a few", "a couple of", "a number of", "one and a half", "half a", "half an", "several", "many", "some"]
    alts = [re.escape(w).replace(r"\ ", r"[ \t]+") for w in _cased(multi)]
    alts += [rf"{t}(?:[ -](?:{ones}))?" for t in _cased(_TENS)]
    singles = [w for w in _SIMPLE_NUMBERS if w not in _TENS]
    alts += [re.escape(w) for w in sorted(_cased(singles), key=len, reverse=True)]
    alts += ["an?", "An?"]
    return "|".join(alts)


def _alt(words: list[str], *, spaces: bool = True) -> str:
    out = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word)
        if spaces:
            escaped = escaped.replace(r"\ ", r"[ \t]+")
        out.append(escaped)
    return "|".join(out)


#: Before "by N years": a comparison of ages (older, the youngest … by ten years).
#: After a length in hours or minutes: a distance ("two hours away", "forty minutes' drive from").
_DISTANCE_AFTER = re.compile(r"(?:'|’|'s|’s)?[ \t]+(?:away|drive|walk|ride|commute)\b(?![ \t]+(?:to|into|through))",
                             re.IGNORECASE)
#: Right before a length: what a period is held to ("cap my week at 45 hours", "kept my day at 8 hours").
_PERIOD_AT_BEFORE = re.compile(r"\b(?:week|day|month|shift|workweek|workday)s?[ \t]+at[ \t]+\Z", re.IGNORECASE)
_AGE_GAP_BEFORE = re.compile(r"\b(?:old|older|oldest|young|younger|youngest|senior|junior|elder|eldest)\b[^.!?;\n]*$",
                             re.IGNORECASE)
#: After "N-hour": the span it is counted in (60-hour weeks, a 12-hour day).
_PER_SPAN_AFTER = re.compile(r"[ \t]+(?:work[ \t]*)?(?:weeks?|days?|workweeks?)\b", re.IGNORECASE)


#: After "N-day": the week it is counted in (a four-day week).
_WEEK_AFTER = re.compile(r"[ \t]+(?:work[ \t]*)?(?:weeks?|workweeks?)\b", re.IGNORECASE)
#: After "N-minute": a noun it describes (a 15-minute call, a 5-minute walk).
#: After "since <month>": a present perfect, a state lasting up to the time of writing.
_PERFECT_AFTER = re.compile(r"[ \t,]+(?:I|we|she|he|they|it)(?:'ve|’ve|'s|’s| have| has)(?: been)?\b", re.IGNORECASE)
#: After a month name: the year it is of, told relative to the year of writing (March last year).
_OF_YEAR = re.compile(r"[ \t]+(?:of[ \t]+)?(this|last|next)[ \t]+year\b", re.IGNORECASE)
#: Before a bare year told by what follows it (then 2020 happened): the start of a clause.
_YEAR_AFTER_LEADS = frozenset({"", "then", "when", "once", "as", "but", "so", "until", "before", "after", "and"})
_NOUN_AFTER = re.compile(r"[ \t]+[a-z]", re.IGNORECASE)
#: After "30-year", "5-year": a loan, a bond or a rate named by its term (a 30-year mortgage, the 5-year fixed).
_TERM_AFTER = re.compile(r"[ \t]+(?:(?:fixed|variable|adjustable|amortizing|interest-only)[ \t]+)?"
                         r"(?:mortgage|loan|bond|treasury|treasuries|note|fixed|ARM|CD|swap|yield|rate|warranty|guarantee)s?\b",
                         re.IGNORECASE)


class _English:
    """The English patterns built from one lexicon."""

    def __init__(self, lexicon: TimeLexicon) -> None:
        lx = lexicon
        self.months = {k: int(v) for k, v in lx.table("en", "months").items()}
        cues = lx.table("en", "month_cues")
        self.ambiguous_months = set(cues.get("ambiguous", []))
        self.month_cues = {w.lower() for w in cues.get("before", [])}
        self.year_parts = {k.lower(): tuple(v) for k, v in lx.table("en", "year_parts").items()}
        self.month_parts = {k.lower(): tuple(v) for k, v in lx.table("en", "month_parts").items()}
        self.seasons = {k.lower(): int(v) for k, v in lx.table("en", "seasons").items()}
        self.quarters = {k.lower(): int(v) for k, v in lx.table("en", "quarters").items()}
        self.quarter_months = {int(k): tuple(v) for k, v in lx.table("zh", "quarters").items()}
        self.rel_years = {k.lower(): int(v) for k, v in lx.table("en", "relative_years").items()}
        self.ana_years = {k.lower(): int(v) for k, v in lx.table("en", "anaphoric_years").items()}
        self.rel_months = {k.lower(): int(v) for k, v in lx.table("en", "relative_months").items()}
        self.rel_weeks = {k.lower(): int(v) for k, v in lx.table("en", "relative_weeks").items()}
        self.rel_days = {k.lower(): int(v) for k, v in lx.table("en", "relative_days").items()}
        self.deictic = [w.lower() for w in lx.words("en", "deictic")]
        season_before = lx.table("en", "season_before")
        self.season_words: dict[str, str] = {}
        for how in ("relative", "anaphoric", "following", "unresolved"):
            for word in season_before.get(how, []):
                self.season_words[" ".join(str(word).lower().split())] = how
        self.units: dict[str, tuple[int, str]] = {}
        for word, spec in lx.table("en", "units").items():
            spec = str(spec)
            digits = spec.rstrip("YMWDTHS")
            self.units[word.lower()] = (int(digits) if digits else 1, spec[len(digits):])
        c = lx.table("en", "cues")
        self.frequency = {w.lower() for w in c.get("frequency", [])}
        self.article_before = {w.lower() for w in c.get("article_before", [])}
        self.age_after = [w.lower() for w in c.get("age_after", [])]
        pay_verbs = [w.lower() for w in c.get("pay_verbs", [])]
        self.pay_in_before = (re.compile(rf"(?<![A-Za-z])(?:{_alt(pay_verbs)})[ \t]+in[ \t]+\Z", re.IGNORECASE)
                              if pay_verbs else None)
        self.off_after = re.compile(rf"[ \t]+(?:{_alt([w.lower() for w in c.get('off_after', [])])})(?![A-Za-z])",
                                    re.IGNORECASE)
        self.length_before = re.compile(
            rf"(?<![A-Za-z])(?:{_alt([w.lower() for w in c.get('length_before', [])])})[ \t]+\Z", re.IGNORECASE
        )
        self.rate_re = re.compile(
            rf"[ \t]+(?:{_alt([w.lower() for w in c.get('rate_after', [])])})[ \t]+"
            r"(?:day|week|month|year|quarter|fortnight)\b",
            re.IGNORECASE,
        )
        self.year_cues = frozenset(w.lower() for w in c.get("year_before", []))
        self.year_after = re.compile(rf"[ \t]+(?:{_alt(c.get('year_after', []))})\b") if c.get("year_after") else None
        judged = c.get("year_judged_after", [])
        self.year_judged = re.compile(rf"[ \t]+(?:{_alt(judged)})\b", re.IGNORECASE) if judged else None
        not_year = lx.table("zh", "not_year")
        self.not_year_after = tuple(not_year.get("after", []))
        self.not_year_before = frozenset(not_year.get("before", []))

        # Each pattern starts with literal words or one character class (no \\b, no
        # IGNORECASE up front) so the regex engine skips quickly to candidates;
        # word starts are checked in the handlers.
        month_alt = _alt(list(self.months), spaces=False)
        month_tail = (
            rf"(?:,?{S}(?:of[ \t]+)?(?P<y>(?:1[89]|20)\d\d)(?!\d))?"
        )
        self.month_res = [
            re.compile(
                rf"(?P<mon>{month_alt})(?![A-Za-z])(?:\.(?={S}\d))?"
                rf"(?:[ \t]+(?:the[ \t]+)?(?P<d>\d\d?)(?:st|nd|rd|th)?(?![\d:]))?" + month_tail
            ),
            re.compile(
                rf"(?P<d>\d\d?)(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<mon>{month_alt})(?![A-Za-z])"
                rf"(?:\.(?={S}\d))?" + month_tail
            ),
        ]
        part_words = sorted(set(self.year_parts) | set(self.month_parts), key=len, reverse=True)
        season_alt = _alt(list(self.seasons))
        quarter_alt = _alt(list(self.quarters))
        # Words before a year or a month that narrow it: early 2022, the summer of 2022, Q3 2022.
        self.prefix_re = re.compile(
            rf"(?:(?P<part>{_alt(part_words)})[ \t]*-?[ \t]*(?:of[ \t]+)?"
            rf"|(?:the[ \t]+)?(?P<season>{season_alt})(?:[ \t]+of)?[ \t]+"
            rf"|(?P<q>Q[1-4]|H[12])(?:[ \t]+of)?[ \t]+"
            rf"|the[ \t]+(?P<qw>{quarter_alt})[ \t]+quarter[ \t]+of[ \t]+"
            rf")(?:in[ \t]+)?\Z",
            re.IGNORECASE,
        )
        self.prefix_tails = {w.split()[-1].lower() for w in part_words} | set(self.seasons) | {
            "of", "in", "q1", "q2", "q3", "q4", "h1", "h2"}
        self.year_re = re.compile(r"(?:19[5-9]|20[0-6])\d")
        self.suffix_re = re.compile(rf"{S}-?{S}(?P<q>Q[1-4]|H[12])(?![0-9A-Za-z])")
        rel_words = (list(self.rel_years) + list(self.ana_years) + list(self.rel_months)
                     + list(self.rel_weeks) + list(self.rel_days) + self.deictic)
        self.rel_res = [
            re.compile(rf"(?P<w>{_alt(_cased(rel_words))})(?![A-Za-z])"),
            re.compile(rf"(?P<srel>{_alt(_cased(list(self.season_words)))})[ \t]+(?P<season>(?i:{season_alt}))"
                       r"(?![A-Za-z])"),
            re.compile(rf"[Tt]he[ \t]+(?P<qw>{quarter_alt})[ \t]+quarter(?![A-Za-z])"),
            # the end of the year, the first half of the year: a part of the year in context (like 年底)
            re.compile(rf"(?P<ypart>{_alt(_cased([w for w in self.year_parts if w.endswith(' of')]))})[ \t]+"
                       r"the[ \t]+year(?![A-Za-z])(?![ \t]+(?:before|after|of|that|when|in[ \t]+which|\d))"),
        ]
        unit_alt = _alt([u + "s" for u in self.units] + list(self.units), spaces=False)
        adjectives = [w.lower() for w in lx.table("en", "cues").get("unit_adjectives", [])]
        between = rf"(?:[ \t]+(?i:{_alt(adjectives)}))?" if adjectives else ""
        unit = rf"{between}(?:[ \t]+|[ \t]*-[ \t]*)(?P<unit>(?i:{unit_alt}))(?![A-Za-z])"
        after = r"(?P<half>[ \t]+and[ \t]+a[ \t]+half)?(?P<dir>[ \t]+(?:ago|later|earlier|before|after))?"
        self.duration_res = [
            re.compile(rf"(?P<num>\d[\d.]*){unit}{after}"),
            re.compile(rf"(?P<num>{_number_words()}){unit}{after}"),
        ]
        range_unit = rf"(?:[ \t]+|[ \t]*-[ \t]*)(?P<unit>(?i:{unit_alt}))(?![A-Za-z])"
        second = rf"[ \t]*(?:-|–|—|to|or|(?P<and>and))[ \t]*(?P<n2>\d+|(?i:{_NUMBER_WORDS}))"
        self.range_res = [
            re.compile(rf"(?P<n1>\d\d*){second}{range_unit}"),
            re.compile(rf"(?P<n1>{_alt(_cased(_SIMPLE_NUMBERS))}){second}{range_unit}"),
        ]
        self.decade_re = re.compile(r"(?P<dec>[12'2-9][0-9]{1,3})'?s(?![A-Za-z])")
        cues_before = _alt(_cased(["in", "during", "by", "over", "through", "until", "till"]))
        whole = _alt(_cased(["all", "the whole", "the entire", "that whole", "that entire"]))
        self.lone_season_re = re.compile(
            rf"(?:(?:{cues_before})[ \t]+(?P<t>(?:the[ \t]+)?(?P<season>(?i:{season_alt})))"
            rf"|(?P<w>(?:{whole})[ \t]+(?P<wseason>(?i:{season_alt}))))(?![A-Za-z])"
        )
        self.short_year_re = re.compile(r"['‘’](?P<yy>\d\d)(?![\d'‘’A-Za-z%])")

    # --- look-back ----------------------------------------------------------

    def _prefix(self, text: str, start: int) -> re.Match[str] | None:
        i = start - 1
        while i >= 0 and text[i] in " \t-":
            i -= 1
        j = i
        while j >= 0 and text[j].isascii() and text[j].isalnum():
            j -= 1
        if text[j + 1 : i + 1].lower() not in self.prefix_tails:
            return None
        return self.prefix_re.search(text, max(0, start - 40), start)

    def _apply_prefix(self, atom: Atom, text: str, *, month: bool) -> None:
        m = self._prefix(text, atom.start)
        if m is None:
            return
        if m.group("part"):
            part = " ".join(m.group("part").lower().split())
            if month:
                if part not in self.month_parts or atom.day is not None:
                    return
                atom.days = self.month_parts[part]
            else:
                if part not in self.year_parts:
                    return
                atom.months = self.year_parts[part]
        elif month:
            return
        elif m.group("season"):
            atom.season = self.seasons[m.group("season").lower()]
        elif m.group("q"):
            q = m.group("q").upper()
            if q[0] == "Q":
                atom.months = self.quarter_months[int(q[1])]
            else:
                atom.months = (1, 6) if q[1] == "1" else (7, 12)
        elif m.group("qw"):
            atom.months = self.quarter_months[self.quarters[m.group("qw").lower()]]
        atom.start = m.start()
        atom.rule += "+part"

    # --- handlers -----------------------------------------------------------

    def month(self, m: re.Match[str], text: str) -> Atom | None:
        start = m.start()
        before = prev_char(text, start)
        if before.isascii() and before.isalnum():
            return None
        name = m.group("mon")
        day_text = m.group("d")
        year_text = m.group("y")
        if day_text and not 1 <= int(day_text) <= 31:
            return None
        day_first = m.start("mon") > start
        if day_first and name == "May" and not year_text and prev_word(text, m.start("mon")) != "of":
            return None
        if not day_text and not year_text and name in self.ambiguous_months:
            word = prev_word(text, start)
            if word not in self.month_cues and not self._prefix(text, start):
                return None
        atom = Atom(start, m.end(), "en-date", month=self.months[name])
        if day_text:
            atom.day = int(day_text)
        if year_text:
            atom.year = int(year_text)
        self._apply_prefix(atom, text, month=True)
        if not year_text and not day_first:
            following = _FOLLOWING.search(text, max(0, start - 20), start)
            deictic = _MONTH_DEICTIC.search(text, max(0, start - 16), start) if atom.start == start else None
            if deictic and prev_word(text, deictic.start()) in ("the", "a", "every", "each"):
                deictic = None  # the last May I remember, every past March
            if following:  # the following March: March of the year after the one in context
                atom.start, atom.ana_year, atom.rule = following.start(), 1, "en-following-month"
            elif deictic:
                atom.start = deictic.start()
                if deictic.group("last"):
                    atom.rel_year, atom.rule = -1, "en-last-month"  # last October: last year's
                elif deictic.group("past"):
                    atom.recent, atom.rule = -1, "en-recent-month"  # this past January
                elif deictic.group("next"):
                    atom.recent, atom.rule = 1, "en-recent-month"  # next March
                elif deictic.group("this"):
                    atom.rel_year, atom.rule = 0, "en-this-month"  # this January: of the year of writing
                else:
                    atom.rule = "en-that-month"  # that July: the story's
            elif prev_word(text, start) == "since" and _PERFECT_AFTER.match(text, atom.end):
                atom.recent, atom.rule = -1, "en-since-month"  # since January I've been: up to now
            of_year = _OF_YEAR.match(text, atom.end)
            if of_year is not None and not deictic and not following:
                atom.end = of_year.end()  # "in March last year", "January of this year": one month
                atom.rel_year = {"this": 0, "last": -1, "next": 1}[of_year.group(1).lower()]
                atom.rule = "en-month-of-year"
        return atom

    def _opens_range(self, text: str, start: int, end: int) -> bool:
        """``ran 1994 to 1998``, ``worked there 2010–2014``: a year that a later year closes (not
        ``sold 1994 to 1998 units``: the closing number counts something)."""
        before = prev_char(text, start)
        if before and (before.isalnum() or before in "$¥￥#@.,/\\:+-–—~"):
            return False
        closing = _RANGE_CLOSE.match(text, end)
        if closing is None or text[start : start + 2] not in ("19", "20"):
            return False
        rest = text[closing.end() : closing.end() + 12].lstrip(" \t").lower()
        if rest[:1].isalnum() and not rest.startswith(_RANGE_THEN):
            return False
        return int(text[start:end]) < int(closing.group("y")) <= int(text[start:end]) + 60

    def year(self, m: re.Match[str], text: str) -> Atom | None:
        start, end = m.span()
        atom = Atom(start, end, "bare-year", year=int(m.group(0)))
        if self._prefix(text, start):
            after = text[end : end + 1]
            if after.isascii() and after.isalnum() or after == "%":
                return None
            self._apply_prefix(atom, text, month=False)
        elif not bare_year_ok(text, start, end, self.not_year_after, self.not_year_before, self.year_cues) and not (
                self.year_after is not None and self.year_after.match(text, end)
                and prev_word(text, start) in _YEAR_AFTER_LEADS) and not (
                self.year_judged is not None and self.year_judged.match(text, end)
                and text[start : start + 2] in ("19", "20")) and not self._opens_range(text, start, end):
            return None  # (then 2020 happened, when 2008 hit: a year; sold 2020 hit singles: a count;
            # "under me 2016 was bad", a transcript's run-on: a year judged; ran 1994 to 1998: a range)
        if atom.months is None and atom.season is None:
            suffix = self.suffix_re.match(text, end)
            if suffix:
                q = suffix.group("q")
                atom.months = self.quarter_months[int(q[1])] if q[0] == "Q" else ((1, 6) if q[1] == "1" else (7, 12))
                atom.end = suffix.end()
        return atom

    def relative(self, m: re.Match[str], text: str) -> Atom | None:
        before = prev_char(text, m.start())
        if before.isascii() and before.isalnum():
            return None
        g = m.groupdict().get
        atom = Atom(m.start(), m.end(), "en-relative")
        if g("qw"):
            atom.months = self.quarter_months[self.quarters[m.group("qw").lower()]]
            atom.rule = "en-quarter"
            return atom
        if g("ypart"):
            atom.months = self.year_parts[" ".join((g("ypart") or "").lower().split())]
            atom.rule = "en-year-part"
            return atom
        if g("srel"):
            how = self.season_words.get(" ".join((g("srel") or "").lower().split()))
            if how == "relative":
                atom.rel_year = 0  # this summer
            elif how == "anaphoric":
                atom.ana_year = 0  # that summer
            elif how == "following":
                atom.ana_year = 1  # the next spring: the spring after the year in context
            elif (g("srel") or "").lower().split() == ["last"] and (g("season") or "").lower() != "winter":
                atom.rel_year = -1  # last summer: last year's, if written before this one ended
                atom.rule = "en-last-season"
            elif (g("srel") or "").lower().split() == ["next"] and (g("season") or "").lower() != "winter":
                atom.rel_year = 0  # next fall: this year's, if written before it began
                atom.rule = "en-next-season"
            else:
                atom.kind = "none"  # last summer: which one depends on when it was written
                return atom
            atom.season = self.seasons[(g("season") or "").lower()]
            return atom
        word = " ".join((g("w") or "").lower().split())
        if word in self.rel_years:
            atom.rel_year = self.rel_years[word]
            self._apply_prefix(atom, text, month=False)
        elif word in self.ana_years:
            atom.ana_year = self.ana_years[word]
            self._apply_prefix(atom, text, month=False)  # the end of that year, early the next year
        elif word in self.rel_months or word in self.rel_weeks or word in self.rel_days:
            if prev_word(text, m.start()) == "the" and word.startswith(("next", "following")):
                atom.kind = "none"  # the next week: counted from the story, not from today
                atom.rule = "en-anaphoric"
                return atom
            if word in self.rel_months:
                atom.shift = ("M", self.rel_months[word])
            elif word in self.rel_weeks:
                atom.shift = ("W", self.rel_weeks[word])
            else:
                atom.shift = ("D", self.rel_days[word])
        else:
            atom.kind = "none"
            atom.rule = "en-deictic"
        return atom

    def duration(self, m: re.Match[str], text: str) -> Atom | None:
        start, end = m.span()
        before = prev_char(text, start)
        if before.isascii() and before.isalnum() or before == ".":
            return None
        num = " ".join(m.group("num").lower().split())
        unit = m.group("unit").lower()
        plural = unit not in self.units and unit.endswith("s")
        unit = unit[:-1] if plural else unit
        if unit not in self.units:
            return None
        if plural and num in ("a", "an") and not m.group("half"):
            return None  # "a days position", "an hours drive": a shift or a size, not one day
        times, designator = self.units[unit]
        direction = (m.group("dir") or "").strip().lower()
        word_before = prev_word(text, start)
        if word_before in self.frequency:
            return None  # every two weeks
        after = text[end : end + 12].lower()
        if any(after.lstrip(" -").startswith(w) for w in self.age_after):
            return None  # 30 years old, a 3-year-old
        if word_before == "by" and _AGE_GAP_BEFORE.search(text, max(0, start - 40), start):
            return None  # the oldest apprentice by twenty years: an age gap
        if designator in ("TH", "TM") and _DISTANCE_AFTER.match(text, end):
            return None  # two hours away, forty minutes' drive: how far, not a time told
        if word_before == "at" and _PERIOD_AT_BEFORE.search(text, max(0, start - 20), start):
            return None  # cap my week at 45 hours: an amount per week, not a time told
        if word_before == "in" and self.pay_in_before and self.pay_in_before.search(text, max(0, start - 24), start):
            return None  # more than my father made in a year: a rate of pay
        atom = Atom(start, end, "en-duration", kind="duration")
        said = text[start:end].lower()
        if ((said.endswith(("-hour", "-hours")) and _PER_SPAN_AFTER.match(text, end))
                or (said.endswith("-day") and _WEEK_AFTER.match(text, end))):
            atom.kind = "none"
            atom.rule = "en-rate"  # 60-hour weeks, 12-hour days, a four-day week: a rate, not a length of time
            return atom
        if designator == "TM" and after.lstrip(" ·-").startswith("read"):
            atom.kind = "none"
            atom.rule = "en-attribute"  # "8 min read" under a blog title: the post's length, not a time told
            return atom
        if said.endswith(("-year", "-month")) and _TERM_AFTER.match(text, end):
            atom.kind = "none"
            atom.rule = "en-attribute"  # a 30-year mortgage, the 5-year fixed: a loan's term, not a time told
            return atom
        if said.endswith(("-minute", "-second", "-hour")) and _NOUN_AFTER.match(text, end):
            atom.kind = "none"  # a 15-minute calendar invite, 12-hour shifts, an eight-hour flight:
            atom.rule = "en-attribute"  # the size of a thing, not a time told
            return atom
        if re.fullmatch(_VAGUE_WORDS, num):
            atom.kind = "none"
            atom.rule = "en-vague"
            return atom
        off = None if direction else self.off_after.match(text, end)
        if off is not None:
            atom.end = off.end()  # "a week off", "two months off": the time off is what is told
        if num in ("a", "an"):
            if (word_before not in self.article_before and direction not in ("ago", "later") and not m.group("half")
                    and off is None):
                return None  # twice a year, $90k a year (but: a week off)
            amount = 1.0
        elif num.startswith("half"):
            amount = 0.5
        elif num.startswith("one and"):
            amount = 1.5
        elif num[0].isdigit():
            try:
                amount = float(num)
            except ValueError:
                return None
        else:
            value = english_number(num)
            if value is None:
                return None
            amount = float(value)
        if m.group("half"):
            amount += 0.5
        amount *= times
        if direction == "ago":
            if amount != int(amount) or designator.startswith("T"):
                atom.kind = "none"
                return atom
            atom.kind = "date"
            atom.rule = "en-ago"
            atom.shift = (designator, -int(amount))
            return atom
        if direction in ("before", "after"):
            atom.end = m.start("dir")
        if not direction and self.rate_re.match(text, end) and not self.length_before.search(
                text, max(0, start - 12), start):
            atom.kind = "none"
            atom.rule = "en-rate"  # four days a week
            return atom
        atom.parts = ((amount, designator),)
        atom.duration = iso_duration(list(atom.parts))
        if atom.duration is None:
            atom.kind = "none"
        return atom

    def range_duration(self, m: re.Match[str], text: str) -> Atom | None:
        before = prev_char(text, m.start())
        if before.isascii() and before.isalnum():
            return None
        if m.group("and") and prev_word(text, m.start()) != "between":
            return None  # 3 and 4 hours: only "between 3 and 4 hours" is a range
        return Atom(m.start(), m.end(), "en-duration-range", kind="none")

    def decade(self, m: re.Match[str], text: str) -> Atom | None:
        before = prev_char(text, m.start())
        if before.isascii() and before.isalnum():
            return None
        dec = m.group("dec")
        if not _DECADE_FULL.fullmatch(dec):
            return None
        atom = Atom(m.start(), m.end(), "en-decade")
        part = _DECADE_PART_EN.search(text, max(0, m.start() - 12), m.start())
        if len(dec) == 4:
            atom.decade = dec[:3] + "X"
        elif dec.startswith("'"):
            atom.two_digit_decade = int(dec[1:])
        elif (text[max(0, m.start() - 4) : m.start()].lower() == "the "
              or (part is not None and part.group("the"))):
            atom.two_digit_decade = int(dec)
        else:
            return None  # in her 30s: an age
        if part is not None:
            atom.start = part.start("part")
            atom.decade_part = DECADE_PARTS[part.group("part").lower()]  # the early 1990s
        return atom

    def lone_season(self, m: re.Match[str], text: str) -> Atom | None:
        """``in the fall``, ``by spring``: a season of the story's year (not ``the fall of Rome``)."""
        before = prev_char(text, m.start())
        if before.isascii() and before.isalnum():
            return None
        if re.match(r"[ \t]+of\b", text[m.end() : m.end() + 4]):
            return None  # the fall of …: a year after it is read by the year pattern
        if m.group("w"):  # all summer, the whole summer: the season of the story's year
            atom = Atom(m.start("w"), m.end(), "en-season", season=self.seasons[m.group("wseason").lower()])
            if m.group("w").lower().startswith("that"):
                atom.ana_year = 0
            return atom
        return Atom(m.start("t"), m.end(), "en-season", season=self.seasons[m.group("season").lower()])

    def short_year(self, m: re.Match[str], text: str) -> Atom | None:
        """``'21``: a year in two digits (``'90s`` is a decade, ``5'11`` a height)."""
        before = prev_char(text, m.start())
        if before.isalnum():
            return None
        after = text[m.end() : m.end() + 2]
        if after[:1] in (".", ",", ":") and after[1:2].isdigit():
            return None  # '21.5
        atom = Atom(m.start(), m.end(), "en-two-digit-year", two_digit=int(m.group("yy")))
        if self._prefix(text, m.start()):
            self._apply_prefix(atom, text, month=False)  # the summer of '15, late '19
        return atom

    def patterns(self) -> tuple[list[Pattern], list[Pattern]]:
        everywhere: list[Pattern] = [(self.year_re, self.year), (self.short_year_re, self.short_year)]
        in_latin_runs: list[Pattern] = [(r, self.month) for r in self.month_res]
        in_latin_runs += [(r, self.relative) for r in self.rel_res]
        in_latin_runs += [(r, self.duration) for r in self.duration_res]
        in_latin_runs += [(r, self.range_duration) for r in self.range_res]
        in_latin_runs.append((self.decade_re, self.decade))
        in_latin_runs.append((self.lone_season_re, self.lone_season))
        return everywhere, in_latin_runs


def english_patterns(lexicon: TimeLexicon) -> tuple[list[Pattern], list[Pattern]]:
    """The English patterns, built from ``lexicon``: those run on the whole text (the bare
    year ``2025``, written in every language) and those only worth running where there are
    Latin letters."""
    return _English(lexicon).patterns()
