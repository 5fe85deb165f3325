"""Does extraction give the same result on a document and on its traditional conversion?

    python benchmarks/script_invariance.py                  # ../shared/corpus, s2twp
    python benchmarks/script_invariance.py DIR --config s2hk
    python benchmarks/script_invariance.py --json           # machine-readable

Every document of the corpus folder (default: the shared sample corpus next to
the repository; nothing is copied into the repository) is parsed as it is and
again after converting its whole file with OpenCC alone (``s2twp`` unless told
otherwise). The two narratives should have the same format, the same number
of sections, posts, events and reflections, the same time values (EDTF values
and durations, in order) and the same event kinds; every span of the converted
document must lie inside its text. For each document the script prints one
line with ``same`` or the differences, and exits 1 when any document differs.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def signature(n: Any) -> dict[str, Any]:
    """What must not change when only the script changes."""
    return {
        "format": n.format,
        "sections": len(n.sections),
        "posts": len(n.posts),
        "events": len(n.events),
        "reflections": len(n.reflections),
        "time_values": [(t.value, t.duration) for t in n.time_expressions if t.value or t.duration],
        "event_kinds": [e.kind for e in n.events],
        "event_times": [e.when for e in n.events],
    }


def compare(path: Path, config: str, workdir: Path) -> dict[str, Any]:
    """Parse ``path`` and its OpenCC conversion; report what differs."""
    import opencc

    import careernarr

    original = careernarr.parse(path)
    converted_path = workdir / path.name
    converted_path.write_text(opencc.OpenCC(config).convert(path.read_text(encoding="utf-8")), encoding="utf-8")
    converted = careernarr.parse(converted_path)
    a, b = signature(original), signature(converted)
    diffs = {k: (a[k], b[k]) for k in a if a[k] != b[k]}
    outside = [s for s in converted.spans() if s.end > len(converted.text)]
    if outside:
        diffs["spans_outside_text"] = (0, len(outside))
    return {"document": path.name, "language": [original.language, converted.language],
            "same": not diffs, "differences": diffs, "counts": a}


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--config", default="s2twp", help="OpenCC configuration to convert with (default s2twp)")
    ap.add_argument("--json", action="store_true", help="print one JSON object per document")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus folder at {args.corpus}", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(p for p in args.corpus.iterdir() if p.is_file() and not p.name.startswith(".")):
            results.append(compare(path, args.config, Path(tmp)))
    for r in results:
        if args.json:
            print(json.dumps(r, ensure_ascii=False))
            continue
        c = r["counts"]
        head = (f"{r['document']:32} {r['language'][0]}→{r['language'][1]}  sections {c['sections']} "
                f"posts {c['posts']} events {c['events']} reflections {c['reflections']} "
                f"times {len(c['time_values'])}")
        print(head + ("  same" if r["same"] else "  DIFFERS"))
        for key, (before, after) in r["differences"].items():
            print(f"    {key}: original {_short(before)}")
            print(f"    {' ' * len(key)}  {args.config:8} {_short(after)}")
    same = sum(r["same"] for r in results)
    if not args.json:
        print(f"{same} of {len(results)} documents extract the same after {args.config}")
    return 0 if same == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
