"""Batch internals: chunking, crash isolation, writing files from the workers."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import careernarr
from careernarr.batch import _chunks, run_many


def _double_or_die(item: str) -> str:
    if item.startswith("boom"):
        os._exit(3)  # a worker process dying, as a segfault in a C extension would
    return item * 2


def _crashed(item: str, exc: BaseException) -> str:
    return f"crashed:{item}"


@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=200), st.integers(1, 4))
def test_chunks_cover_every_item_once_heaviest_first(weights: list[int], workers: int) -> None:
    chunks = _chunks(range(len(weights)), [float(w) for w in weights], workers, None)
    flat = [i for chunk in chunks for i in chunk]
    assert sorted(flat) == list(range(len(weights)))
    assert [weights[i] for i in flat] == sorted(weights, reverse=True)
    assert all(chunk for chunk in chunks)


def test_a_dying_worker_costs_only_its_own_item() -> None:
    items = [f"d{i}" for i in range(40)]
    items[7] = "boom-a"
    items[31] = "boom-b"
    got = list(run_many(_double_or_die, items, jobs=2, on_crash=_crashed, initializer=None))
    assert [item for item, _ in got] == items, "every item once, in input order"
    results = dict(got)
    assert results["boom-a"] == "crashed:boom-a"
    assert results["boom-b"] == "crashed:boom-b"
    assert all(results[i] == i * 2 for i in items if not i.startswith("boom"))


def test_unordered_run_many_yields_each_item_once() -> None:
    items = [f"x{i}" for i in range(25)]
    got = list(run_many(_double_or_die, items, jobs=2, ordered=False, on_crash=_crashed,
                        weight=lambda item: len(item), initializer=None))
    assert sorted(item for item, _ in got) == sorted(items)


def _write_corpus(root: Path) -> list[Path]:
    docs = {
        "zh-hans.txt": "转行这一年\n\n2022年秋天，我从银行辞职，开始学习编程。半年后找到了第一份开发工作。\n",
        "zh-hant.txt": "我的工作回顧\n\n2021年初我加入了一家新創公司，去年升職為組長。\n",
        "en.md": "# Leaving consulting\n\nIn May 2020 I left my consulting job and joined a nonprofit.\n",
    }
    paths = []
    for name, text in docs.items():
        p = root / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    bad = root / "image.bin"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return [*paths, bad]


def test_parse_many_writes_files_in_the_workers(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    paths = _write_corpus(src)
    out = tmp_path / "out"
    outcomes = list(careernarr.parse_many(paths, jobs=2, outdir=out, to=("json", "markdown")))
    assert [o.path for o in outcomes] == [str(p) for p in paths]
    assert [o.ok for o in outcomes] == [True, True, True, False]
    assert all(o.narrative is None for o in outcomes), "narratives stay in the workers"
    first = outcomes[0]
    assert sorted(Path(f).name for f in first.outputs) == ["zh-hans.json", "zh-hans.md"]
    data = json.loads(Path(first.outputs[0] if first.outputs[0].endswith(".json") else first.outputs[1])
                      .read_text(encoding="utf-8"))
    assert data["text"] == paths[0].read_text(encoding="utf-8")
    assert outcomes[3].outputs == () and "image.bin" in (outcomes[3].error or "")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{stem}{suffix}" for stem in ("zh-hans", "zh-hant", "en") for suffix in (".json", ".md"))


def test_parse_many_in_parallel_matches_one_process(tmp_path: Path) -> None:
    paths = _write_corpus(tmp_path)[:3] * 4
    serial = [careernarr.to_json(o.narrative) for o in careernarr.parse_many(paths, jobs=1) if o.narrative]
    parallel = [careernarr.to_json(o.narrative) for o in careernarr.parse_many(paths, jobs=2) if o.narrative]
    assert parallel == serial and len(serial) == 12
