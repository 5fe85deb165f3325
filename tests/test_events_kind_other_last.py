"""`other` names no kind of its own: a word of a working life's kind in the same clause, even a weak
one, decides the kind before a strong `other` word (2020年直播间亏了三万: the channel, a creator's
loss); a weak family word does not (全家移民 stays other).

Sentences written for these tests (not taken from any corpus), in simplified and Taiwan script.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import SCRIPTS, sentence_events


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "kind"), [
    ("2020年直播间亏了三万。", "creator"),
    ("2019年公司搬到了苏州。", "other"),  # nothing else names a kind
    ("去年我们全家移民去了加拿大。", "other"),  # 全家 names the family, not a kind of happening
])
def test_other_decides_only_alone(tmp_path: Path, script: str, text: str, kind: str) -> None:
    assert [e.kind for e in sentence_events(tmp_path, script, text)] == [kind]
