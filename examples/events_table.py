"""Parse a folder of documents and print a table of their events.

    python examples/events_table.py [FOLDER]      (default: examples/documents)
"""

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

import careernarr

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "documents"
table = Table(title=f"Events in {folder}")
for column in ("document", "when", "kind", "subject", "evidence"):
    table.add_column(column)

paths = sorted(p for p in folder.iterdir() if p.is_file())
for outcome in careernarr.parse_many(paths, jobs=2):
    if outcome.narrative is None:
        print(f"skipped {outcome.error}", file=sys.stderr)
        continue
    for event in outcome.narrative.events:
        table.add_row(Path(outcome.path).name, event.when or "—", event.kind, event.subject, event.text[:60])

Console(width=160).print(table)
