"""The kind of a dated happening named by a topic word (the ``hints`` of the event lexicons).

A sentence that dates something done without an event word is a "dated happening";
a topic word of a trade (调令, 质检, 展会, a seed round, the CELTA) names its kind,
whatever the script the Chinese is written in. Without one the kind is ``other``.
"""

from __future__ import annotations

import opencc
import pytest
from extract_helpers import topics_host, unnamed_host
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.extract.cues import scan_lexicon
from careernarr.extract.events import DATED_HAPPENING
from careernarr.extract.lexicon import builtin_lexicon
from careernarr.model import Event

_S2TWP = opencc.OpenCC("s2twp")

#: (sentence, kind, the hint that names it): no event word in them, only a topic word of the kind.
ZH = [
    ("2020年8月，公司把N+1的补偿金打到了我卡上。", "job_end", "N+1"),
    ("2019年底，任命文件终于发下来了。", "promotion", "任命"),
    ("2020年4月，调令下来了。", "transfer", "调令"),
    ("2023年国庆，我们自驾去了新疆。", "leave", "自驾"),
    ("2021年6月，老板把门店的质检结果发到了群里。", "review", "质检"),
    ("2021年9月，我的在职研终于开学了。", "education", "在职研"),
    ("2022年3月，我在淘宝上卖出了第一单。", "creator", "淘宝"),
    ("2020年夏天，我们在展会上亮了相。", "project", "展会"),
]

EN = [
    ("In March 2021 my employee ID finally arrived.", "job_start", "employee ID"),
    ("In March 2022 my thyroid results came back.", "health", "thyroid"),
    ("In 2018 I finally got through the CELTA.", "education", "CELTA"),
    ("In 2021 our seed round closed.", "creator", "seed round"),
    ("In spring 2019 the exhibition opened in Leeds.", "project", "exhibition"),
]


def _dated(text: str) -> Event:
    [event] = careernarr.parse("随笔\n\n" + text + "\n", host=topics_host()).events
    assert DATED_HAPPENING in event.rule, event.rule
    return event


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
@pytest.mark.parametrize("text, kind, hint", ZH, ids=[k for _, k, _ in ZH])
def test_a_chinese_topic_word_names_the_kind_in_either_script(text: str, kind: str, hint: str,
                                                               traditional: bool) -> None:
    event = _dated(_S2TWP.convert(text) if traditional else text)
    assert event.kind == kind
    assert event.rule.endswith(f"zh.events.{kind}:{hint} (hint)")  # the simplified entry, whatever the script
    assert event.when is not None and event.when[:4] == text[:4]


@pytest.mark.parametrize("text, kind, hint", EN, ids=[k for _, k, _ in EN])
def test_an_english_topic_word_names_the_kind(text: str, kind: str, hint: str) -> None:
    event = _dated(text)
    assert event.kind == kind and event.rule.endswith(f"en.events.{kind}:{hint} (hint)")


@pytest.mark.parametrize("text", [text for text, _, _ in ZH + EN])
def test_by_default_a_topic_word_alone_names_no_dated_happening(text: str) -> None:
    assert careernarr.parse("随笔\n\n" + text + "\n").events == ()


@pytest.mark.parametrize("text", ["2020年8月，我们在城郊吃了一顿饭。", "In March 2021 we finally met in person."])
def test_without_a_topic_word_the_kind_is_other(text: str) -> None:
    assert careernarr.parse("随笔\n\n" + text + "\n").events == ()  # by default: no event
    [event] = careernarr.parse("随笔\n\n" + text + "\n", host=unnamed_host()).events
    assert event.kind == "other" and event.rule.endswith("(no kind word)")


_LEXICON = builtin_lexicon()
_ZH_HINTS = sorted({e.term for e in _LEXICON.events if e.strength == "hint" and e.source == "zh.events"
                    and "…" not in e.term and e.term.isprintable()})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hint=st.sampled_from(_ZH_HINTS))
def test_a_lone_hint_in_a_dated_sentence_gives_its_own_kind(hint: str) -> None:
    """Whatever the hint: when it is the only lexicon word of the sentence, the sentence
    is a dated happening of its kind (or, told as no happening, no event at all)."""
    text = f"2021年3月，{hint}这件事终于定下来了。"
    hits = [m for m in scan_lexicon(text, _LEXICON).events]
    kinds = {m.entry.category for m in hits}
    if any(m.entry.strength != "hint" for m in hits) or len(kinds) != 1:
        return  # the hint is also an event word, or holds another kind's word: not a lone hint
    [kind] = kinds
    for event in careernarr.parse("随笔\n\n" + text + "\n", host=topics_host()).events:
        assert event.kind == kind and event.rule.startswith(DATED_HAPPENING), (event.kind, event.rule)
        assert event.rule.endswith(" (hint)")
