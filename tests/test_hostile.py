"""Hostile and broken input: never a crash, never lost text, never executed, never slow by construction.

Resource limits are checked by what they bound (refusals, memory peaks,
requests made), never by the clock.
"""

from __future__ import annotations

import http.server
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

import careernarr
from careernarr.errors import CareerNarrError, ParseError
from careernarr.parsers.frontmatter import MAX_FRONT_MATTER, NESTING_LIMIT
from careernarr.plugins import Host

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
HOST = Host.create()
FORMATS = sorted(HOST.parsers)


def _parse_or_error(path: Path, fmt: str | None = None) -> careernarr.Narrative | None:
    try:
        return careernarr.parse(path, format=fmt, host=HOST)
    except CareerNarrError as exc:
        assert path.name in str(exc), "errors name the file"
        return None


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.iterdir()))
def test_hostile_fixture_is_parsed_or_refused_cleanly(name: str) -> None:
    n = _parse_or_error(HOSTILE / name)
    if n is not None:
        for span in n.spans():
            assert span.end <= len(n.text)
        careernarr.validate(n)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_parser_survives_every_hostile_fixture(fmt: str) -> None:
    for path in sorted(HOSTILE.iterdir()):
        n = _parse_or_error(path, fmt)
        if n is not None:
            assert all(0 <= s.start <= s.end <= len(n.text) for s in n.spans())


# -- YAML front matter: alias bombs, nesting, size ---------------------------------------------


@pytest.mark.parametrize("name", ["billion-laughs.md", "alias-blowup.md", "deep-nesting.md", "deep-block-nesting.md"])
def test_yaml_bombs_are_refused(name: str) -> None:
    with pytest.raises(ParseError) as info:
        careernarr.parse(HOSTILE / name, format="frontmatter")
    assert name in str(info.value) and info.value.line is not None


def _front(yaml_text: str) -> bytes:
    return ("---\n" + yaml_text + "\n---\n\n2023年我离职了。\n").encode()


_BOMBS = {
    "flow lists 100k deep": "x: " + "[" * 100_000 + "]" * 100_000,
    "flow maps 50k deep": "x: " + "{a: " * 50_000 + "}" * 50_000,
    "unclosed flow 200k": "x: " + "[" * 200_000,
    "block lists 150 deep": "x:\n" + "".join(" " * i + "-\n" for i in range(1, 151)),
    "compact block lists 5k deep": "x: \n  " + "- " * 5_000 + "a",
    "block maps 150 deep": "".join(" " * i + f"k{i}:\n" for i in range(150)) + " " * 150 + "v",
    "mixed flow in block 120": "".join(" " * i + f"k{i}: " + ("[" if i % 2 else "\n") for i in range(120)),
    "alias cycle": "a: &a [*a]",
    "laughs 9^9": "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")),
    "huge front matter": "".join(f"key{i}: value {i} 中文\n" for i in range(20_000)),
    "huge single value": "x: " + "a" * (MAX_FRONT_MATTER + 10),
}


@pytest.mark.parametrize("name", sorted(_BOMBS))
def test_front_matter_bombs_are_refused_with_bounded_memory(name: str) -> None:
    data = _front(_BOMBS[name])
    tracemalloc.start()
    try:
        with pytest.raises(ParseError) as info:
            careernarr.parse(data, format="frontmatter", extract=False, host=HOST)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.file == "<bytes>" and info.value.line is not None
    assert peak < 40 * len(data) + 20_000_000, f"peak {peak / 1e6:.1f} MB for {len(data) / 1e6:.1f} MB of input"


def test_nesting_within_the_limit_still_loads() -> None:
    depth = NESTING_LIMIT - 2
    n = careernarr.parse(_front("x: " + "[" * depth + "1" + "]" * depth), format="frontmatter", extract=False)
    value = n.metadata["x"]
    for _ in range(depth - 1):
        value = value[0]
    assert value == [1]


def test_huge_front_matter_points_to_markdown() -> None:
    with pytest.raises(ParseError, match="format='markdown'"):
        careernarr.parse(_front(_BOMBS["huge front matter"]), format="frontmatter")
    n = careernarr.parse(_front(_BOMBS["huge front matter"]), format="markdown", extract=False)
    assert "key19999: value 19999 中文" in n.text


def test_deep_toml_is_refused() -> None:
    data = ("+++\nx = " + "[" * 5000 + "]" * 5000 + "\n+++\n\n2023年我离职了。\n").encode()
    with pytest.raises(ParseError, match="nested too deeply"):
        careernarr.parse(data, format="frontmatter")


# -- lxml: no external entities, no network ------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        type(self).hits.append(self.path)
        body = b'<!ENTITY leak "LEAKED-BY-HTTP">' if self.path.endswith(".dtd") else b"LEAKED-BY-HTTP"
        self.send_response(200)
        self.send_header("Content-Type", "application/xml-dtd")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 that records every request; yields its base URL."""
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _entity_pages(base: str, secret: Path) -> dict[str, str]:
    secret_url = secret.as_uri()
    body = "<p>2023年我离职了，然后休息了三个月。</p><p>In 2024 I joined a small studio.</p>"
    return {
        "system-entity.html": (
            f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY web SYSTEM "{base}/entity.txt">'
            f'<!ENTITY local SYSTEM "{secret_url}">]>\n'
            f"<html><body><article><p>&web; &local;</p>{body}</article></body></html>\n"),
        "parameter-entity.xhtml": (
            f'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{base}/strict.dtd" '
            f'[<!ENTITY % remote SYSTEM "{base}/remote.dtd"> %remote;]>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&leak;</p>{body}</body></html>\n'),
        "xinclude.html": (
            f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><article>'
            f'<xi:include href="{base}/inc.xml" parse="text"/><xi:include href="{secret_url}" parse="text"/>'
            f'<img src="{base}/pixel.png"><link rel="stylesheet" href="{base}/style.css">'
            f'<iframe src="{base}/frame.html"></iframe>{body}</article></body></html>\n'),
        "markdown-with-entities.md": (
            f'# 离职\n\n<!DOCTYPE x [<!ENTITY local SYSTEM "{secret_url}">]>\n\n'
            f'<div>&local; <a href="{base}/page">link</a></div>\n\n2023年我离职了，然后休息了三个月。\n'),
        "forum-with-entities.md": (
            f'# 离职帖\n\n<!DOCTYPE x [<!ENTITY web SYSTEM "{base}/entity.txt">]>\n'
            f'&web; 2023年我离职了。\n\n' + "-" * 51 + f'\n\n@someone #0 <a href="{base}/x">看这里</a>\n'),
    }


def test_lxml_never_resolves_external_entities_nor_touches_the_network(recorder: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("LEAKED-FROM-FILE", encoding="utf-8")
    for name, page in _entity_pages(recorder, secret).items():
        path = tmp_path / name
        path.write_text(page, encoding="utf-8")
        for fmt in (None, "html", "markdown", "forum", "essay", "text"):
            n = _parse_or_error(path, fmt)
            if n is None:
                continue
            dumped = careernarr.to_json(n)
            assert "LEAKED" not in dumped, f"{name} as {fmt} pulled in an external entity"
    assert _Recorder.hits == [], f"careernarr contacted the network: {_Recorder.hits}"


def test_the_recorder_does_record(recorder: str) -> None:
    """The network test above would notice a request (a sanity check of the fixture itself)."""
    from urllib.request import urlopen

    with urlopen(f"{recorder}/probe") as response:
        assert response.read() == b"LEAKED-BY-HTTP"
    assert _Recorder.hits == ["/probe"]


def test_xxe_fixtures_keep_their_text_without_entities() -> None:
    n = _parse_or_error(HOSTILE / "xxe.html")
    assert n is not None
    assert "root:" not in n.text and "2023年我离职了" in n.text
    m = careernarr.parse(HOSTILE / "xxe-parameter.xhtml")
    assert "2022年我從工程師轉做產品經理" in m.text
    assert m.links == ("https://example.com.tw/post",), "javascript: links are not links"


# -- script, javascript:, controls -----------------------------------------------------------------


def test_script_is_never_text_and_javascript_is_never_a_link() -> None:
    n = careernarr.parse(HOSTILE / "script-injection.html")
    assert "alert" not in n.text and "pwned" not in n.text
    assert "我在2024年初加入了新公司" in n.text and "In 2023 I resigned" in n.text
    assert all(not link.lower().startswith("javascript:") for link in n.links)
    assert "https://example.org/ok" in n.links


def test_nul_bytes_keep_the_text() -> None:
    n = careernarr.parse(HOSTILE / "nul-bytes.txt")
    assert "含有空字节" in n.text and "2023年我换了工作" in n.text


def test_bidi_and_control_characters_are_kept() -> None:
    n = careernarr.parse(HOSTILE / "bidi-controls.txt")
    for ch in "\u202e\u202c\u200f\u2066\u2069\x07\u2028":
        assert ch in n.text
    careernarr.validate(n)


# -- mixed encodings ---------------------------------------------------------------------------------


def test_mixed_encodings_decode_line_by_line_with_a_warning() -> None:
    n = careernarr.parse(HOSTILE / "mixed-encodings.txt")
    assert "我辞职了" in n.text and "我換了工作" in n.text
    assert any("line 2" in w and "big5" in w for w in n.warnings)


def test_utf8_with_gb18030_and_big5_lines() -> None:
    n = careernarr.parse(HOSTILE / "mixed-gb-big5.txt")
    assert n.text.splitlines()[2:] == [
        "2021年我在深圳的一家互联网公司做后端开发。", "2022年初我离职了，休息了三个月。", "现在我每天准时下班。",
        "後來我去台北做產品經理，薪水少了一些。", "这段经历让我明白：健康比升职重要。",
    ]
    (warning,) = n.warnings
    assert "line 4 as gb18030" in warning and "line 6 as big5" in warning
    assert any(e.when and e.when.startswith("2022") for e in n.events), "the GB18030 line is read, not garbled"


def test_a_whole_gb18030_file_is_not_taken_for_mixed(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_text("我的2023\n\n今年我换了工作。\n明年想读研究生。\n", encoding="gb18030")
    n = careernarr.parse(path)
    assert "今年我换了工作" in n.text and not n.warnings


# -- size: linear time, bounded memory --------------------------------------------------------------


_LINE = "2023年我离职了,然后休息了三个月。I quit in March 2023. "


@pytest.fixture(scope="module")
def ten_mb_line(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "one-line.txt"
    path.write_text((_LINE * 250_000)[:10_000_000], encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", [None, "essay", "markdown", "forum", "html", "frontmatter", "transcript"])
def test_ten_megabyte_single_line_in_bounded_memory(ten_mb_line: Path, fmt: str | None) -> None:
    size = ten_mb_line.stat().st_size
    tracemalloc.start()
    try:
        try:
            n: careernarr.Narrative | None = careernarr.parse(ten_mb_line, format=fmt, extract=False)
        except ParseError as exc:
            assert exc.file == str(ten_mb_line)
            n = None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    if n is not None:
        assert len(n.text) >= 9_990_000
    assert peak < 12 * size, f"peak {peak / size:.1f}x the input"


def test_extraction_on_a_long_unpunctuated_line() -> None:
    """Runs of one character (no sentence ends) go through extraction (no quadratic regex)."""
    for unit in ("三个月", "年", "_", "'", "n't"):
        n = careernarr.parse(("标题\n\n" + unit * (20_000 // len(unit))).encode(), host=HOST)
        assert len(n.text) > 19_000
