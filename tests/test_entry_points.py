"""The packages in plugins/ are installed and found through the ``careernarr`` entry-point group.

These tests run the real command line in a subprocess, as a user would after
``pip install ./plugins/careernarr-*``, so what they see is what entry-point
discovery gives: distribution names and versions, CAREERNARR_LOAD_PLUGINS,
and a broken plugin reported while the others load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_DIRS = sorted(p for p in (ROOT / "plugins").iterdir() if (p / "pyproject.toml").is_file())


def _project(plugin_dir: Path) -> dict[str, object]:
    with (plugin_dir / "pyproject.toml").open("rb") as fh:
        project: dict[str, object] = tomllib.load(fh)["project"]
    return project


def run(*args: str, env: dict[str, str] | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "careernarr", *args], capture_output=True, text=True,
                          env=full_env, check=False)
    if check:
        assert proc.returncode == 0, f"careernarr {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}"
    return proc


def formats(env: dict[str, str] | None = None) -> dict[str, str]:
    """``careernarr formats`` as {format name: its line}."""
    return {line.split()[0]: line for line in run("formats", env=env).stdout.splitlines() if line.strip()}


@pytest.fixture(autouse=True)
def _no_plugin_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAREERNARR_LOAD_PLUGINS", raising=False)


def test_there_are_plugin_packages() -> None:
    names = {_project(p)["name"] for p in PLUGIN_DIRS}
    assert {"careernarr-subtitles", "careernarr-ptt"} <= names


@pytest.mark.parametrize("plugin_dir", PLUGIN_DIRS, ids=lambda p: p.name)
def test_every_plugin_in_plugins_is_installed_with_its_entry_point(plugin_dir: Path) -> None:
    project = _project(plugin_dir)
    name = str(project["name"])
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        pytest.fail(f"{name} is not installed: run the README's test command (pip install ./plugins/careernarr-*)")
    declared = project["entry-points"]["careernarr"]  # type: ignore[index]
    installed = {ep.name: ep.value for ep in dist.entry_points if ep.group == "careernarr"}
    assert installed == declared
    assert dist.version == project["version"]


def test_formats_lists_plugin_parsers_with_their_distribution_and_version() -> None:
    listed = formats()
    for fmt, dist in (("srt", "careernarr-subtitles"), ("webvtt", "careernarr-subtitles"), ("ptt", "careernarr-ptt"),
                      ("jrnl", "careernarr-journal"), ("dayone", "careernarr-journal")):
        assert fmt in listed, f"{fmt} missing from `careernarr formats`:\n" + "\n".join(listed.values())
        assert f" {dist} {metadata.version(dist)} " in listed[fmt] + " "
    assert " built-in " in listed["text"]


SRT = (  # a BOM, CRLF endings, and a cue without its number
    "\ufeff1\r\n00:00:00,500 --> 00:00:02,000\r\nI quit my job in March.\r\n\r\n"
    "00:00:02,500 --> 00:00:05,250\r\nThen I spent <b>six months</b> travelling.\r\n"
)
VTT = (
    "WEBVTT\n\nSTYLE\n::cue { color: white }\n\nNOTE recorded at home\n\n"
    "a1\n00:01.000 --> 00:04.000 align:start\n<v Mei>去年我從銀行轉到新創公司。\n\n"
    "00:04.500 --> 00:09.000\n<v Mei>薪水少了，但是學到很多。\n"
)
PTT = (
    "作者: kaohsiung_dev (南部碼農) 看板: Salary\n"
    "標題: Re: [問卦] 南部工作機會真的很少嗎\n"
    "時間: Fri Nov 28 22:10:03 2025\n\n"
    "※ 引述《askerz (問問)》之銘言:\n: 想回高雄工作，可是職缺好少\n\n"
    "我去年從台北搬回高雄，找了四個月才找到。\n\n--\n"
    "※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 1.174.9.20 (臺灣)\n"
    "※ 文章網址: https://www.ptt.cc/bbs/Salary/M.1764339003.A.9E2.html\n"
    "推 askerz: 謝謝分享                             1.174.20.3 11/28 22:30\n"
    "→ tainan_guy: 台南也差不多                               12/01 08:15\n"
    "噓 taipei101: 北部薪水還是比較高                          01/02 13:00\n"
)


def test_parse_reads_srt_vtt_and_ptt_through_the_installed_plugins(tmp_path: Path) -> None:
    (tmp_path / "talk.srt").write_bytes(SRT.encode("utf-8"))
    (tmp_path / "podcast.vtt").write_text(VTT, encoding="utf-8")
    (tmp_path / "article.txt").write_text(PTT, encoding="utf-8")

    srt = json.loads(run("parse", str(tmp_path / "talk.srt"), "--to", "json").stdout)
    assert srt["format"] == "srt"
    assert srt["text"] == "I quit my job in March.\nThen I spent <b>six months</b> travelling."
    assert [s["heading"] for s in srt["sections"]] == ["00:00:00.500 --> 00:00:02.000", "00:00:02.500 --> 00:00:05.250"]
    assert srt["duration"] == "PT5.25S"

    vtt = json.loads(run("parse", str(tmp_path / "podcast.vtt"), "--to", "json").stdout)
    assert vtt["format"] == "webvtt"
    assert vtt["text"] == "<v Mei>去年我從銀行轉到新創公司。\n<v Mei>薪水少了，但是學到很多。"
    assert vtt["metadata"]["notes"] == ["recorded at home"] and vtt["metadata"]["cues"][0]["identifier"] == "a1"

    ptt = json.loads(run("parse", str(tmp_path / "article.txt"), "--to", "json").stdout)
    assert ptt["format"] == "ptt" and ptt["authors"] == ["kaohsiung_dev"] and ptt["date"] == "2025-11-28"
    assert ptt["metadata"]["board"] == "Salary" and ptt["metadata"]["quotes"][0]["author"] == "askerz"
    assert [(p["floor"], p["author"], p["stance"], p["time"]) for p in ptt["posts"]] == [
        (0, "kaohsiung_dev", None, "2025-11-28T22:10:03"),
        (1, "askerz", "push", "2025-11-28T22:30"),
        (2, "tainan_guy", "neutral", "2025-12-01T08:15"),
        (3, "taipei101", "boo", "2026-01-02T13:00"),
    ]


def test_load_plugins_variable_restricts_third_party_plugins() -> None:
    none = formats(env={"CAREERNARR_LOAD_PLUGINS": ""})
    assert not {"srt", "webvtt", "ptt", "jrnl"} & set(none) and "text" in none
    only_ptt = formats(env={"CAREERNARR_LOAD_PLUGINS": "ptt"})
    assert "ptt" in only_ptt and not {"srt", "webvtt", "jrnl"} & set(only_ptt)
    two = formats(env={"CAREERNARR_LOAD_PLUGINS": " subtitles , journal "})
    assert {"srt", "webvtt", "jrnl", "dayone"} <= set(two) and "ptt" not in two


def _fake_distribution(where: Path, entry_points: str) -> Path:
    """A distribution with only metadata (a .dist-info folder) whose entry point cannot be imported."""
    info = where / "careernarr_broken_demo-0.0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: careernarr-broken-demo\nVersion: 0.0.1\n")
    (info / "entry_points.txt").write_text(entry_points)
    return where


def test_a_plugin_that_fails_to_import_is_reported_and_the_others_load(tmp_path: Path) -> None:
    site = _fake_distribution(tmp_path, "[careernarr]\nbrokendemo = careernarr_no_such_module_xyz\n")
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}
    out = run("plugins", env=env).stdout
    assert "FAILED brokendemo: ModuleNotFoundError" in out
    assert "careernarr_no_such_module_xyz" in out
    assert "careernarr-subtitles" in out and "careernarr-ptt" in out
    assert {"srt", "ptt"} <= set(formats(env=env))
    skipped = run("plugins", env={**env, "CAREERNARR_LOAD_PLUGINS": "ptt"}).stdout
    assert "brokendemo" not in skipped
