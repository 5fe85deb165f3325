"""careernarr's time extraction against JioNLP's ``extract_time``, on the same documents.

    python benchmarks/time_vs_jionlp.py                  # shared corpus (if present) + test fixtures
    python benchmarks/time_vs_jionlp.py --corpus DIR     # documents from DIR too
    python benchmarks/time_vs_jionlp.py --rounds 5       # more timing rounds
    python benchmarks/time_vs_jionlp.py --list           # every expression each one finds

JioNLP is not a careernarr dependency: ``pip install 'careernarr[bench]'``
(or ``pip install jionlp``). Without it the script still measures careernarr
and says JioNLP was skipped.

Both read the same text: the document as careernarr parsed it (JioNLP sees the
whole text; careernarr skips metadata lines, diagrams and code, as it does in
real use). Both are told the document's reference date when careernarr knows
one; otherwise JioNLP counts relative words from *today* (that is its
default), careernarr leaves them unresolved. Throughput is characters per
second of extraction alone (parsing excluded), best of ``--rounds``.

Then a probe table: phrases careernarr must handle (bare months, Chinese
numeral years, traditional script, durations inside phrases, two-digit-year
ranges, English), with what each library returns.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import careernarr
from careernarr.extract.time import extract_times, find_times
from careernarr.extract.time_values import parse_reference
from careernarr.model import Narrative

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "time"

#: Phrases that tell the two apart, with the reference date they are read against.
PROBES: list[tuple[str, str | None, str]] = [
    ("2024年我跳槽了，8月入职新公司。", "2025-11-17", "bare month after a year"),
    ("3 月 3 号开始休假。", "2025-11-17", "bare month and day, spaced"),
    ("二零二五年我开始写作。", None, "Chinese-numeral year"),
    ("二〇一四年毕业。", None, "Chinese-numeral year with 〇"),
    ("兩年前我離開了上海。", "2025-11-17", "traditional script, years ago"),
    ("上個月剛被裁員。", "2025-11-17", "traditional script, last month"),
    ("三个月的假期转眼就过去了。", None, "duration inside a phrase"),
    ("14年底到16年中，我在创业。", "2025-11-17", "two-digit-year range"),
    ("年终绩效评估如期而至。", "2025-11-17", "year end alone"),
    ("Q3时技术部门主导开发。", "2025-11-17", "quarter"),
    ("陪三岁的儿子搭积木。", None, "an age (not a time)"),
    ("每两周一次的交流。", None, "a frequency (not a duration)"),
    ("I quit in early 2022, two years ago.", "2024-06-01", "English"),
]


def _load_jionlp() -> Any | None:
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner on import
            import jionlp  # type: ignore[import-not-found]
    except Exception as exc:  # noqa: BLE001 - any failure means "not available here"
        print(f"JioNLP skipped: cannot import it ({type(exc).__name__}: {exc}). "
              "Install it with: pip install 'careernarr[bench]'\n")
        return None
    return jionlp


def _time_base(reference: str | None) -> float | None:
    date = parse_reference(reference)
    if date is None:
        return None
    y, m, d = date
    return time.mktime(dt.date(y, m or 1, d or 1).timetuple())


def jionlp_times(jio: Any, text: str, reference: str | None) -> list[dict[str, Any]]:
    """JioNLP's expressions, or one ``error`` item if it raised."""
    base = _time_base(reference)
    logging.disable(logging.CRITICAL)  # it logs a traceback for every phrase it cannot parse
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            if base is None:
                return list(jio.ner.extract_time(text, with_parsing=True))
            return list(jio.ner.extract_time(text, time_base=base, with_parsing=True))
    except Exception as exc:  # noqa: BLE001 - report, do not stop the benchmark
        return [{"text": "", "error": f"{type(exc).__name__}: {exc}"}]
    finally:
        logging.disable(logging.NOTSET)


def _jionlp_value(item: dict[str, Any]) -> str:
    if "error" in item:
        return "error: " + item["error"][:60]
    detail = item.get("detail") or {}
    value = detail.get("time")
    if isinstance(value, list):
        value = " – ".join(str(v)[:10] for v in value)
    elif isinstance(value, dict):
        value = ", ".join(f"{k}={v}" for k, v in value.items())
    return f"{item.get('type', '')}: {value}"


def _documents(extra: Path | None) -> list[tuple[str, Narrative]]:
    paths: list[Path] = []
    for folder in (SHARED, extra):
        if folder is not None and folder.is_dir():
            paths += sorted(p for p in folder.iterdir() if p.is_file())
    paths += sorted((FIXTURES / "docs").iterdir())
    docs = [(p.name, careernarr.parse(p)) for p in paths]
    try:
        import tomllib
    except ImportError:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    cases = tomllib.loads((FIXTURES / "cases.toml").read_text(encoding="utf-8"))["case"]
    text = "\n\n".join(case["text"] for case in cases)
    docs.append(("fixture cases (joined)", Narrative(format="text", text=text)))
    return docs


def _best(rounds: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="a folder of more documents")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--list", action="store_true", help="list every expression found")
    args = ap.parse_args(argv)

    jio = _load_jionlp()
    docs = _documents(args.corpus)
    total_chars = sum(len(n.text) for _, n in docs)
    print(f"{len(docs)} documents, {total_chars} characters\n")

    print("| document | chars | careernarr found (valued) | JioNLP found |")
    print("|---|---:|---:|---:|")
    results: dict[str, tuple[list[Any], list[dict[str, Any]]]] = {}
    for name, narrative in docs:
        ours = extract_times(narrative)
        theirs = jionlp_times(jio, narrative.text, narrative.date) if jio else []
        results[name] = (ours, theirs)
        valued = sum(1 for t in ours if t.value or t.duration)
        errors = sum(1 for t in theirs if "error" in t)
        jio_cell = "skipped" if jio is None else (f"error ({errors})" if errors else str(len(theirs)))
        print(f"| {name} | {len(narrative.text)} | {len(ours)} ({valued}) | {jio_cell} |")

    ours_s = _best(args.rounds, lambda: [extract_times(n) for _, n in docs])
    print(f"\ncareernarr: {total_chars / ours_s:,.0f} chars/s ({ours_s:.3f} s, best of {args.rounds})")
    if jio is not None:
        jio_s = _best(args.rounds, lambda: [jionlp_times(jio, n.text, n.date) for _, n in docs])
        print(f"JioNLP:     {total_chars / jio_s:,.0f} chars/s ({jio_s:.3f} s, best of {args.rounds}); "
              f"careernarr is {jio_s / ours_s:.1f}× faster")

    if args.list:
        for name, (ours, theirs) in results.items():
            print(f"\n## {name}\n\ncareernarr:")
            for t in ours:
                print(f"  {t.text!r}: {t.value or t.duration or '—'} [{t.rule}]")
            if jio is not None:
                print("JioNLP:")
                for item in theirs:
                    print(f"  {item.get('text', '')!r}: {_jionlp_value(item)}")

    print("\n## Probes\n")
    print("| case | text | careernarr | JioNLP |")
    print("|---|---|---|---|")
    for text, reference, what in PROBES:
        ours_cell = "; ".join(
            f"{t.text} → {t.value or t.duration}" for t in find_times(text, reference) if t.value or t.duration
        ) or "—"
        if jio is None:
            theirs_cell = "skipped"
        else:
            theirs_cell = "; ".join(
                f"{i.get('text', '')} → {_jionlp_value(i)}" for i in jionlp_times(jio, text, reference)
            ) or "—"
        print(f"| {what} | {text} | {ours_cell} | {theirs_cell} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
