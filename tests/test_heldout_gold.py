"""The held-out gold stays valid: anchors in their documents, known kinds, EDTF values.

The checks live in ``benchmarks/heldout.py`` (the benchmark refuses to score
invalid gold); these tests run them and show that they catch each kind of
breakage on a broken copy.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _heldout() -> ModuleType:
    spec = importlib.util.spec_from_file_location("heldout_bench", ROOT / "benchmarks" / "heldout.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


heldout = _heldout()


def test_heldout_gold_is_valid(fixtures: Path) -> None:
    base = fixtures / "heldout"
    assert heldout.validate_gold(base / "corpus", base / "gold") == []


def test_every_language_and_spec_format_is_covered(fixtures: Path) -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in (fixtures / "heldout" / "gold").glob("*.json")]
    assert {g["metadata"]["language"] for g in golds} == {"zh-Hans", "zh-Hant", "en"}
    assert {g["format"] for g in golds} >= {"essay", "transcript", "article", "frontmatter", "forum"}
    assert 8 <= len(golds) <= 10


def _broken_copy(tmp_path: Path, fixtures: Path, doc: str, edit: Any) -> tuple[Path, Path]:
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    shutil.copytree(fixtures / "heldout" / "corpus", corpus)
    shutil.copytree(fixtures / "heldout" / "gold", gold)
    path = gold / f"{Path(doc).stem}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return corpus, gold


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda g: g["events"][0]["anchors"].append("不在文中的句子"), "not in the document"),
        (lambda g: g["events"][0].update(kind="vacation"), "kind 'vacation' unknown"),
        (lambda g: g["events"][0].update(subject="boss"), "subject 'boss' unknown"),
        (lambda g: g["reflections"][0].update(kind="lesson"), "kind 'lesson' unknown"),
        (lambda g: g["time_expressions"][0].update(value="2023-13"), "is not EDTF"),
        (lambda g: g["time_expressions"].append({"text": "两周", "duration": "2W"}), "not ISO 8601"),
        (lambda g: g["time_expressions"].append({"text": "31岁", "value": "2031", "negative": True}),
         "is negative"),
        (lambda g: g["time_expressions"].insert(0, {"text": "2023年", "value": "2023"}), "shadowed"),
        (lambda g: g.update(format="wechat"), "unknown format"),
    ],
    ids=["anchor", "event-kind", "subject", "reflection-kind", "edtf", "duration", "negative",
         "shadowed", "format"],
)
def test_validation_catches_broken_gold(tmp_path: Path, fixtures: Path, edit: Any, expected: str) -> None:
    corpus, gold = _broken_copy(tmp_path, fixtures, "year-review-wechat.txt", edit)
    problems = heldout.validate_gold(corpus, gold)
    assert any(expected in p and p.startswith("year-review-wechat.json") for p in problems), problems


def test_document_without_gold_is_reported(tmp_path: Path, fixtures: Path) -> None:
    corpus, gold = _broken_copy(tmp_path, fixtures, "year-review-wechat.txt", lambda g: None)
    (corpus / "stray.txt").write_text("x" * 700, encoding="utf-8")
    assert "stray.txt: document has no gold file" in heldout.validate_gold(corpus, gold)
