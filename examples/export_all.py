"""Every export of the bundled example documents: reports, timelines, pages.

    python examples/export_all.py [OUTDIR] [FOLDER]
        OUTDIR  where to write (default: ./export-out)
        FOLDER  documents to read (default: examples/documents)

Writes, for each document, a Markdown report and an HTML page, and for all
of them together a corpus timeline in three forms (Mermaid text, TimelineJS
JSON, an HTML page) plus one filtered to job changes since 2020.
"""

import sys
from pathlib import Path

import careernarr
from careernarr.batch import output_stems
from careernarr.export.html import to_html
from careernarr.export.markdown import to_markdown
from careernarr.export.mermaid import to_mermaid
from careernarr.export.timeline import build_timeline, filter_narratives
from careernarr.export.timelinejs import TimelineJsExporter

out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("export-out")
folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "documents"
out.mkdir(parents=True, exist_ok=True)

narratives = []
paths = sorted(p for p in folder.iterdir() if p.is_file())
for path, stem in zip(paths, output_stems(paths)):
    try:
        narrative = careernarr.parse(path)
    except careernarr.CareerNarrError as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        continue
    narratives.append(narrative)
    (out / f"{stem}.md").write_text(to_markdown(narrative), "utf-8")
    (out / f"{stem}.html").write_text(to_html(narrative), "utf-8")
    print(f"{path.name}: {len(narrative.events)} events, {len(narrative.reflections)} reflections")

(out / "corpus.mmd").write_text(to_mermaid(narratives), "utf-8")
(out / "corpus.timeline.json").write_text(TimelineJsExporter().export(narratives), "utf-8")
(out / "corpus.html").write_text(to_html(narratives), "utf-8")

job_changes = filter_narratives(narratives, kinds=["job_start", "job_end", "career_change"], start="2020")
(out / "job-changes-since-2020.html").write_text(to_html(job_changes, "Job changes since 2020"), "utf-8")

timeline = build_timeline(narratives)
print(f"corpus timeline: {len(timeline.dated)} dated and {len(timeline.undated)} undated events "
      f"from {len(narratives)} documents")
print(f"written to {out}/")
