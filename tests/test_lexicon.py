"""Lexicons: the built-in files, the term syntax, plugin lexicons and clear errors."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from careernarr.errors import CareerNarrError
from careernarr.extract.lexicon import (
    BUILTIN_LANGUAGES,
    LEXICON_NAMES,
    LexiconError,
    builtin_lexicon,
    compile_term,
    load_lexicon,
    read_lexicon_file,
)
from careernarr.model import EVENT_KINDS, REFLECTION_KINDS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@pytest.mark.parametrize("language", BUILTIN_LANGUAGES)
@pytest.mark.parametrize("name", LEXICON_NAMES)
def test_builtin_files_ship_with_the_package_and_say_what_they_are(language: str, name: str) -> None:
    res = resources.files("careernarr") / "lexicons" / language / f"{name}.toml"
    data = tomllib.loads(res.read_text(encoding="utf-8"))
    assert data["lexicon"] == name and data["language"] == language


def test_builtin_lexicon_covers_every_event_kind_in_both_languages() -> None:
    lex = builtin_lexicon()
    for prefix in ("zh.events", "en.events"):
        kinds = {e.category for e in lex.events if e.source == prefix}
        assert kinds == set(EVENT_KINDS), prefix
    assert {e.category for e in lex.reflections} <= set(REFLECTION_KINDS)
    assert {"burnout", "autonomy", "recognition", "meaning", "connection", "money", "learning",
            "family", "health", "growth"} <= {e.category for e in lex.themes}
    for cue in ("negation", "hypothetical", "modal", "realis", "first_person", "third_person"):
        assert lex.cue(cue), cue


def test_rules_name_the_file_table_and_term() -> None:
    entry = next(e for e in builtin_lexicon().events if e.term == "辞职")
    assert entry.rule == "zh.events.job_end:辞职"


def test_chinese_lexicons_are_written_in_simplified_script() -> None:
    import opencc

    to_simplified = opencc.OpenCC("t2s")
    for name in LEXICON_NAMES:
        text = (resources.files("careernarr") / "lexicons" / "zh" / f"{name}.toml").read_text(encoding="utf-8")
        body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        assert to_simplified.convert(body) == body, name


#: Terms whose Taiwan-phrase round trip (s2twp, then tw2sp) lands on another word that must
#: not be a term of its own: 社群 comes back as 社区 (a neighbourhood).
_ROUND_TRIP_ALLOWED = {"社群"}


def test_every_chinese_term_is_found_in_taiwan_script_too() -> None:
    """A simplified document converted to Taiwan phrases (s2twp) comes back to the working
    script through tw2sp; a term that comes back as another word has that word as a term too."""
    import opencc

    to_taiwan, back = opencc.OpenCC("s2twp"), opencc.OpenCC("tw2sp")
    lexicon = builtin_lexicon()
    entries = [*lexicon.events, *lexicon.reflections, *lexicon.themes, *(e for c in lexicon.cues.values() for e in c)]
    terms = {e.term for e in entries if e.source.startswith("zh.") and not e.pattern}
    missing = []
    for term in sorted(terms):
        if any(part in _ROUND_TRIP_ALLOWED for part in term.split("…")):
            continue
        again = back.convert(to_taiwan.convert(term))
        if again != term and again not in terms:
            missing.append((term, again))
    assert missing == []


@pytest.mark.parametrize("term, language, text, found", [
    ("负责…项目", "zh", "我负责一个核心项目。", "负责一个核心项目"),
    ("负责…项目", "zh", "我负责对接，然后这个项目黄了。", None),         # … stays in one clause
    ("不是……而是", "zh", "不是分数的低，而是认可的廉价。", "不是分数的低，而是"),
    ("拿…offer", "zh", "从第二家公司开始都是拣着外企拿 offer ，", "拿 offer"),
    ("offer", "zh", "我拿到了offer。", "offer"),
    ("offer", "zh", "我拿到了offers。", None),                       # whole words
    ("quit", "en", "I QUIT on Monday.", "QUIT"),
    ("quit", "en", "It was quite hard.", None),
    ("resign*", "en", "She resigned in May.", "resigned"),
    ("started … channel", "en", "I started a small YouTube channel.", "started a small YouTube channel"),
    ("*n't", "en", "I didn't quit.", "didn't"),
])
def test_term_syntax(term: str, language: str, text: str, found: str | None) -> None:
    m = compile_term(term, language).search(text)
    assert (m.group(0) if m else None) == found


def _write(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def test_a_plugin_lexicon_file_or_folder_adds_terms(tmp_path: Path) -> None:
    f = _write(tmp_path / "nursing.toml",
               'lexicon = "events"\nlanguage = "zh"\nname = "nursing"\n[transfer]\nterms = ["轮转到…病区"]\n')
    lex = load_lexicon([str(f)])
    entry = next(e for e in lex.events if e.source == "nursing.events")
    assert entry.rule == "nursing.events.transfer:轮转到…病区"
    assert len(lex.events) == len(builtin_lexicon().events) + 1
    folder = tmp_path / "lex"
    _write(folder / "zh" / "themes.toml", '[night_shifts]\nterms = ["夜班"]\n')
    _write(folder / "time" / "zh.toml", 'lexicon = "time"\nlanguage = "zh"\n')  # another extractor's
    lex = load_lexicon([folder])
    assert any(e.category == "night_shifts" and e.rule == "zh.themes.night_shifts:夜班" for e in lex.themes)


def test_a_mapping_lexicon_and_a_time_lexicon_are_accepted() -> None:
    lex = load_lexicon([{"lexicon": "cues", "language": "zh", "negation": ["从不"]},
                        {"lexicon": "time", "language": "zh", "months": {}}])
    assert any(e.term == "从不" for e in lex.cue("negation"))


@pytest.mark.parametrize("body, message", [
    ('lexicon = "events"\nlanguage = "zh"\n[quitting]\nterms = ["辞职"]\n', r"\[quitting\] is not a known event kind"),
    ('lexicon = "events"\nlanguage = "zh"\n[job_end]\nwords = ["辞职"]\n', "unknown keys: words"),
    ('lexicon = "events"\n[job_end]\nterms = ["辞职"]\n', "'language' is missing"),
    ('lexicon = "verbs"\nlanguage = "zh"\n', "'lexicon' must be one of"),
    ('lexicon = "events"\nlanguage = "zh"\n[job_end]\nterms = "辞职"\n', "must be a list of strings"),
    ('lexicon = "events"\nlanguage = "zh"\n[job_end]\npatterns = ["(辞职"]\n', "pattern"),
    ('lexicon = "cues"\nlanguage = "zh"\nnegations = ["不"]\n', "unknown cue list 'negations'"),
    ('lexicon = "events"\nlanguage = "zh"\n[job_end\n', "not valid TOML"),
])
def test_a_bad_lexicon_is_a_clear_error_naming_its_file(tmp_path: Path, body: str, message: str) -> None:
    f = _write(tmp_path / "bad.toml", body)
    with pytest.raises(LexiconError, match=message) as info:
        load_lexicon([str(f)])
    assert str(f) in str(info.value)
    assert isinstance(info.value, CareerNarrError)


def test_missing_files_and_odd_items_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        read_lexicon_file(tmp_path / "nope.toml")
    with pytest.raises(LexiconError, match="no lexicon files"):
        read_lexicon_file(tmp_path)
    bad: Any = 42
    with pytest.raises(LexiconError, match="path or a mapping"):
        load_lexicon([bad])


def test_loading_the_same_plugin_lexicon_twice_reuses_it() -> None:
    extra = [{"lexicon": "themes", "language": "en", "night": {"terms": ["night shift*"]}}]
    assert load_lexicon(extra) is load_lexicon([dict(extra[0])])
