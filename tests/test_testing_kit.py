"""careernarr.testing: the kit passes a parser that keeps the contract and names each broken promise."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careernarr.errors import CareerNarrError, ParseError
from careernarr.model import Narrative, Section
from careernarr.source import Source, read_source
from careernarr.testing import (
    BUILTIN_SAMPLES,
    check_errors,
    check_json_round_trip,
    check_parser,
    check_sniff,
    check_text_kept,
    sample,
)

GOOD = [
    "%% ledger\n2024-03 joined Acme as a data analyst\n2025-01 promoted to lead\n",
    "%% ledger\n2023年5月 离职\n2023年9月 入职新公司\n",
]


class Ledger:
    """A toy format: a '%% ledger' first line, then dated lines. Keeps the contract."""

    name = "ledger"
    description = "Toy ledger files for testing the kit"

    def sniff(self, source: Source) -> float:
        return 0.9 if source.text.startswith("%% ledger") else 0.0

    def parse(self, source: Source) -> Narrative:
        text = source.text
        if not text.startswith("%% ledger"):
            raise ParseError("no ledger header", line=1, expected="'%% ledger' on the first line")
        body = text.index("\n") + 1 if "\n" in text else len(text)
        return Narrative(format=self.name, text=text, sections=[Section(None, 0, (body, len(text.rstrip())))],
                         metadata={"lines": [{"span": [0, 9]}]})


def broken(**overrides: Callable[..., Any]) -> Ledger:
    """A Ledger with some methods replaced."""
    parser = Ledger()
    for name, fn in overrides.items():
        setattr(parser, name, fn.__get__(parser))
    return parser


def test_a_parser_that_keeps_the_contract_passes_and_gets_its_narratives_back() -> None:
    narratives = check_parser(Ledger(), GOOD, others=["plain words"], bad=["no header here"])
    assert [n.format for n in narratives] == ["ledger", "ledger"]
    assert narratives[1].text.endswith("入职新公司\n")


def test_sniff_that_raises_is_reported() -> None:
    def sniff(self: Ledger, source: Source) -> float:
        return 1.0 if source.text[0] == "%" else 0.0  # IndexError on empty input

    with pytest.raises(AssertionError, match=r"ledger\.sniff raised IndexError.*must never raise"):
        check_parser(broken(sniff=sniff), GOOD)


def test_sniff_out_of_range_is_reported() -> None:
    with pytest.raises(AssertionError, match=r"returned 2\.0 .*expected 0\.0 … 1\.0"):
        check_sniff(broken(sniff=lambda self, s: 2.0), GOOD)


def test_sniff_that_claims_other_formats_is_reported_with_the_sample() -> None:
    greedy = broken(sniff=lambda self, s: 0.9 if s.text.startswith("%% ledger") or "摘要" in s.text else 0.1)
    with pytest.raises(AssertionError, match=r"another format's sample <built-in article sample> .* 0\.9"):
        check_sniff(greedy, GOOD)
    with pytest.raises(AssertionError, match=r"another format's sample <text> 'mine too' 0\.1"):
        check_sniff(broken(sniff=lambda self, s: 0.1), GOOD, others=["mine too"], builtin_others=False)


def test_builtin_samples_leave_out_the_parsers_own_format() -> None:
    assert {"essay", "transcript", "article", "frontmatter", "forum", "markdown", "html", "text"} <= set(BUILTIN_SAMPLES)

    class Essayish(Ledger):
        name = "essay"

        def sniff(self, source: Source) -> float:
            return 0.5 if "最后更新" in source.text or source.text.startswith("%%") else 0.0

    check_sniff(Essayish(), GOOD)  # the built-in essay sample is its own format, not "another"


def test_detection_losing_to_a_builtin_is_reported() -> None:
    timid = broken(sniff=lambda self, s: 0.001 if s.text.startswith("%% ledger") else 0.0)
    with pytest.raises(AssertionError, match=r"format detection picks '\w+' over 'ledger' .*ledger 0\.001"):
        check_parser(timid, GOOD)


def test_lost_text_is_reported_with_line_and_context() -> None:
    def parse(self: Ledger, source: Source) -> Narrative:
        return Narrative(format="ledger", text=source.text.replace("promoted", "moved"))

    with pytest.raises(AssertionError, match=r"text lost: 'p' \(line 3 of the input, near .*promoted"):
        check_parser(broken(parse=parse), GOOD[:1])


def test_visible_text_replaces_the_file_for_the_text_check() -> None:
    def parse(self: Ledger, source: Source) -> Narrative:
        return Narrative(format="ledger", text=source.text.split("\n", 1)[1])  # drops the header line

    with pytest.raises(AssertionError, match="text lost"):
        check_parser(broken(parse=parse), GOOD[:1])
    check_parser(broken(parse=parse), [sample(GOOD[0], visible_text=GOOD[0].split("\n", 1)[1])])


def test_metadata_span_outside_the_text_is_reported() -> None:
    def parse(self: Ledger, source: Source) -> Narrative:
        return Narrative(format="ledger", text=source.text, metadata={"cues": [{"span": [0, 10_000]}]})

    with pytest.raises(AssertionError, match=r"metadata\['cues'\]\[0\]\['span'\] \[0, 10000\) lies outside"):
        check_parser(broken(parse=parse), GOOD[:1])


def test_metadata_that_does_not_survive_json_is_reported() -> None:
    n = Narrative(format="ledger", text="abc", metadata={"pair": (1, 2)})
    with pytest.raises(AssertionError, match=r"fields that change: metadata .*lists not tuples"):
        check_json_round_trip(n)


def test_wrong_format_name_is_reported() -> None:
    def parse(self: Ledger, source: Source) -> Narrative:
        return Narrative(format="text", text=source.text)

    with pytest.raises(AssertionError, match=r"Narrative\.format is 'text'; expected the parser's name 'ledger'"):
        check_parser(broken(parse=parse), GOOD[:1])


def test_bad_input_must_raise_a_careernarr_error_with_a_line() -> None:
    def crash(self: Ledger, source: Source) -> Narrative:
        raise KeyError("header")

    def lineless(self: Ledger, source: Source) -> Narrative:
        raise ParseError("bad ledger")

    def lenient(self: Ledger, source: Source) -> Narrative:
        return Narrative(format="ledger", text=source.text)

    with pytest.raises(AssertionError, match=r"raised KeyError: 'header'; bad input must raise a careernarr error"):
        check_errors(broken(parse=crash), ["junk"])
    with pytest.raises(AssertionError, match="ParseError names no line"):
        check_errors(broken(parse=lineless), ["junk"])
    with pytest.raises(AssertionError, match="parsed without error"):
        check_errors(broken(parse=lenient), ["junk"])
    errors = check_errors(Ledger(), ["junk", b"more junk"])
    assert all(isinstance(e, CareerNarrError) and e.line == 1 for e in errors)  # type: ignore[attr-defined]


def test_samples_can_be_paths_bytes_sources_or_text(tmp_path: Any) -> None:
    path = tmp_path / "one.ledger"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD[1].replace("\n", "\r\n").encode("utf-8"))
    narratives = check_parser(Ledger(), [path, GOOD[0].encode("utf-8"), read_source(GOOD[0])])
    assert narratives[0].text == GOOD[1] and narratives[1].text == narratives[2].text == GOOD[0]


@given(st.text(), st.data())
def test_text_kept_accepts_whitespace_changes_and_catches_any_dropped_character(text: str, data: st.DataObject) -> None:
    relaid = re.sub(r"\s+", lambda m: data.draw(st.sampled_from(["", " ", "\n\n"])), text)
    check_text_kept(Narrative(format="x", text=relaid), text)
    visible = [i for i, ch in enumerate(text) if not ch.isspace()]
    if visible:
        i = data.draw(st.sampled_from(visible))
        dropped = text[:i] + text[i + 1 :]
        if text[i] not in dropped[i:]:  # the character appears nowhere later: it is truly lost
            with pytest.raises(AssertionError, match="text lost"):
                check_text_kept(Narrative(format="x", text=dropped), text)
