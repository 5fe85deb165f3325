"""A year in the file name (my-2023-review.txt, 2024-12-29-year-end.md) is the year of writing when the
text says nothing of it: the last resort, after the date, the title and every phrase of the text."""

from __future__ import annotations

from pathlib import Path

import careernarr


def _values(path: Path) -> dict[str, str | None]:
    return {t.text: t.value for t in careernarr.parse(path).time_expressions}


TEXT = "The year I got laid off\n\nIt's December 29 and the kids are asleep.\n\nIn March I stopped sleeping properly.\n"


def test_the_file_names_year_places_bare_dates(tmp_path: Path) -> None:
    path = tmp_path / "laid-off-pm-2023.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert _values(path) == {"December 29": "2023-12-29", "March": "2023-03"}


def test_a_jekyll_style_name_gives_its_year(tmp_path: Path) -> None:
    path = tmp_path / "2024-12-29-year-end.md"
    path.write_text(TEXT, encoding="utf-8")
    assert _values(path)["March"] == "2024-03"


def test_two_years_in_the_name_give_none(tmp_path: Path) -> None:
    path = tmp_path / "from-2019-to-2023.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert _values(path) == {"December 29": None, "March": None}


def test_the_text_wins_over_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "notes-2019.txt"
    path.write_text("写于2022年5月3日\n\n3月我辞职了。\n", encoding="utf-8")
    assert _values(path)["3月"] == "2022-03"


def test_text_without_a_file_has_no_such_year() -> None:
    assert {t.text: t.value for t in careernarr.parse(TEXT).time_expressions}["March"] is None
