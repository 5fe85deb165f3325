"""Throughput benchmark: careernarr's full pipeline against OpenCC alone.

    python benchmarks/throughput.py                      # ~10 MB corpus, all measures
    python benchmarks/throughput.py --mb 5               # a ~5 MB corpus
    python benchmarks/throughput.py --mb 2 --rounds 1    # a quick look
    python benchmarks/throughput.py --growth             # also 1/10/100 MB and a 10 MB single line
    python benchmarks/throughput.py --growth --sizes 0.5,1,2 --line-mb 1   # a quick growth curve
    python benchmarks/throughput.py --corpus DIR         # sample documents from DIR too
    python benchmarks/throughput.py --only --corpus DIR  # sample documents from DIR alone

It builds a corpus by repeating and shuffling sample documents of every
supported format (the bundled examples, the test fixtures and, when present,
../shared/corpus), writes it to a temporary folder, and reports in one run,
interleaved over several rounds (so machine noise hits all measures alike):

- read+decode alone (``careernarr.source.read_source``),
- OpenCC ``t2s`` alone over the same decoded texts,
- the full pipeline (detect + parse + normalize + extract + JSON export),

as MB/s and as the ratio pipeline / OpenCC (target ≤ 10), both in wall-clock
time and in CPU time of this process (CPU time is what to trust when other
work shares the machine). Medians over the rounds, with the spread.

Then: the stage breakdown (CPU seconds per stage), peak memory (Python heap
for the largest corpus document, and the whole process's resident-memory
growth for one single-line document of ``--line-mb`` MB: target ≤ 10× the
document's size), the speed-up of ``parse_many(jobs=2)`` over one process
(target ≥ 1.8 on a 2-core machine; interleaved rounds, wall-clock, so it is
only meaningful on an otherwise idle machine), start-up time (``import
careernarr`` and a first parse of a small document, in fresh interpreters: the
first fills an empty scanner-plan cache, the later ones read it)
and, with ``--growth``, the growth curve (each size should cost its size
ratio: 100 MB ≤ 11× what 10 MB costs) and one single-line document of
``--line-mb`` MB. Timings are noisy on a shared machine: this is a script to
read, not a test to pass; the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIRS = [ROOT / "examples" / "documents", ROOT / "tests" / "fixtures", ROOT.parent / "shared" / "corpus"]
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".srt", ".vtt", ".json", ""}
SKIP_PARTS = {"broken", "hostile", "malformed", "encodings", "bad", "fuzz"}


def samples(folders: Iterable[Path]) -> list[Path]:
    """Readable sample documents (UTF-8 text that parses; not fixtures meant to fail)."""
    from careernarr import parse

    found = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for p in sorted(folder.rglob("*")):
            if not p.is_file() or p.suffix.lower() not in TEXT_SUFFIXES or p.stat().st_size > 2_000_000:
                continue
            if SKIP_PARTS & set(p.parts):
                continue
            try:
                p.read_bytes().decode("utf-8")
                parse(p, extract=False)
            except Exception:
                continue
            found.append(p)
    return found


def build_corpus(sources: list[Path], megabytes: float, out: Path, seed: int = 7) -> list[Path]:
    """Copies of ``sources``, shuffled, until about ``megabytes`` MB are written to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    data = {src: src.read_bytes() for src in sources}
    written, paths, i = 0, [], 0
    while written < target:
        order = sources[:]
        rng.shuffle(order)
        for src in order:
            if written >= target:
                break
            dest = out / f"{i:06d}-{src.name}"
            dest.write_bytes(data[src])
            paths.append(dest)
            written += len(data[src])
            i += 1
    return paths


def single_line(sources: list[Path], megabytes: float, dest: Path) -> Path:
    """One document of exactly ``megabytes`` MB of UTF-8 on one line (the samples' text, newlines turned to spaces)."""
    target = int(megabytes * 1_000_000)
    chunk = " ".join(p.read_text(encoding="utf-8").replace("\r", " ").replace("\n", " ") for p in sources)
    raw = (chunk.encode("utf-8") + b" ") * (target // max(len(chunk.encode("utf-8")), 1) + 1)
    raw = raw[:target].decode("utf-8", "ignore").encode("utf-8")  # cut on a character boundary
    raw += b" " * (target - len(raw))
    dest.write_bytes(raw)
    return dest


def total_mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1_000_000


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) spent in ``fn()``."""
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def spread(values: list[float]) -> str:
    med = statistics.median(values)
    if len(values) < 2 or med == 0:
        return ""
    return f"  (min {min(values):.2f}, max {max(values):.2f}, ±{50 * (max(values) - min(values)) / med:.0f} %)"


def run_interleaved(paths: list[Path], rounds: int) -> dict[str, list[tuple[float, float]]]:
    """Every measure once per round, in a rotating order; (wall, CPU) per measure and round."""
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
    names = list(measures)
    times: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in range(rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            times[name].append(timed(measures[name]))
    return times


def stage_breakdown(paths: list[Path]) -> dict[str, float]:
    """CPU seconds per stage over the corpus, calling the stages as ``careernarr.parse`` does.

    The sentences and the lexicon matches the event and reflection
    extractors share are made (and timed) before the event extractor runs.
    """
    import attrs

    from careernarr.export.json import to_json
    from careernarr.extract.context import ExtractionContext
    from careernarr.extract.cues import lexicon_hits
    from careernarr.extract.lexicon import load_lexicon
    from careernarr.extract.pipeline import _map_back
    from careernarr.extract.sentences import sentences_of
    from careernarr.plugins import default_host
    from careernarr.script import detect_language, working_form
    from careernarr.source import read_source

    clock = time.process_time
    host = default_host()
    stages: dict[str, float] = defaultdict(float)
    for p in paths:
        t = clock()
        src = read_source(p)
        t1 = clock()
        stages["read+decode"] += t1 - t
        parser = host.detect(src)
        t2 = clock()
        stages["detect"] += t2 - t1
        n = parser.parse(src)
        t3 = clock()
        stages["parse"] += t3 - t2
        if n.language is None:
            n = n.evolve(language=detect_language(n.text))
        t4 = clock()
        stages["language"] += t4 - t3
        working, back = working_form(n)
        t5 = clock()
        stages["normalize"] += t5 - t4
        ctx = ExtractionContext(working, reference_date=n.date, lexicons=host.lexicons, language=n.language)
        found = {}
        for field in ("time_expressions", "events", "reflections"):
            ex = host.extractors.get(field)
            if ex is None:
                continue
            if field == "events":
                # done once per document for the built-in event and reflection extractors
                t6 = clock()
                sentences_of(ctx)
                t7 = clock()
                lexicon_hits(ctx, load_lexicon(ctx.lexicons))
                stages["sentences (shared)"] += t7 - t6
                stages["lexicon matching (shared)"] += clock() - t7
            t6 = clock()
            found[field] = tuple(ex.extract(ctx))
            stages[f"extract {field}"] += clock() - t6
            if field == "time_expressions":
                ctx = attrs.evolve(ctx, time_expressions=found[field])
        t7 = clock()
        n = n.evolve(**{k: _map_back(v, back, n.text) for k, v in found.items()})
        t8 = clock()
        stages["map spans back"] += t8 - t7
        to_json(n)
        stages["json export"] += clock() - t8
    return dict(stages)


def python_heap_peak(path: Path) -> tuple[int, int]:
    """(document bytes, peak Python-heap bytes traced while parsing and exporting it)."""
    from careernarr import parse, to_json

    parse(path)  # caches warmed outside the measurement
    tracemalloc.start()
    to_json(parse(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return path.stat().st_size, peak


_RSS_CODE = """
import sys, time
import careernarr

def status(key):
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) * 1024 for line in fh if line.startswith(key))

careernarr.parse('2024年初我加入了一家公司。\\n\\n去年我辞职了。 In 2023 I quit.')
before = status("VmRSS:")
with open("/proc/self/clear_refs", "w") as fh:
    fh.write("5")  # reset the peak (VmHWM) to the current resident size
t = time.perf_counter(); c = time.process_time()
careernarr.to_json(careernarr.parse(sys.argv[1]))
w = time.perf_counter() - t; c = time.process_time() - c
print(before, status("VmHWM:"), w, c)
"""


def rss_growth(path: Path) -> tuple[int, int, float, float]:
    """(bytes, peak resident-memory growth, wall s, CPU s) of a fresh, warmed process parsing ``path``.

    The growth is the process's peak resident size while parsing and
    exporting (Linux ``VmHWM``, reset just before) minus its size before.
    """
    out = subprocess.run([sys.executable, "-c", _RSS_CODE, str(path)], capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"single-document run failed:\n{out.stderr[-2000:]}")
    before, after, wall, cpu = out.stdout.split()
    return path.stat().st_size, int(after) - int(before), float(wall), float(cpu)


def speedup(paths: list[Path], rounds: int, jobs: int) -> tuple[list[float], list[float]]:
    """Wall seconds of ``parse_many`` with 1 and with ``jobs`` workers, interleaved over ``rounds``."""
    from careernarr import parse_many

    one, many = [], []
    for r in range(rounds):
        order = [(1, one), (jobs, many)]
        for n, sink in order if r % 2 == 0 else order[::-1]:
            sink.append(timed(lambda n=n: sum(1 for _ in parse_many(paths, jobs=n)))[0])
    return one, many


_STARTUP_CODE = (
    "import time; t=time.perf_counter(); c=time.process_time(); import careernarr; a=time.perf_counter()-t; "
    "careernarr.parse('2024年初我加入了一家公司。\\n\\n去年我辞职了。'); b=time.perf_counter()-t; "
    "print(a, b, time.process_time()-c)"
)


def startup(runs: int = 3) -> tuple[list[float], list[float], list[float], tuple[float, float]]:
    """Start-up in fresh interpreters sharing a new scanner-plan cache (careernarr.extract.scan_plans).

    The first interpreter finds the cache empty and fills it: its seconds for
    import + first parse, wall and CPU, come last. Then, for ``runs`` later
    interpreters: seconds for ``import careernarr``, for import + first parse
    (wall) and for the same in CPU time.
    """
    imports, firsts, cpus = [], [], []
    with tempfile.TemporaryDirectory(prefix="careernarr-startup-") as cache:
        env = {**os.environ, "CAREERNARR_CACHE_DIR": cache}
        env.pop("CAREERNARR_CACHE", None)
        cold = (0.0, 0.0)
        for i in range(runs + 1):
            out = subprocess.run([sys.executable, "-c", _STARTUP_CODE], capture_output=True, text=True, check=True,
                                 env=env)
            a, b, c = map(float, out.stdout.split())
            if i == 0:
                cold = (b, c)
                continue
            imports.append(a)
            firsts.append(b)
            cpus.append(c)
    return imports, firsts, cpus, cold


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="extra sample folder")
    ap.add_argument("--only", action="store_true", help="sample only the --corpus folders")
    ap.add_argument("--jobs", type=int, default=2, help="workers for the speed-up measure (default 2)")
    ap.add_argument("--growth", action="store_true", help="also measure the growth curve and one single-line document")
    ap.add_argument("--sizes", default="1,10,100", help="growth-curve sizes in MB (default 1,10,100)")
    ap.add_argument("--line-mb", type=float, default=None,
                    help="size of the single-line document (default: --mb, at most 10)")
    ap.add_argument("--skip", default="", help="comma-separated measures to skip: stages,memory,speedup,startup")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    line_mb = args.line_mb if args.line_mb is not None else min(args.mb, 10.0)

    print(load())
    folders = args.corpus if args.only else [*SAMPLE_DIRS, *args.corpus]
    srcs = samples(folders)
    if not srcs:
        raise SystemExit("no sample documents found")
    from careernarr import detect

    formats = Counter(detect(p) for p in srcs)
    print(f"{len(srcs)} sample documents: " + ", ".join(f"{n} {f}" for f, n in formats.most_common()))
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_corpus(srcs, args.mb, Path(tmp) / "corpus")
        mb = total_mb(paths)
        print(f"corpus: {len(paths)} documents, {mb:.1f} MB; {args.rounds} interleaved rounds, medians\n")
        times = run_interleaved(paths, args.rounds)
        for name, pairs in times.items():
            walls = [w for w, _ in pairs]
            cpus = [c for _, c in pairs]
            print(f"{name:12} wall {statistics.median(walls):7.2f} s {mb / statistics.median(walls):8.2f} MB/s"
                  f"   CPU {statistics.median(cpus):7.2f} s {mb / statistics.median(cpus):8.2f} MB/s{spread(walls)}")
        for i, clock in enumerate(("wall", "CPU")):
            ratios = [p[i] / o[i] for p, o in zip(times["pipeline"], times["opencc t2s"])]
            print(f"ratio pipeline / OpenCC t2s ({clock}): {statistics.median(ratios):.1f}  (target ≤ 10){spread(ratios)}")

        if "stages" not in skip:
            print("\nstage breakdown (CPU, one pass):")
            stages = stage_breakdown(paths)
            whole = sum(stages.values())
            for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
                print(f"  {name:28} {secs:7.2f} s  {100 * secs / whole:5.1f} %  {mb / max(secs, 1e-9):9.2f} MB/s")

        if "memory" not in skip:
            largest = max(paths, key=lambda p: p.stat().st_size)
            size, peak = python_heap_peak(largest)
            print(f"\npeak Python heap for the largest corpus document: {peak / 1e6:.1f} MB for {size / 1e6:.2f} MB "
                  f"({peak / max(size, 1):.1f}×, target ≤ 10×)")

        if "speedup" not in skip:
            one, many = speedup(paths, args.rounds, args.jobs)
            ratios = [a / b for a, b in zip(one, many)]
            print(f"parse_many: 1 worker {statistics.median(one):.1f} s, {args.jobs} workers "
                  f"{statistics.median(many):.1f} s, speed-up {statistics.median(ratios):.2f}× "
                  f"(target ≥ 1.8){spread(ratios)}")

        if args.growth:
            print("\ngrowth (full pipeline, one process, one pass each):")
            base: tuple[float, float, float] | None = None
            prev: tuple[float, float] | None = None
            from careernarr import parse, to_json

            for size_mb in (float(s) for s in args.sizes.split(",")):
                ps = build_corpus(srcs, size_mb, Path(tmp) / f"growth-{size_mb:g}")
                got = total_mb(ps)
                wall, cpu = timed(lambda ps=ps: [to_json(parse(p)) for p in ps])
                base = base or (got, wall, cpu)
                step = ""
                if prev:
                    step = f"; {cpu / prev[1]:.1f}× the previous size for {got / prev[0]:.1f}× the bytes"
                print(f"  {got:7.1f} MB  wall {wall:8.1f} s  CPU {cpu:8.1f} s  {got / cpu:6.2f} MB/s{step}")
                prev = (got, cpu)
                for p in ps:
                    p.unlink()

        if args.growth or "memory" not in skip:
            line = single_line(srcs, line_mb, Path(tmp) / "single-line.txt")
            size, grew, wall, cpu = rss_growth(line)
            print(f"\none {size / 1e6:.1f} MB single-line document (fresh process): wall {wall:.1f} s, "
                  f"CPU {cpu:.1f} s ({size / 1e6 / cpu:.2f} MB/s); resident memory grew {grew / 1e6:.0f} MB "
                  f"({grew / size:.1f}× its size, target ≤ 10×)")

    if "startup" not in skip:
        imports, firsts, cpus, (cold_wall, cold_cpu) = startup()
        print(f"\nstart-up (median of {len(imports)} fresh interpreters): import careernarr "
              f"{statistics.median(imports) * 1000:.0f} ms, import + first parse {statistics.median(firsts) * 1000:.0f} ms "
              f"wall, {statistics.median(cpus) * 1000:.0f} ms CPU (target: well under 1 s); the first interpreter, "
              f"which fills the scanner-plan cache: {cold_wall * 1000:.0f} ms wall, {cold_cpu * 1000:.0f} ms CPU")
    print("\n" + load())


if __name__ == "__main__":
    main()
