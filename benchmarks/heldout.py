"""Held-out extraction benchmark: shared sample corpus vs documents nobody tuned on.

    python benchmarks/heldout.py                 # validate the gold, score both sets, compare
    python benchmarks/heldout.py --details       # ... and list every miss on the held-out set
    python benchmarks/heldout.py --check         # only validate the held-out gold
    python benchmarks/heldout.py --json OUT.json # also write both summaries and the differences

The held-out set lives in ``tests/fixtures/heldout/`` (``corpus/`` documents,
``gold/`` annotations in the shared gold format; see its README). Scoring is
done by the shared scorer, ``../shared/eval/score.py``, run once on the shared
sample corpus and once with ``--corpus tests/fixtures/heldout/corpus --gold
tests/fixtures/heldout/gold``. Both runs read JSON produced here by the same
command the scorer would run (``python -m careernarr parse FILE --to json``).

The six measures the held-out promise is about (events F1, event kind
accuracy, event ``when`` accuracy, reflections F1, time F1, time value
accuracy) are printed side by side; a measure whose held-out score is more
than ``--tolerance`` (0.15) below the shared score is flagged ``DROP``.
``--fail-on-drop`` turns a drop into exit status 2. Invalid gold (an anchor
or time text missing from its document, an unknown kind, a value that is not
EDTF, a duration that is not ISO 8601) is reported first and exits 1.

Without ``../shared`` the gold is still validated; scoring is skipped.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

EVENT_KINDS = frozenset({
    "job_start", "job_end", "transfer", "promotion", "job_search", "review", "project",
    "overwork", "leave", "health", "support", "conflict", "education", "creator",
    "career_change", "family", "other",
})
REFLECTION_KINDS = frozenset({"insight", "advice", "resolution", "quote", "opinion"})
SUBJECTS = frozenset({"narrator", "other"})
SPEC_FORMATS = frozenset({"essay", "transcript", "article", "frontmatter", "forum"})
METADATA_KEYS = frozenset({
    "title", "date", "url", "author", "language", "tags", "keywords", "links", "summary_startswith",
    "video_id", "duration", "draft", "reference_year",
})
STRUCTURE_KEYS = frozenset({
    "posts", "floor_authors", "mentions_in_post", "reply_to", "sections", "sections_include",
    "diagram", "verse_lines",
})
ISO_DURATION = re.compile(
    r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?")
MIN_CHARS, MAX_CHARS = 600, 2500

# (label, path in the scorer's summary); the first six are the held-out promise.
MEASURES: list[tuple[str, tuple[str, ...]]] = [
    ("events F1", ("events", "f1")),
    ("event kind accuracy", ("event_kind_accuracy",)),
    ("event when accuracy", ("event_when_accuracy",)),
    ("reflections F1", ("reflections", "f1")),
    ("time F1", ("times", "f1")),
    ("time value accuracy", ("time_value_accuracy",)),
]
INFO: list[tuple[str, tuple[str, ...]]] = [
    ("events P", ("events", "precision")),
    ("events R", ("events", "recall")),
    ("reflections P", ("reflections", "precision")),
    ("reflections R", ("reflections", "recall")),
    ("time P", ("times", "precision")),
    ("time R", ("times", "recall")),
    ("metadata accuracy", ("metadata_accuracy",)),
    ("structure accuracy", ("structure_accuracy",)),
    ("time negatives hit", ("time_negatives_hit",)),
    ("documents failed", ("documents_failed",)),
]


def squash(text: str | None) -> str:
    """The scorer's normal form: all whitespace removed."""
    return re.sub(r"\s+", "", text or "")


@functools.cache
def _edtf_error(value: str) -> str | None:
    try:
        from edtf import parse_edtf
        from edtf.parser.edtf_exceptions import EDTFParseException
    except ImportError:  # pragma: no cover - edtf is a dependency of careernarr
        return None
    try:
        parse_edtf(value)
    except EDTFParseException as exc:
        return type(exc).__name__
    return None


@functools.lru_cache(maxsize=1)
def _known_formats() -> frozenset[str]:
    try:
        from careernarr.plugins import Host

        return SPEC_FORMATS | frozenset(Host.create().parsers)
    except ImportError:  # scoring another checkout without careernarr installed
        return SPEC_FORMATS


def _time_self_match_problems(times: list[dict[str, Any]]) -> Iterable[str]:
    """A prediction of exactly a gold text must reach that gold first (score.py takes the first match)."""
    def scored(g: dict[str, Any]) -> bool:
        return not g.get("optional") or bool(g.get("value") or g.get("duration"))

    for j, gold in enumerate(times):
        t = squash(gold["text"])
        for i, earlier in enumerate(times[:j]):
            if not (scored(gold) or scored(earlier)):
                continue  # two optional items without values: no effect on any figure
            gt = squash(earlier["text"])
            if (gt in t and len(t) <= len(gt) + 6) or (t and t in gt and len(t) >= len(gt) - 2):
                yield (f"time {gold['text']!r} is shadowed by earlier {earlier['text']!r} "
                       f"(#{i}); list the longer text first")
                break


def validate_gold(corpus: Path = HELDOUT / "corpus", gold_dir: Path = HELDOUT / "gold",
                  check_length: bool = True) -> list[str]:
    """Every problem found in the gold of ``gold_dir`` against the documents of ``corpus``."""
    problems: list[str] = []
    formats = _known_formats()
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        return [f"{gold_dir}: no gold files"]
    documents = {p.name for p in corpus.iterdir() if p.is_file()}
    annotated: set[str] = set()
    for gf in gold_files:
        where = gf.name

        def bad(msg: str, where: str = where) -> None:
            problems.append(f"{where}: {msg}")

        try:
            gold = json.loads(gf.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            bad(f"not JSON: {exc}")
            continue
        doc_name = gold.get("document")
        if doc_name not in documents:
            bad(f"document {doc_name!r} not found in {corpus}")
            continue
        annotated.add(doc_name)
        text = (corpus / doc_name).read_text(encoding="utf-8")
        flat = squash(text)
        if check_length and not MIN_CHARS <= len(text) <= MAX_CHARS:
            bad(f"document has {len(text)} characters (want {MIN_CHARS}-{MAX_CHARS})")
        if gold.get("format") not in formats:
            bad(f"unknown format {gold.get('format')!r}")
        for key in gold.get("metadata", {}):
            if key not in METADATA_KEYS:
                bad(f"unknown metadata key {key!r}")
        for key in gold.get("structure", {}):
            if key not in STRUCTURE_KEYS:
                bad(f"unknown structure key {key!r}")
        meta = gold.get("metadata", {})
        if meta.get("date") and _edtf_error(meta["date"]):
            bad(f"metadata date {meta['date']!r} is not EDTF")
        if meta.get("duration") and not ISO_DURATION.fullmatch(meta["duration"]):
            bad(f"metadata duration {meta['duration']!r} is not ISO 8601")

        times = gold.get("time_expressions", [])
        for t in times:
            label = f"time {t.get('text')!r}"
            if not t.get("text") or squash(t["text"]) not in flat:
                bad(f"{label} not in the document")
            if t.get("value") and _edtf_error(t["value"]):
                bad(f"{label} value {t['value']!r} is not EDTF")
            if t.get("duration") and not ISO_DURATION.fullmatch(t["duration"]):
                bad(f"{label} duration {t['duration']!r} is not ISO 8601")
            if t.get("negative") and (t.get("value") or t.get("duration") or t.get("optional")):
                bad(f"{label} is negative and must carry no value, duration or optional flag")
            if not (t.get("negative") or t.get("optional") or t.get("value") or t.get("duration")):
                bad(f"{label} needs a value or duration (or optional/negative)")
        problems.extend(f"{where}: {p}" for p in _time_self_match_problems(times))

        for section, kinds in (("events", EVENT_KINDS), ("reflections", REFLECTION_KINDS)):
            for item in gold.get(section, []):
                anchors = item.get("anchors") or []
                label = f"{section[:-1]} {anchors[:1]}"
                if not anchors:
                    bad(f"{label} has no anchors")
                for a in anchors:
                    if not squash(a) or squash(a) not in flat:
                        bad(f"{label} anchor {a!r} not in the document")
                    elif len(squash(a)) > 200:
                        bad(f"{label} anchor {a!r} longer than the scorer's evidence limit")
                if item.get("kind") not in kinds:
                    bad(f"{label} kind {item.get('kind')!r} unknown")
                if section == "events":
                    if item.get("subject") not in SUBJECTS:
                        bad(f"{label} subject {item.get('subject')!r} unknown")
                    if item.get("when") and _edtf_error(item["when"]):
                        bad(f"{label} when {item['when']!r} is not EDTF")
                    if item.get("duration") and not ISO_DURATION.fullmatch(item["duration"]):
                        bad(f"{label} duration {item['duration']!r} is not ISO 8601")
    for missing in sorted(documents - annotated):
        problems.append(f"{missing}: document has no gold file")
    return problems


# --------------------------------------------------------------------------- scoring


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("careernarr_shared_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parse_all(corpus: Path, gold_dir: Path, out: Path, jobs: int = 4) -> dict[str, str]:
    """Run the CLI on every annotated document into ``out/<stem>.json``; errors by document."""
    docs = [corpus / json.loads(g.read_text(encoding="utf-8"))["document"]
            for g in sorted(gold_dir.glob("*.json"))]

    def one(doc: Path) -> tuple[str, str | None]:
        cmd = [sys.executable, "-m", "careernarr", "parse", str(doc), "--to", "json"]
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=ROOT, check=False)
        if run.returncode != 0:
            return doc.name, run.stderr.strip()[-300:] or f"exit {run.returncode}"
        (out / f"{doc.stem}.json").write_text(run.stdout, encoding="utf-8")
        return doc.name, None

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return {name: err for name, err in pool.map(one, docs) if err}


def score(corpus: Path, gold_dir: Path, json_dir: Path) -> dict[str, Any]:
    """The shared scorer's summary for one corpus (its table goes to stderr-free stdout capture)."""
    summary = json_dir / "_summary.json"
    run = subprocess.run(
        [sys.executable, str(SCORER), "--corpus", str(corpus), "--gold", str(gold_dir),
         "--json-dir", str(json_dir), "--json-summary", str(summary)],
        capture_output=True, text=True, timeout=600, cwd=ROOT, check=False)
    if run.returncode != 0:
        raise SystemExit(f"score.py failed on {corpus}:\n{run.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(summary.read_text(encoding="utf-8"))
    result["_table"] = run.stdout
    return result


def _get(summary: dict[str, Any], path: tuple[str, ...]) -> float | None:
    value: Any = summary
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, (int, float)) else None


def compare(shared: dict[str, Any], heldout: dict[str, Any], tolerance: float) -> list[dict[str, Any]]:
    """One row per measure: shared, held-out, difference, and whether it drops too far."""
    rows = []
    for label, path in MEASURES + INFO:
        a, b = _get(shared, path), _get(heldout, path)
        diff = None if a is None or b is None else round(b - a, 3)
        promised = (label, path) in MEASURES
        rows.append({"measure": label, "shared": a, "heldout": b, "diff": diff, "promised": promised,
                     "drop": bool(promised and diff is not None and diff < -tolerance)})
    return rows


def _fmt(v: float | None) -> str:
    return "   -  " if v is None else f"{v:6.3f}" if isinstance(v, float) else f"{v:6d}"


def print_table(rows: list[dict[str, Any]], tolerance: float) -> None:
    print(f"{'measure':22} {'shared':>7} {'heldout':>8} {'diff':>7}")
    for i, r in enumerate(rows):
        if i == len(MEASURES):
            print("  (for information)")
        diff = "   -  " if r["diff"] is None else f"{r['diff']:+6.3f}"
        flag = f"  DROP > {tolerance}" if r["drop"] else ""
        print(f"{r['measure']:22} {_fmt(r['shared']):>7} {_fmt(r['heldout']):>8} {diff:>7}{flag}")


# --------------------------------------------------------------------------- details


def _pred_text(item: dict[str, Any], text: str) -> str:
    t = item.get("text")
    if t is None and item.get("span"):
        s, e = item["span"][:2]
        t = text[s:e]
    return t or ""


def _matches(pred_text: str, gold: dict[str, Any]) -> bool:
    t = squash(pred_text)
    return 0 < len(t) <= 200 and any(squash(a) in t for a in gold["anchors"])


def _short(s: str, n: int = 48) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s if len(s) <= n else s[: n - 1] + "…"


def details(corpus: Path, gold_dir: Path, json_dir: Path) -> list[str]:
    """Human-readable misses per held-out document: what to look at first."""
    lines: list[str] = []
    for gf in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        pf = json_dir / f"{Path(gold['document']).stem}.json"
        if not pf.exists():
            lines.append(f"== {gold['document']}: no output")
            continue
        pred = json.loads(pf.read_text(encoding="utf-8"))
        text = pred.get("text", "")
        lines.append(f"== {gold['document']} ({pred.get('format')}, {pred.get('language')})")
        for section in ("events", "reflections"):
            golds = gold.get(section, [])
            preds = pred.get(section) or []
            hit = [False] * len(golds)
            for p in preds:
                pt = _pred_text(p, text)
                found = [i for i, g in enumerate(golds) if _matches(pt, g)]
                if not found:
                    extra = f" rule={p.get('rule')}" if section == "events" else ""
                    lines.append(f"  FP {section[:-1]:10} {p.get('kind', ''):13} {_short(pt)}{extra}")
                    continue
                i = next((i for i in found if not hit[i] and not golds[i].get("optional")), found[-1])
                hit[i] = True
                g = golds[i]
                if section == "events" and not g.get("optional"):
                    if p.get("kind") != g["kind"]:
                        lines.append(f"  KIND {g['kind']:>13} <- {p.get('kind'):13} {_short(g['anchors'][0])}")
                    if g.get("when") and p.get("when") != g["when"]:
                        lines.append(f"  WHEN {g['when']:>15} <- {p.get('when')!s:15} {_short(g['anchors'][0])}")
                    if p.get("subject") and p.get("subject") != g["subject"]:
                        lines.append(f"  SUBJ {g['subject']:>9} <- {p.get('subject'):9} {_short(g['anchors'][0])}")
            for h, g in zip(hit, golds):
                if not h and not g.get("optional"):
                    lines.append(f"  MISS {section[:-1]:10} {g['kind']:13} {_short(g['anchors'][0])}")
        times = gold.get("time_expressions", [])
        seen: dict[int, bool] = {}
        wrong: dict[int, list[str]] = {}
        for p in pred.get("time_expressions") or []:
            if not (p.get("value") or p.get("duration")):
                continue
            t = squash(p.get("text", ""))
            got = p.get("value") or p.get("duration")
            best = None
            for i, g in enumerate(times):
                gt = squash(g["text"])
                if (gt in t and len(t) <= len(gt) + 6) or (t and t in gt and len(t) >= len(gt) - 2):
                    best = i
                    break
            if best is None:
                lines.append(f"  FP time {p.get('text')!r} -> {got}")
                continue
            g = times[best]
            if g.get("negative"):
                lines.append(f"  NEG time {p.get('text')!r} -> {got}")
                continue
            ok = (g.get("value") is None or p.get("value") == g["value"]) and \
                 (g.get("duration") is None or p.get("duration") == g["duration"])
            seen[best] = seen.get(best, False) or ok
            if not ok:
                wrong.setdefault(best, []).append(str(got))
        for i, g in enumerate(times):
            if g.get("optional") or g.get("negative"):
                continue
            if i in seen and not seen[i]:
                want = g.get("value") or g.get("duration")
                lines.append(f"  VALUE time {g['text']!r}: want {want} got {', '.join(wrong[i])}")
            elif i not in seen:
                lines.append(f"  MISS time {g['text']!r} ({g.get('value') or g.get('duration')})")
    return lines


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HELDOUT / "corpus")
    ap.add_argument("--gold", type=Path, default=HELDOUT / "gold")
    ap.add_argument("--check", action="store_true", help="only validate the held-out gold")
    ap.add_argument("--details", action="store_true", help="list misses per held-out document")
    ap.add_argument("--tolerance", type=float, default=0.15)
    ap.add_argument("--fail-on-drop", action="store_true", help="exit 2 when a measure drops too far")
    ap.add_argument("--json", type=Path, help="write summaries and differences to this file")
    ap.add_argument("--jobs", type=int, default=4, help="documents parsed in parallel")
    args = ap.parse_args(argv)

    problems = validate_gold(args.corpus, args.gold)
    n_gold = len(list(args.gold.glob("*.json")))
    if problems:
        print(f"held-out gold: {len(problems)} problem(s)")
        for p in problems:
            print(f"  {p}")
        return 1
    print(f"held-out gold: {n_gold} documents, valid")
    if args.check:
        return 0
    if not SCORER.exists():
        print(f"{SCORER} not found: scoring skipped")
        return 0

    with tempfile.TemporaryDirectory(prefix="careernarr-heldout-") as tmp:
        shared_dir, heldout_dir = Path(tmp, "shared"), Path(tmp, "heldout")
        shared_dir.mkdir()
        heldout_dir.mkdir()
        failures = parse_all(SHARED / "corpus", SHARED / "gold", shared_dir, args.jobs)
        failures |= parse_all(args.corpus, args.gold, heldout_dir, args.jobs)
        for name, err in failures.items():
            print(f"parse failed: {name}: {err}")
        shared = score(SHARED / "corpus", SHARED / "gold", shared_dir)
        heldout = score(args.corpus, args.gold, heldout_dir)
        print("\nheld-out documents (score.py notes):")
        print("\n".join("  " + ln for ln in heldout["_table"].splitlines() if ln.strip()))
        print()
        rows = compare(shared, heldout, args.tolerance)
        print_table(rows, args.tolerance)
        if args.details:
            print("\nheld-out misses (FP = predicted, matches no gold; MISS = gold not found; "
                  "KIND/WHEN/SUBJ/VALUE = want <- got):")
            print("\n".join(details(args.corpus, args.gold, heldout_dir)))
        if args.json:
            for s in (shared, heldout):
                s.pop("_table", None)
            args.json.write_text(json.dumps({"shared": shared, "heldout": heldout, "comparison": rows},
                                            indent=2, ensure_ascii=False), encoding="utf-8")
    drops = [r["measure"] for r in rows if r["drop"]]
    if drops:
        print(f"\nDROP > {args.tolerance}: {', '.join(drops)}")
    return 2 if drops and args.fail_on_drop else 0


if __name__ == "__main__":
    sys.exit(main())
