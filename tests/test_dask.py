"""careernarr.dask on a real dask.distributed cluster: two worker processes on this machine."""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if not os.environ.get("CI"):
    pytest.importorskip("distributed", reason="dask is not installed (pip install -e '.[dask]')")

import careernarr
from careernarr.dask import (
    EVENT_FIELDS,
    event_records,
    read_narratives,
    reflection_records,
    write_outputs,
)

FIXTURES = Path(__file__).parent / "fixtures" / "scale"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      scheduler_port=0, silence_logs=logging.ERROR) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture()
def corpus(tmp_path: Path) -> list[Path]:
    """The scale fixtures twice over (under two folders), and a file that is not a document."""
    paths = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for src in sorted(FIXTURES.iterdir()):
            dest = tmp_path / folder / src.name
            shutil.copyfile(src, dest)
            paths.append(dest)
    bad = tmp_path / "a" / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 16)
    paths.insert(3, bad)
    return paths


def test_outcomes_come_back_in_order_and_match_one_process(client: Any, corpus: list[Path]) -> None:
    bag = read_narratives(corpus, npartitions=4)
    from distributed import get_task_stream

    with get_task_stream(client=client) as stream:
        outcomes = bag.compute()
    assert {task["worker"] for task in stream.data} <= set(client.scheduler_info()["workers"])
    assert stream.data, "the work ran on the cluster's workers"
    assert [o.path for o in outcomes] == [str(p) for p in corpus]
    bad = outcomes[3]
    assert not bad.ok and "scan.pdf" in (bad.error or "") and bad.narrative is None
    good = [o for o in outcomes if o.ok]
    assert len(good) == len(corpus) - 1
    for outcome in good:
        assert careernarr.to_json(outcome.narrative) == careernarr.to_json(careernarr.parse(outcome.path))
    languages = {o.narrative.language for o in good}
    assert {"zh-Hans", "zh-Hant", "en"} <= languages


def test_event_and_reflection_records_point_into_their_text(client: Any, corpus: list[Path]) -> None:
    outcomes = read_narratives(corpus, partition_size=3)
    events, reflections = event_records(outcomes).compute(), reflection_records(outcomes).compute()
    expected = [careernarr.parse(p) for p in corpus if p.suffix != ".pdf"]
    assert len(events) == sum(len(n.events) for n in expected) > 0
    assert len(reflections) == sum(len(n.reflections) for n in expected)
    texts = {n.source: n.text for n in expected}
    for row in events:
        assert tuple(row) == EVENT_FIELDS
        assert row["text"] == texts[row["path"]][row["start"]:row["end"]]
    assert {row["kind"] for row in events} & {"job_end", "job_start", "transfer", "promotion", "career_change"}


def test_workers_write_the_files_and_send_back_only_names(client: Any, corpus: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    outcomes = write_outputs(corpus, out, to=("json", "markdown"), npartitions=3).compute()
    assert [o.path for o in outcomes] == [str(p) for p in corpus]
    assert all(o.narrative is None for o in outcomes)
    written = sorted(f for o in outcomes for f in o.outputs)
    assert written == sorted(str(p) for p in out.iterdir())
    assert len(written) == 2 * (len(corpus) - 1), "same-named files from two folders both kept"
    one = next(f for f in written if f.endswith(".json"))
    assert json.loads(Path(one).read_text(encoding="utf-8"))["schema"] == careernarr.SCHEMA_ID


def test_unknown_exporter_and_empty_input_fail_before_any_work() -> None:
    with pytest.raises(careernarr.CareerNarrError):
        write_outputs([FIXTURES / "retro-en.md"], "unused", to="no-such-exporter")
    with pytest.raises(ValueError):
        read_narratives([])
