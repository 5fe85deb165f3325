"""Load events into a pandas DataFrame and plot events per year (PNG).

    python examples/events_per_year.py [FOLDER] [OUT.png]
"""

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no screen needed
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import careernarr  # noqa: E402

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "documents"
out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("events-per-year.png")

rows = []
for outcome in careernarr.parse_many(sorted(p for p in folder.iterdir() if p.is_file())):
    for e in outcome.narrative.events if outcome.narrative else ():
        rows.append({"document": Path(outcome.path).name, "kind": e.kind, "when": e.when, "text": e.text})

df = pd.DataFrame(rows, columns=["document", "kind", "when", "text"])
# The year is the first four digits of the EDTF value (its lower bound); undated events are left out.
df["year"] = pd.to_numeric(df["when"].str.extract(r"^(\d{4})", expand=False), errors="coerce")
dated = df.dropna(subset=["year"]).astype({"year": int})
print(f"{len(df)} events, {len(dated)} dated")
counts = dated.groupby(["year", "kind"]).size().unstack(fill_value=0)
if counts.empty:
    counts = pd.DataFrame({"events": [0]}, index=[pd.Timestamp.now().year])
ax = counts.plot(kind="bar", stacked=True, figsize=(9, 5), title="Career events per year")
ax.set_xlabel("year")
ax.set_ylabel("events")
plt.tight_layout()
plt.savefig(out, dpi=100)
print(f"wrote {out}")
