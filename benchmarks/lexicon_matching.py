"""Lexicon matching: today's ``find_all`` against one Aho–Corasick pass (a measured proposal).

    python benchmarks/lexicon_matching.py                 # sample documents, as throughput.py finds them
    python benchmarks/lexicon_matching.py --corpus DIR    # sample documents from DIR too

``careernarr.extract.cues.find_all`` runs every lexicon entry's regular
expression over the whole text: its cost grows with the number of entries
(about 2 400) times the text's length. English entries are compiled as
``(?<![A-Za-z0-9])word…`` with ``re.IGNORECASE``, which keeps Python's ``re``
from searching for a literal prefix: each such entry costs tens of times what
a Han entry costs, on any text.

The alternative measured here (not used by careernarr) finds each entry's
literal prefix (after leading look-behinds; lower-cased for
case-insensitive entries), finds every occurrence of every prefix in one
Aho–Corasick pass (``ahocorasick-rs``), and runs the entry's own regular
expression only there (``regex.match(text, pos)``, non-overlapping per entry,
as ``finditer`` does); entries without a literal prefix keep ``finditer``.
The script checks that the full pipeline's JSON is identical both ways on
every sample document, and prints the CPU time of each, also with the cue
lists found once per document instead of once per extractor.
"""

from __future__ import annotations

import argparse
import re
import re._constants as sre_constants  # type: ignore[import-not-found]
import re._parser as sre_parser  # type: ignore[import-not-found]
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: Characters ``re.IGNORECASE`` matches to ASCII letters (ſ, K, İ, ı): texts holding them keep the old path.
_FOLDS_TO_ASCII = re.compile("[\u017f\u212a\u0130\u0131]")


def literal_prefix(regex: re.Pattern[str]) -> str:
    """The literal text every match of ``regex`` starts with (after leading look-behinds), or ``""``."""
    ops = list(sre_parser.parse(regex.pattern, regex.flags))
    i = 0
    while i < len(ops) and ops[i][0] is sre_constants.ASSERT_NOT and ops[i][1][0] == -1:
        i += 1  # a negative look-behind: zero-width, before the match
    chars = []
    for op, arg in ops[i:]:
        if op is not sre_constants.LITERAL:
            break
        chars.append(chr(arg))
    prefix = "".join(chars)
    if regex.flags & re.IGNORECASE:
        return prefix.lower() if prefix.isascii() else ""
    return prefix


class PrefixScanner:
    """Every entry of one entry list, indexed by literal prefix in two automata (exact, case-folded)."""

    def __init__(self, entries: Sequence[Any]) -> None:
        import ahocorasick_rs

        self.entries = list(entries)
        self.order = {id(e): i for i, e in enumerate(self.entries)}
        self.slow: list[int] = []
        groups: dict[tuple[str, bool], list[int]] = {}
        for k, entry in enumerate(self.entries):
            prefix = literal_prefix(entry.regex)
            if prefix:
                groups.setdefault((prefix, bool(entry.regex.flags & re.IGNORECASE)), []).append(k)
            else:
                self.slow.append(k)
        self.exact = [(p, ks) for (p, folded), ks in groups.items() if not folded]
        self.folded = [(p, ks) for (p, folded), ks in groups.items() if folded]
        self.exact_ac = ahocorasick_rs.AhoCorasick([p for p, _ in self.exact] or ["\0\0"])
        self.folded_ac = ahocorasick_rs.AhoCorasick([p for p, _ in self.folded] or ["\0\0"])

    def candidates(self, text: str, lowered: str) -> dict[int, list[int]]:
        """Entry index → start offsets where its prefix occurs."""
        found: dict[int, list[int]] = {}
        for automaton, groups, haystack in ((self.exact_ac, self.exact, text), (self.folded_ac, self.folded, lowered)):
            if not groups:
                continue
            for pid, start, _ in automaton.find_matches_as_indexes(haystack, overlapping=True):
                for k in groups[pid][1]:
                    found.setdefault(k, []).append(start)
        return found


def install(share_cues: bool) -> None:
    """Swap the prefix scanner into the extractors (and optionally one ``Cues`` per document)."""
    from careernarr.extract import cues as cues_mod
    from careernarr.extract import events as events_mod
    from careernarr.extract import reflections as reflections_mod
    from careernarr.extract.lexicon import Match

    original = cues_mod.find_all
    scanners: dict[int, tuple[tuple[Any, ...], PrefixScanner]] = {}
    lowered_cache: list[str] = ["", ""]

    def lowered(text: str) -> str:
        if lowered_cache[0] is not text:
            low = text.lower()
            if len(low) != len(text):
                low = text.translate({c: c + 32 for c in range(65, 91)})
            lowered_cache[:] = [text, low]
        return lowered_cache[1]

    def find_all(entries: Iterable[Any], text: str) -> list[Any]:
        entries = tuple(entries)
        if _FOLDS_TO_ASCII.search(text):
            return original(entries, text)
        cached = scanners.get(id(entries))
        if cached is None or cached[0] is not entries:
            cached = scanners[id(entries)] = (entries, PrefixScanner(entries))
        scanner = cached[1]
        found: list[Any] = []
        nots: list[Any] = []
        for k, starts in scanner.candidates(text, lowered(text)).items():
            entry = scanner.entries[k]
            sink = nots if entry.strength == "not" else found
            last = -1
            for start in sorted(starts):
                if start < last:
                    continue
                m = entry.regex.match(text, start)
                if m and m.end() > m.start():
                    sink.append(Match(entry, m.start(), m.end()))
                    last = m.end()
        for k in scanner.slow:
            entry = scanner.entries[k]
            sink = nots if entry.strength == "not" else found
            sink.extend(Match(entry, m.start(), m.end()) for m in entry.regex.finditer(text) if m.end() > m.start())
        for hits in (found, nots):  # the order find_all gives: entry order, then position, longest first
            hits.sort(key=lambda m: (scanner.order[id(m.entry)], m.start))
            hits.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return cues_mod._cancel(found, nots) if nots else found

    cues_mod.find_all = events_mod.find_all = reflections_mod.find_all = find_all  # type: ignore[assignment]
    if share_cues:
        built = cues_mod.Cues
        last: dict[tuple[str, int], Any] = {}

        def shared(text: str, lexicon: Any) -> Any:
            key = (text, id(lexicon))
            if key not in last:
                last.clear()
                last[key] = built(text, lexicon)
            return last[key]

        events_mod.Cues = reflections_mod.Cues = shared  # type: ignore[assignment,misc]


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="extra sample folder")
    args = ap.parse_args()
    try:
        import ahocorasick_rs  # noqa: F401
    except ImportError:
        raise SystemExit("this comparison needs ahocorasick-rs: .venv/bin/pip install ahocorasick-rs") from None
    import throughput

    from careernarr import parse, to_json

    paths = throughput.samples([*throughput.SAMPLE_DIRS, *args.corpus])
    mb = sum(p.stat().st_size for p in paths) / 1e6

    def run() -> tuple[list[str], float]:
        start = time.process_time()
        out = [to_json(parse(p)) for p in paths]
        return out, time.process_time() - start

    run()
    before, t_before = run()
    install(share_cues=False)
    run()
    after, t_after = run()
    install(share_cues=True)
    run()
    shared, t_shared = run()
    same = sum(a == b for a, b in zip(before, after))
    same_shared = sum(a == b for a, b in zip(before, shared))
    print(f"{len(paths)} documents, {mb:.2f} MB")
    print(f"find_all today:              CPU {t_before:6.2f} s  {mb / t_before:6.2f} MB/s")
    print(f"prefix scanner:              CPU {t_after:6.2f} s  {mb / t_after:6.2f} MB/s  "
          f"({t_before / t_after:.1f}×; identical JSON for {same}/{len(paths)})")
    print(f"  + cue lists once per text: CPU {t_shared:6.2f} s  {mb / t_shared:6.2f} MB/s  "
          f"({t_before / t_shared:.1f}×; identical JSON for {same_shared}/{len(paths)})")


if __name__ == "__main__":
    main()
