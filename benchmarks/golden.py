"""Golden-output check: the full pipeline's JSON for every sample document, saved and compared.

    python benchmarks/golden.py save  DIR    # write DIR/<n>-<name>.json for every sample document
    python benchmarks/golden.py check DIR    # compare today's output with DIR; exit 1 on any difference

The documents are every file under examples/documents, tests/fixtures
and, when present, ../shared/corpus (plus, with ``--corpus``, more
folders), hostile and oddly encoded fixtures included: for a file that does
not parse, the error's type and message are what is compared. Use it around a change that must not
change any result (a speed-up): save before, check after.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _name(path: Path) -> str:
    digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:8]
    return f"{digest}-{path.name}.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("mode", choices=("save", "check"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="extra sample folder")
    args = ap.parse_args()

    import throughput

    from careernarr import parse, to_json

    paths = [p for folder in [*throughput.SAMPLE_DIRS, *args.corpus] if folder.is_dir()
             for p in sorted(folder.rglob("*")) if p.is_file()]
    args.dir.mkdir(parents=True, exist_ok=True)
    differ = missing = 0
    cpu = time.process_time()
    for p in paths:
        try:
            out = to_json(parse(p))
        except Exception as exc:  # noqa: BLE001 - the error is part of the output
            out = f"error: {type(exc).__name__}: {exc}"
        dest = args.dir / _name(p)
        if args.mode == "save":
            dest.write_text(out, encoding="utf-8")
            continue
        if not dest.exists():
            missing += 1
            print(f"no golden output for {p}")
            continue
        want = dest.read_text(encoding="utf-8")
        if want != out:
            differ += 1
            print(f"DIFFERS: {p}")
            diff = difflib.unified_diff(want.splitlines(), out.splitlines(), "golden", "now", lineterm="", n=1)
            for line in list(diff)[:20]:
                print("   ", line)
    cpu = time.process_time() - cpu
    print(f"{len(paths)} documents, CPU {cpu:.1f} s; " + (
        "saved" if args.mode == "save" else f"{differ} differ, {missing} without golden output"))
    if differ or missing:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
