"""Helpers shared by the extraction tests: fixture cases and small narratives."""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import careernarr
from careernarr.extract.context import ExtractionContext
from careernarr.model import Event, Narrative, Post, Section, TimeExpr
from careernarr.parsers.text import paragraph_sections
from careernarr.plugins import Host

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXTRACT = Path(__file__).parent / "fixtures" / "extract"
EXPECTED: list[dict[str, Any]] = tomllib.loads((EXTRACT / "expected.toml").read_text(encoding="utf-8"))["document"]


@functools.lru_cache(maxsize=1)
def builtin_host() -> Host:
    return Host.create(entry_points=False)


class EventOptions:
    """A plugin whose event extractor is the built-in one made with ``options``."""

    def __init__(self, **options: bool) -> None:
        self.options = options

    @careernarr.hookimpl
    def careernarr_extractors(self) -> list[Any]:
        from careernarr.extract.events import EventExtractor

        return [EventExtractor(**self.options)]


@functools.lru_cache(maxsize=1)
def unnamed_host() -> Host:
    """The built-ins keeping the dated happenings no lexicon word names (kind ``other``), and
    letting topic words alone name a dated happening's kind."""
    return Host.create(entry_points=False, plugins=[EventOptions(unnamed=True, topics=True)])


@functools.lru_cache(maxsize=1)
def topics_host() -> Host:
    """The built-ins letting topic words alone (部门, "the office") name a dated happening's kind."""
    return Host.create(entry_points=False, plugins=[EventOptions(topics=True)])


@functools.cache
def parsed(name: str) -> Narrative:
    """A fixture document, parsed and extracted with the built-in plugins."""
    return careernarr.parse(EXTRACT / name, host=builtin_host())


def cases(kind: str) -> list[tuple[str, dict[str, Any]]]:
    """``(file, expectation)`` for every expected event or reflection."""
    return [(doc["file"], item) for doc in EXPECTED for item in doc.get(kind, [])]


def case_id(case: tuple[str, dict[str, Any]]) -> str:
    return f"{case[0].split('.')[0]}:{case[1]['anchor'][:12]}"


def context(text: str, times: Sequence[tuple[str, str | None, str | None]] = (), *,
            posts: Sequence[Post] = (), sections: Sequence[Section] | None = None,
            lexicons: Sequence[Any] = ()) -> ExtractionContext:
    """An extraction context for ``text`` with hand-made time expressions.

    ``times`` lists ``(words, value, duration)``; each is found in ``text``
    (first occurrence after the previous one) so tests do not depend on the
    time extractor.
    """
    exprs = []
    pos = 0
    for words, value, duration in times:
        start = text.index(words, pos)
        exprs.append(TimeExpr(words, (start, start + len(words)), value, duration))
        pos = start + 1
    narrative = Narrative(format="text", text=text,
                          sections=paragraph_sections(text) if sections is None else sections,
                          posts=posts)
    return ExtractionContext(narrative, time_expressions=exprs, lexicons=lexicons)


def squash(text: str) -> str:
    """``text`` without whitespace, as the shared scorer compares evidence."""
    return "".join(text.split())


def reflections_holding(narrative: Narrative, anchors: Sequence[str]) -> list[Any]:
    """The reflections of ``narrative`` whose text holds one of ``anchors``."""
    return [r for r in narrative.reflections if any(squash(a) in squash(r.text) for a in anchors)]


def reflection_f1(scored: Sequence[tuple[Narrative, Sequence[dict[str, Any]]]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of reflections against gold items, matched as the shared scorer does."""
    tp = n_pred = hit = n_gold = 0
    for narrative, items in scored:
        for r in narrative.reflections:
            match = [g for g in items if any(squash(a) in squash(r.text) for a in g["anchors"])]
            if match and match[0].get("optional"):
                continue
            n_pred += 1
            tp += bool(match)
        for g in items:
            if not g.get("optional"):
                n_gold += 1
                hit += bool(reflections_holding(narrative, g["anchors"]))
    precision, recall = tp / n_pred, hit / n_gold
    return precision, recall, 2 * precision * recall / (precision + recall)


def in_other_script(path: Path, language: str, tmp_path: Path) -> Narrative:
    """The document at ``path`` converted to the other script (s2twp from zh-Hans, else t2s) and parsed."""
    import opencc

    config = "s2twp" if language == "zh-Hans" else "t2s"
    converted = tmp_path / path.name
    converted.write_text(opencc.OpenCC(config).convert(path.read_text(encoding="utf-8")), encoding="utf-8")
    return careernarr.parse(converted)


@functools.cache
def to_traditional(text: str) -> str:
    """``text`` in Taiwan script (OpenCC s2twp), as the script-invariance checks convert it."""
    import opencc

    return str(opencc.OpenCC("s2twp").convert(text))


#: A paragraph of story told before a test sentence, so that the sentence is not the document's first.
LEAD_ZH = "那年我换了工作。"
LEAD_EN = "That year I changed jobs."


def after_lead(text: str, *, taiwan: bool = False) -> tuple[Narrative, str]:
    """``text`` parsed as an essay after a title and a lead paragraph of story (the whole document
    in Taiwan script with ``taiwan``: a document's script is read from all of it), and the lead
    as it stands in the document."""
    title, lead = ("Notes", LEAD_EN) if text.isascii() else ("随笔", LEAD_ZH)
    if taiwan:
        title, lead, text = to_traditional(title), to_traditional(lead), to_traditional(text)
    return careernarr.parse(f"{title}\n\n{lead}\n\n{text}\n", format="essay"), lead


#: The scripts Chinese test sentences are written in (see :func:`in_script`).
SCRIPTS = ("simplified", "traditional")


def in_script(script: str, text: str) -> str:
    """``text`` as written in ``script`` ("simplified" or "traditional"); English stays as it is."""
    return to_traditional(text) if script == "traditional" and not text.isascii() else text


def sentence_events(tmp_path: Path, script: str, text: str) -> list[Event]:
    """The events of a test sentence written in ``script``, parsed as a document of its own
    (an English sentence has one script: its traditional case is skipped)."""
    if script == "traditional" and text.isascii():
        pytest.skip("English has one script")
    return events_in(tmp_path, in_script(script, text) + "\n")


def events_in(tmp_path: Path, text: str) -> list[Event]:
    """The events of ``text``, written to a file and parsed with the built-in plugins only."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return list(careernarr.parse(path, host=builtin_host()).events)
