"""Throughput benchmark: careernarr's full pipeline against OpenCC alone.

    python benchmarks/throughput.py                 # ~10 MB corpus, all measures
    python benchmarks/throughput.py --mb 5          # a ~5 MB corpus
    python benchmarks/throughput.py --growth        # also 1/10/100 MB and a 10 MB single line
    python benchmarks/throughput.py --corpus DIR    # sample documents from DIR too

It builds a corpus by repeating and shuffling sample documents of every
supported format (the bundled examples, the test fixtures and, when present,
../shared/corpus), writes it to a temporary folder, and reports in one run,
interleaved over several rounds (so machine noise hits all measures alike):

- read+decode alone (``careernarr.source.read_source``),
- OpenCC ``t2s`` alone over the same decoded texts,
- the full pipeline (detect + parse + normalize + extract + JSON export),

as MB/s and as the ratio pipeline / OpenCC (target ≤ 10). Then the stage
breakdown, peak memory for the largest document (target ≤ 10× its size),
the speed-up of ``parse_many(jobs=2)`` over one process (target ≥ 1.8 on a
2-core machine), start-up time (``import careernarr`` and a first parse, in a
fresh interpreter), and with ``--growth`` the growth curve (100 MB should cost
≤ 11× what 10 MB costs). Timings are noisy here: this is a script to read,
not a test to pass.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIRS = [ROOT / "examples" / "documents", ROOT / "tests" / "fixtures", ROOT.parent / "shared" / "corpus"]
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".srt", ".vtt", ".json", ""}


def samples(extra: list[Path]) -> list[Path]:
    """Readable sample documents (UTF-8 text, not fixtures that are meant to fail)."""
    from careernarr import parse

    found = []
    for folder in [*SAMPLE_DIRS, *extra]:
        if not folder.is_dir():
            continue
        for p in sorted(folder.rglob("*")):
            if not p.is_file() or p.suffix.lower() not in TEXT_SUFFIXES or p.stat().st_size > 2_000_000:
                continue
            if any(part in {"broken", "hostile", "malformed", "encodings", "bad"} for part in p.parts):
                continue
            try:
                p.read_bytes().decode("utf-8")
                parse(p)
            except Exception:
                continue
            found.append(p)
    return found


def build_corpus(sources: list[Path], megabytes: float, out: Path, seed: int = 7) -> list[Path]:
    """Copies of ``sources``, shuffled, until about ``megabytes`` MB are written to ``out``."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    written, paths, i = 0, [], 0
    while written < target:
        order = sources[:]
        rng.shuffle(order)
        for src in order:
            if written >= target:
                break
            data = src.read_bytes()
            dest = out / f"{i:06d}-{src.name}"
            dest.write_bytes(data)
            paths.append(dest)
            written += len(data)
            i += 1
    return paths


def total_mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1_000_000


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def run_interleaved(paths: list[Path], rounds: int) -> dict[str, list[float]]:
    import opencc

    from careernarr import parse, to_json
    from careernarr.source import read_source

    t2s = opencc.OpenCC("t2s")
    texts = [read_source(p).text for p in paths]
    measures: dict[str, Callable[[], object]] = {
        "read+decode": lambda: [read_source(p) for p in paths],
        "opencc t2s": lambda: [t2s.convert(t) for t in texts],
        "pipeline": lambda: [to_json(parse(p)) for p in paths],
    }
    parse(paths[0])  # warm up: plugins, lexicons, OpenCC configurations
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(rounds):
        for name, fn in measures.items():
            times[name].append(timed(fn))
    return times


def stage_breakdown(paths: list[Path]) -> dict[str, float]:
    """Seconds per stage over the corpus, calling the stages one by one."""
    import attrs

    from careernarr.export.json import to_json
    from careernarr.extract.context import ExtractionContext
    from careernarr.plugins import default_host
    from careernarr.script import detect_language, working_form
    from careernarr.source import read_source

    host = default_host()
    stages: dict[str, float] = defaultdict(float)
    for p in paths:
        t = time.perf_counter()
        src = read_source(p)
        t1 = time.perf_counter()
        stages["read+decode"] += t1 - t
        parser = host.detect(src)
        t2 = time.perf_counter()
        stages["detect"] += t2 - t1
        n = parser.parse(src)
        n = n.evolve(language=n.language or detect_language(n.text))
        t3 = time.perf_counter()
        stages["parse"] += t3 - t2
        working, _back = working_form(n)
        t4 = time.perf_counter()
        stages["normalize"] += t4 - t3
        ctx = ExtractionContext(working, reference_date=n.date, lexicons=host.lexicons, language=n.language)
        for field in ("time_expressions", "events", "reflections"):
            ex = host.extractors.get(field)
            if ex is None:
                continue
            t5 = time.perf_counter()
            found = tuple(ex.extract(ctx))
            stages[f"extract {field}"] += time.perf_counter() - t5
            if field == "time_expressions":
                ctx = attrs.evolve(ctx, time_expressions=found)
        t6 = time.perf_counter()
        to_json(n)
        stages["json export"] += time.perf_counter() - t6
    return dict(stages)


def peak_memory(path: Path) -> tuple[int, int]:
    """(document bytes, peak traced bytes) for parsing one document."""
    from careernarr import parse, to_json

    parse(path)  # caches warmed outside the measurement
    tracemalloc.start()
    to_json(parse(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return path.stat().st_size, peak


def speedup(paths: list[Path]) -> tuple[float, float]:
    from careernarr import parse_many

    one = timed(lambda: list(parse_many(paths, jobs=1)))
    two = timed(lambda: list(parse_many(paths, jobs=2)))
    return one, two


def startup() -> tuple[float, float]:
    code = (
        "import time; t=time.perf_counter(); import careernarr; a=time.perf_counter()-t; "
        "careernarr.parse('2024年初我加入了一家公司。\\n\\n去年我辞职了。'); b=time.perf_counter()-t; "
        "print(a, b)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="extra sample folder")
    ap.add_argument("--growth", action="store_true", help="also measure 1/10/100 MB and a 10 MB single line")
    args = ap.parse_args()

    srcs = samples(args.corpus)
    print(f"{len(srcs)} sample documents")
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_corpus(srcs, args.mb, Path(tmp))
        mb = total_mb(paths)
        print(f"corpus: {len(paths)} documents, {mb:.1f} MB\n")
        times = run_interleaved(paths, args.rounds)
        med = {k: statistics.median(v) for k, v in times.items()}
        for name, secs in med.items():
            print(f"{name:12} {secs:7.2f} s  {mb / secs:7.2f} MB/s")
        print(f"\nratio pipeline / OpenCC t2s: {med['pipeline'] / med['opencc t2s']:.1f}  (target ≤ 10)")

        print("\nstage breakdown (one pass):")
        stages = stage_breakdown(paths)
        whole = sum(stages.values())
        for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
            print(f"  {name:28} {secs:7.2f} s  {100 * secs / whole:5.1f} %")

        largest = max(paths, key=lambda p: p.stat().st_size)
        size, peak = peak_memory(largest)
        print(f"\npeak memory for one document: {peak / 1e6:.1f} MB for {size / 1e6:.2f} MB "
              f"({peak / max(size, 1):.1f}×, target ≤ 10×)")

        one, two = speedup(paths)
        print(f"parse_many: 1 worker {one:.1f} s, 2 workers {two:.1f} s, speed-up {one / two:.2f}× (target ≥ 1.8)")

        if args.growth:
            print("\ngrowth (full pipeline, one process):")
            base = None
            for size_mb in (1, 10, 100):
                sub = Path(tmp) / f"g{size_mb}"
                sub.mkdir()
                ps = build_corpus(srcs, size_mb, sub)
                secs = timed(lambda ps=ps: [None for _ in __import__("careernarr").parse_many(ps)])
                base = base or secs
                print(f"  {size_mb:4d} MB  {secs:8.1f} s  ({secs / base:.1f}× the 1 MB run)")
            line = Path(tmp) / "single-line.txt"
            chunk = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in srcs)
            line.write_text((chunk * (10_000_000 // max(len(chunk.encode()), 1) + 1))[:3_400_000], encoding="utf-8")
            secs = timed(lambda: __import__("careernarr").parse(line))
            print(f"  one {line.stat().st_size / 1e6:.1f} MB single-line document: {secs:.1f} s")

    imp, first = startup()
    print(f"\nstart-up: import careernarr {imp * 1000:.0f} ms, import + first parse {first * 1000:.0f} ms")


if __name__ == "__main__":
    main()
