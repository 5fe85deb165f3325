"""Script conversion benchmark: ``careernarr.convert`` (offsets included) against OpenCC alone.

    python benchmarks/script_bench.py               # ~10 MB per direction, 3 rounds
    python benchmarks/script_bench.py --mb 2 --rounds 5
    python benchmarks/script_bench.py --keep-cache  # let alignment checks be remembered across documents

What it does:

1. Reads sample documents — the examples (``examples/documents``), the script
   test fixtures (``tests/fixtures/script``) and, when present, the shared
   sample corpus next to the repository (read in place, never copied) — and
   parses each once with extraction, so the narratives carry sections, posts,
   time expressions, events and reflections.
2. Makes both scripts: the simplified documents as they are, and the
   traditional ones plus every simplified one converted with OpenCC ``s2twp``
   (parsed again, so their spans are their own).
3. Repeats the narratives until each direction holds about ``--mb`` MB of
   text (UTF-8), and times in CPU time (``time.process_time``: the machine is
   shared, wall-clock time measures the neighbours), document by document and
   interleaved (OpenCC first on even documents, careernarr first on odd ones,
   so machine noise hits both alike):

   - ``zh-TW``   simplified → ``s2twp``  (regional phrases: lengths change),
   - ``zh-Hant`` simplified → ``s2t``,
   - ``zh-Hans`` traditional → ``t2s``,
   - ``tw2sp``   traditional → mainland vocabulary (the working form of Taiwan text),

   where "OpenCC" is ``opencc.OpenCC(config).convert(narrative.text)`` and
   "careernarr" is ``careernarr.convert(narrative, to)``: the text, every span
   moved, metadata converted, the :class:`~careernarr.model.Conversion` built.

It prints MB/s (CPU) for both and the ratio careernarr / OpenCC per direction
and overall (target ≤ 2), from the median of the rounds, and the range of the
per-round ratios. The alignment remembers the short stretches it checked with
OpenCC; the cache is cleared before each document (unless ``--keep-cache``)
so that repeating documents does not flatter careernarr. The garbage collector
stays on (careernarr allocates objects, OpenCC hardly any: switching it off
would flatter careernarr); it is run between directions. Timings on a shared
machine are noisy: this is a script to read, not a test.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples" / "documents", ROOT / "tests" / "fixtures" / "script", ROOT.parent / "shared" / "corpus"]
DIRECTIONS = (("zh-TW", "simplified"), ("zh-Hant", "simplified"), ("zh-Hans", "traditional"),
              ("tw2sp", "traditional"))


def load() -> dict[str, list[Any]]:
    """Parsed narratives by script: ``simplified`` and ``traditional``."""
    import opencc

    import careernarr

    s2twp = opencc.OpenCC("s2twp")
    sets: dict[str, list[Any]] = {"simplified": [], "traditional": []}
    for folder in SOURCES:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
            n = careernarr.parse(path)
            if n.language == "zh-Hant":
                sets["traditional"].append(n)
                continue
            sets["simplified"].append(n)
            if n.language in ("zh-Hans", "mixed"):
                sets["traditional"].append(careernarr.parse(s2twp.convert(path.read_text(encoding="utf-8"))))
    return sets


def repeat(narratives: list[Any], mb: float) -> list[Any]:
    """``narratives`` repeated until they hold about ``mb`` MB of UTF-8 text."""
    out, size, target = [], 0, mb * 1_000_000
    while size < target:
        for n in narratives:
            out.append(n)
            size += len(n.text.encode("utf-8"))
            if size >= target:
                break
    return out


def run(narratives: list[Any], to: str, keep_cache: bool) -> tuple[float, float, int]:
    """Seconds for OpenCC alone and for careernarr over ``narratives``, and the bytes converted."""
    import opencc

    import careernarr
    from careernarr.script import _engine, resolve_script

    config = resolve_script(to)
    cc = opencc.OpenCC(config)
    engine = _engine(config)
    cc.convert("预热")
    careernarr.convert(narratives[0], to)
    t_cc = t_cn = 0.0
    size = 0
    for i, n in enumerate(narratives):
        size += len(n.text.encode("utf-8"))
        if not keep_cache:
            engine._short.clear()
        for first in ((0, 1) if i % 2 == 0 else (1, 0)):
            start = time.process_time()
            if first == 0:
                cc.convert(n.text)
                t_cc += time.process_time() - start
            else:
                careernarr.convert(n, to)
                t_cn += time.process_time() - start
    return t_cc, t_cn, size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="MB of text per direction (default 10)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds; the median is reported (default 3)")
    ap.add_argument("--keep-cache", action="store_true", help="do not clear the alignment cache per document")
    args = ap.parse_args(argv)

    print("parsing the sample documents …", file=sys.stderr)
    sets = load()
    if not sets["simplified"] or not sets["traditional"]:
        print("no sample documents found", file=sys.stderr)
        return 2
    corpora = {name: repeat(ns, args.mb) for name, ns in sets.items()}
    for name, ns in sets.items():
        print(f"{name}: {len(ns)} distinct documents, repeated to {len(corpora[name])} "
              f"({sum(len(n.text.encode('utf-8')) for n in corpora[name]) / 1e6:.1f} MB)")
    results: dict[str, list[tuple[float, float, int]]] = {to: [] for to, _ in DIRECTIONS}
    for r in range(args.rounds):
        for to, script in DIRECTIONS:
            gc.collect()
            results[to].append(run(corpora[script], to, args.keep_cache))
        print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)

    print(f"\nCPU time (process_time), median of {args.rounds} rounds")
    print(f"{'direction':10} {'config':7} {'MB':>6} {'OpenCC MB/s':>12} {'careernarr MB/s':>16} {'ratio':>6}"
          f"  {'rounds':>11}")
    total_cc = total_cn = 0.0
    for to, _script in DIRECTIONS:
        from careernarr.script import resolve_script

        t_cc = statistics.median(x[0] for x in results[to])
        t_cn = statistics.median(x[1] for x in results[to])
        size = results[to][0][2] / 1e6
        total_cc += t_cc
        total_cn += t_cn
        ratios = [x[1] / x[0] for x in results[to]]
        print(f"{to:10} {resolve_script(to):7} {size:6.1f} {size / t_cc:12.1f} {size / t_cn:16.1f} "
              f"{t_cn / t_cc:6.2f}  {min(ratios):5.2f}–{max(ratios):5.2f}")
    overall = [sum(results[to][r][1] for to, _ in DIRECTIONS) / sum(results[to][r][0] for to, _ in DIRECTIONS)
               for r in range(args.rounds)]
    print(f"{'all':10} {'':7} {'':6} {'':12} {'':16} {total_cn / total_cc:6.2f}  "
          f"{min(overall):5.2f}–{max(overall):5.2f}   (target ≤ 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
