"""A date in a later clause that tells its own happening is that happening's: the clause before it
happened earlier, by an unknown time (我先在工厂做了三年普工，2015年辞职去了深圳: the job is not
2015's). A date before the clauses still dates them all.

Sentences written for these tests (not taken from any corpus), in simplified and Taiwan script.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import SCRIPTS, sentence_events


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "expected"), [
    ("我先在工厂做了三年普工，2015年辞职去了深圳。", [("job_start", None), ("job_end", "2015")]),
    ("我毕业后进了一家报关行，2019年升了主管。", [("job_start", None), ("promotion", "2019")]),
    ("2019年我辞职了，去了深圳，进了一家工厂。", [("job_end", "2019"), ("job_start", "2019")]),
])
def test_a_later_clauses_date_is_its_own(tmp_path: Path, script: str, text: str,
                                         expected: list[tuple[str, str | None]]) -> None:
    assert [(e.kind, e.when) for e in sentence_events(tmp_path, script, text)] == expected
