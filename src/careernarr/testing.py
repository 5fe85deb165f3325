"""A contract kit for parser-plugin authors: check your parser in your own tests.

careernarr trusts a parser to keep four promises: its ``sniff`` is cheap,
never raises and scores its own format above every other; every span it
makes lies inside the text; no visible character of the input is lost; and
what it returns survives the JSON contract (round trip and schema). Bad input
must raise a careernarr error, never anything else. This module checks those
promises and fails with assertion messages that say which promise broke,
for which sample, and where.

Usage, in a plugin's ``tests/test_myformat.py``::

    from pathlib import Path

    from careernarr.testing import check_parser, sample
    from careernarr_myformat import MyFormatParser

    FIXTURES = Path(__file__).parent / "fixtures"

    def test_contract() -> None:
        narratives = check_parser(
            MyFormatParser(),
            [FIXTURES / "good.myf", sample(FIXTURES / "cues.myf", visible_text="Hello\\nworld")],
            others=["a plain paragraph of some other format"],
            bad=[FIXTURES / "broken.myf"],
        )
        assert narratives[0].title == "My title"

Samples are paths, raw ``bytes``, :class:`~careernarr.source.Source` objects,
``str`` text, or :func:`sample` values. Use :func:`sample` with
``visible_text`` when the format carries markup or timings that are structure,
not words (subtitle timings, JSON keys): then "no text lost" is checked
against that visible text instead of the whole decoded file.

``check_parser`` runs every check below; each is also usable on its own:
:func:`check_sniff`, :func:`check_sniff_never_raises`, :func:`check_detected`,
:func:`check_narrative` (spans, text kept, JSON round trip, schema),
:func:`check_parse`, :func:`check_errors`. The "other formats" every sniff is
compared with are :data:`BUILTIN_SAMPLES` (one small document per built-in
format) plus the ``others`` you pass.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Union

import attrs
from attrs import frozen

from . import hookimpl
from .errors import CareerNarrError, ParseError
from .hookspecs import Parser
from .model import Narrative, Span
from .plugins import Host
from .source import Source, read_source

__all__ = [
    "BUILTIN_SAMPLES",
    "Sample",
    "SampleLike",
    "check_detected",
    "check_errors",
    "check_json_round_trip",
    "check_narrative",
    "check_parse",
    "check_parser",
    "check_sniff",
    "check_sniff_never_raises",
    "check_spans",
    "check_text_kept",
    "sample",
]


@frozen
class Sample:
    """One input for the checks: its decoded source and, optionally, its visible text."""

    source: Source
    visible_text: str | None = None

    @property
    def label(self) -> str:
        """How assertion messages name this sample."""
        if self.source.path:
            return self.source.path
        head = self.source.text[:40].replace("\n", "⏎")
        return f"{self.source.name} {head!r}"


SampleLike = Union[str, bytes, "os.PathLike[str]", Source, Sample]


def sample(value: SampleLike, *, visible_text: str | None = None, name: str | None = None) -> Sample:
    """A :class:`Sample` from a path, ``bytes``, text or a :class:`Source`.

    ``visible_text`` is what a reader of the document sees (for formats whose
    file holds markup or timings that are structure, not words); the
    "no text lost" check then uses it instead of the decoded file.
    """
    if isinstance(value, Sample):
        return Sample(value.source, visible_text if visible_text is not None else value.visible_text)
    if isinstance(value, Source):
        return Sample(value, visible_text)
    return Sample(read_source(value, name=name), visible_text)


def _samples(values: Iterable[SampleLike]) -> list[Sample]:
    return [sample(v) for v in values]


#: One small document per built-in format (and two generic kinds of file),
#: the "other formats" every parser's sniff must score below its own samples.
BUILTIN_SAMPLES: Mapping[str, str] = {
    "essay": (
        "我的2024：从大厂到小团队\n\n"
        "今年春天，我离开了待了六年的公司。走的那天没有告别会，只是把工牌放在前台。\n\n"
        "下半年加入了一个十几人的团队，做自己一直想做的产品。累，但每天都知道为什么累。\n\n"
        "最后更新于 2024年12月31日\n"
    ),
    "transcript": (
        "Timestamp: 2024-06-02 20:15\n"
        "Title: 离职一年后的真实感受 BV1xK4y1m7Qa\n"
        "URL: https://www.bilibili.com/video/BV1xK4y1m7Qa\n"
        "Status: done\n"
        "Duration: 12:41\n\n"
        "Description:\n聊聊裸辞之后这一年。\n\n"
        "Content:\n大家好，今天聊聊我裸辞之后的这一年……\n"
    ),
    "article": (
        "程序员职业倦怠的成因分析\n\n"
        "摘要：本文通过二十份访谈，分析了长期加班与职业倦怠的关系。\n\n"
        "关键词：职业倦怠；加班；访谈\n\n"
        "一、引言\n近年来，互联网行业的工作强度持续上升。\n"
    ),
    "frontmatter": (
        "---\n"
        "title: Notes from a career-change talk\n"
        "date: 2023-09-14\n"
        "speaker: Dana Whitfield\n"
        "tags: [career-change, teaching]\n"
        "---\n\n"
        "# Why I left consulting\n\n"
        "After eight years of consulting I burned out and started teaching maths.\n"
    ),
    "forum": (
        "# 三十五岁被裁之后怎么办\n\n"
        "上个月公司裁员，我在名单里。有房贷，孩子刚上小学。\n\n"
        "---\n\n"
        "先别急着投简历，把这几年做过的项目整理一下。\n\n"
        "---\n\n"
        "@lzw #1 我也是去年被裁的，后来转去做了外包。\n"
    ),
    "markdown": (
        "# Quarterly retro\n\n"
        "## What went well\n\n"
        "- Shipped the billing migration two weeks early.\n"
        "- Mentored a new hire through her first on-call.\n\n"
        "## What to change\n\n"
        "Stop taking meetings after 6pm.\n"
    ),
    "html": (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Why I quit my startup</title></head>\n"
        "<body><article><h1>Why I quit my startup</h1>\n"
        "<p>In March 2022 I handed the keys to my co-founder.</p>\n"
        "<p>Read <a href=\"https://example.org/part-2\">part two</a>.</p></article></body></html>\n"
    ),
    "text": (
        "Notes, Tuesday\n\nInterview went fine. They asked about the gap year; I told the truth.\n"
    ),
    "json": '{"name": "Ada", "work": [{"company": "Acme", "startDate": "2019-04"}]}\n',
    "csv": "date,company,role\n2019-04-01,Acme,Engineer\n2022-08-15,Globex,Lead\n",
}

# Inputs a sniff must survive without raising.
_HOSTILE: tuple[str, ...] = (
    "",
    " \n\n\t",
    "\x00\x01\x02 binary-ish \x7f",
    "x" * 20000,
    "\n" * 5000,
    "{",
    "---\n",
    "WEBVTT",
    "1\n",
    "作者:",
    "[",
    "-->",
    "\ufffd" * 100,
)


def _builtin_others(parser: Parser) -> list[Sample]:
    return [
        Sample(Source(text, name=f"<built-in {name} sample>"))
        for name, text in BUILTIN_SAMPLES.items()
        if name != parser.name
    ]


# -- sniff ---------------------------------------------------------------------


def _score(parser: Parser, s: Sample) -> float:
    try:
        score = parser.sniff(s.source)
    except Exception as exc:  # the contract: sniff never raises
        raise AssertionError(
            f"{parser.name}.sniff raised {type(exc).__name__}: {exc} on {s.label}; "
            "sniff must never raise (return 0.0 when unsure)"
        ) from exc
    assert isinstance(score, int | float) and not isinstance(score, bool), (
        f"{parser.name}.sniff returned {score!r} on {s.label}; expected a float from 0.0 to 1.0"
    )
    assert 0.0 <= score <= 1.0, f"{parser.name}.sniff returned {score} on {s.label}; expected 0.0 … 1.0"
    return float(score)


def check_sniff_never_raises(parser: Parser) -> None:
    """``parser.sniff`` returns a number in [0, 1] on empty, binary-ish, huge and truncated inputs."""
    for text in _HOSTILE:
        _score(parser, Sample(Source(text, name="<hostile input>")))


def check_sniff(
    parser: Parser,
    samples: Iterable[SampleLike],
    *,
    others: Iterable[SampleLike] = (),
    builtin_others: bool = True,
) -> dict[str, float]:
    """Every own sample scores above 0 and above every other format's sample.

    ``others`` are samples of other formats; with ``builtin_others`` the
    :data:`BUILTIN_SAMPLES` are added (all but the one named like the
    parser). Returns the score of each own sample by label.
    """
    own = _samples(samples)
    assert own, f"check_sniff({parser.name}): give at least one sample of the format"
    foreign = _samples(others) + (_builtin_others(parser) if builtin_others else [])
    own_scores = {s.label: _score(parser, s) for s in own}
    for label, score in own_scores.items():
        assert score > 0.0, f"{parser.name}.sniff scored its own sample {label} 0.0; it must recognise it"
    lowest_label, lowest = min(own_scores.items(), key=lambda kv: kv[1])
    for other in foreign:
        score = _score(parser, other)
        assert score < lowest, (
            f"{parser.name}.sniff scored another format's sample {other.label} {score}, not below "
            f"its own sample {lowest_label} ({lowest}); sniff must be high only on its own format"
        )
    return own_scores


class _OnePlugin:
    """A plugin object offering one parser (for a test host)."""

    def __init__(self, parser: Parser) -> None:
        self._parser = parser

    @hookimpl
    def careernarr_parsers(self) -> Sequence[Parser]:
        return [self._parser]


def _host_with(parser: Parser) -> Host:
    """A host with the built-in parsers and ``parser`` (no entry-point plugins)."""
    return Host.create(entry_points=False, plugins=[_OnePlugin(parser)])


def check_detected(parser: Parser, samples: Iterable[SampleLike]) -> None:
    """With the built-in parsers loaded too, detection picks ``parser`` for each sample."""
    host = _host_with(parser)
    for s in _samples(samples):
        scores = host.scores(s.source)
        mine = next(score for score, name in scores if name == parser.name)
        picked = host.detect(s.source).name
        assert picked == parser.name, (
            f"format detection picks {picked!r} over {parser.name!r} for {s.label} "
            f"(scores: {', '.join(f'{n} {v:.3g}' for v, n in scores[:4])}; {parser.name} {mine:.3g}); "
            f"raise {parser.name}.sniff on its own format or lower the other parser's"
        )


# -- the narrative ---------------------------------------------------------------


def _metadata_spans(value: Any, path: str = "metadata") -> Iterator[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            where = f"{path}[{key!r}]"
            if key == "span":
                yield where, item
            else:
                yield from _metadata_spans(item, where)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _metadata_spans(item, f"{path}[{i}]")


def check_spans(narrative: Narrative, label: str = "") -> None:
    """Every span (structure, extraction, and any ``span`` in metadata) lies inside the text."""
    n = len(narrative.text)
    groups: dict[str, Sequence[Any]] = {
        "sections": narrative.sections, "posts": narrative.posts, "diagrams": narrative.diagrams,
        "time_expressions": narrative.time_expressions, "events": narrative.events,
        "reflections": narrative.reflections,
    }
    for group, items in groups.items():
        for i, item in enumerate(items):
            span: Span = item.span
            assert 0 <= span.start <= span.end <= n, (
                f"{label}: {group}[{i}] span [{span.start}, {span.end}) lies outside the text ({n} chars)"
            )
    for where, raw in _metadata_spans(narrative.metadata):
        ok = (
            isinstance(raw, list | tuple) and len(raw) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in raw)
        )
        assert ok, f"{label}: {where} is {raw!r}; a span in metadata is a [start, end] list of ints"
        start, end = raw
        assert 0 <= start <= end <= n, (
            f"{label}: {where} [{start}, {end}) lies outside the text ({n} chars)"
        )


def _context(text: str, at: int, width: int = 24) -> str:
    return repr(text[max(0, at - width) : at + width])


def check_text_kept(narrative: Narrative, visible_text: str, label: str = "") -> None:
    """Every non-whitespace character of ``visible_text`` appears, in order, in ``narrative.text``."""
    text = narrative.text
    pos = 0
    for i, ch in enumerate(visible_text):
        if ch.isspace():
            continue
        found = text.find(ch, pos)
        if found < 0:
            line = visible_text.count("\n", 0, i) + 1
            raise AssertionError(
                f"{label}: text lost: {ch!r} (line {line} of the input, near "
                f"{_context(visible_text, i)}) does not appear in Narrative.text after offset {pos} "
                f"(near {_context(text, pos)}); the text must keep every visible character in order"
            )
        pos = found + 1


def _diff_fields(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def check_json_round_trip(narrative: Narrative, label: str = "") -> None:
    """``from_json(to_json(n)) == n`` and the JSON validates against careernarr's schema."""
    from .export.json import from_json, to_dict, to_json, validate

    try:
        validate(narrative)
    except Exception as exc:  # jsonschema.ValidationError, reported as a failed promise
        raise AssertionError(f"{label}: the JSON does not follow careernarr's schema: {exc}") from exc
    back = from_json(to_json(narrative))
    if back != narrative:
        fields = _diff_fields(to_dict(narrative), to_dict(back))
        fields += [f.name for f in attrs.fields(Narrative)
                   if getattr(narrative, f.name) != getattr(back, f.name) and f.name not in fields]
        raise AssertionError(
            f"{label}: from_json(to_json(n)) != n; fields that change: {', '.join(fields)} "
            "(metadata must hold JSON values only: str keys, lists not tuples, no dates or sets)"
        )


def check_narrative(narrative: Narrative, visible_text: str | None = None, label: str = "") -> None:
    """Spans inside the text, no text lost (when ``visible_text`` is given), JSON round trip and schema."""
    assert isinstance(narrative, Narrative), f"{label}: parse returned {type(narrative).__name__}, not a Narrative"
    check_spans(narrative, label)
    if visible_text is not None:
        check_text_kept(narrative, visible_text, label)
    check_json_round_trip(narrative, label)


# -- parse -----------------------------------------------------------------------


def check_parse(parser: Parser, s: SampleLike, *, pipeline: bool = True) -> Narrative:
    """Parse one sample and check the narrative; returns it.

    With ``pipeline`` the sample also goes through :func:`careernarr.parse`
    (forced to this format, extractors on), and that result is checked too.
    """
    smp = sample(s)
    label = f"{parser.name} on {smp.label}"
    try:
        narrative = parser.parse(smp.source)
    except CareerNarrError as exc:
        raise AssertionError(f"{label}: a good sample failed to parse: {exc}") from exc
    assert isinstance(narrative, Narrative), f"{label}: parse returned {type(narrative).__name__}"
    assert narrative.format == parser.name, (
        f"{label}: Narrative.format is {narrative.format!r}; expected the parser's name {parser.name!r}"
    )
    visible = smp.visible_text if smp.visible_text is not None else smp.source.text
    check_narrative(narrative, visible, label)
    if pipeline:
        from .api import parse

        source: Any = Path(smp.source.path) if smp.source.path else smp.source.text
        full = parse(source, parser.name, host=_host_with(parser))
        check_narrative(full, visible, f"{label} (through careernarr.parse)")
    return narrative


def check_errors(parser: Parser, bad: Iterable[SampleLike], *, require_line: bool = True) -> list[CareerNarrError]:
    """Each bad sample makes ``parse`` raise a careernarr error naming what was expected.

    With ``require_line`` a :class:`ParseError` must say which line. Returns the errors.
    """
    errors: list[CareerNarrError] = []
    for s in _samples(bad):
        label = f"{parser.name} on bad sample {s.label}"
        try:
            narrative = parser.parse(s.source)
        except CareerNarrError as exc:
            assert str(exc).strip(), f"{label}: raised {type(exc).__name__} with an empty message"
            if require_line and isinstance(exc, ParseError):
                assert exc.line is not None, f"{label}: ParseError names no line: {exc}"
            errors.append(exc)
            continue
        except Exception as exc:
            raise AssertionError(
                f"{label}: raised {type(exc).__name__}: {exc}; bad input must raise a careernarr "
                "error (careernarr.ParseError with the line and what was expected)"
            ) from exc
        raise AssertionError(
            f"{label}: parsed without error into {narrative!r}; bad input must raise careernarr.ParseError"
        )
    return errors


def check_parser(
    parser: Parser,
    samples: Iterable[SampleLike],
    *,
    others: Iterable[SampleLike] = (),
    bad: Iterable[SampleLike] = (),
    pipeline: bool = True,
    detect: bool = True,
) -> list[Narrative]:
    """Run every contract check on ``parser``; returns the narratives of ``samples``.

    Checks: ``name``/``description`` are non-empty strings; ``sniff`` never
    raises and scores each sample above 0 and above every other format's
    sample (``others`` plus :data:`BUILTIN_SAMPLES`); with ``detect``,
    careernarr's detection picks this parser among the built-ins; each sample
    parses into a narrative whose spans lie in its text, which keeps every
    visible character, and which survives the JSON round trip and validates
    against the schema (also through :func:`careernarr.parse` with
    ``pipeline``); each ``bad`` sample raises a careernarr error with a line.
    """
    for attr in ("name", "description"):
        value = getattr(parser, attr, None)
        assert isinstance(value, str) and value.strip(), f"parser {parser!r} has no {attr} string"
    own = _samples(samples)
    check_sniff_never_raises(parser)
    check_sniff(parser, own, others=others)
    if detect:
        check_detected(parser, own)
    narratives = [check_parse(parser, s, pipeline=pipeline) for s in own]
    check_errors(parser, bad)
    return narratives
