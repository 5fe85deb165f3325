"""Reading bytes: encodings, BOMs, line endings, binary input, paths vs text.

The encoded fixtures are written by ``fixtures/encodings/make.py``, which
also says what each one must decode to.
"""

from __future__ import annotations

import codecs
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.errors import CareerNarrError, EncodingError, ParseError, SourceError
from careernarr.source import decode_bytes, normalize_newlines, read_source

ENCODINGS = Path(__file__).parent / "fixtures" / "encodings"


def _load_make() -> ModuleType:
    spec = importlib.util.spec_from_file_location("encodings_make", ENCODINGS / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _load_make()
DOCUMENTS: dict[str, tuple[str, str, str]] = MAKE.DOCUMENTS
BINARY = ["image.png", "random.bin", "archive.zip"]


def _family(encoding: str) -> str:
    """What a written encoding must be read as: GBK and GB2312 through GB18030, their superset."""
    if encoding in ("gbk", "gb2312", "gb18030"):
        return "gb18030"
    if encoding.startswith("big5"):
        return "big5"
    if encoding.startswith("utf-16"):
        return "utf-16"
    return "utf-8"


def test_committed_fixtures_are_what_make_writes(tmp_path: Path) -> None:
    for name, data in MAKE.contents().items():
        assert (ENCODINGS / name).read_bytes() == data, f"{name} is stale: run make.py"


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_encoding_decodes_to_the_original_text(name: str) -> None:
    text, encoding, _ = DOCUMENTS[name]
    source = read_source(ENCODINGS / name)
    assert source.text == text
    assert source.name == str(ENCODINGS / name) and source.path == source.name
    assert source.encoding is not None
    assert _family(source.encoding) == _family(encoding.replace("+bom", "").replace("-sig", ""))
    assert "\r" not in source.text and not source.text.startswith("\ufeff")


@pytest.mark.parametrize(
    "text",
    [
        "我辞职了。", "今年换了工作", "离职", "加班到凌晨三点，身体终于撑不住。", "老板说我的绩效不好",
        "去年年底，我终于下定决心离开了待了五年的公司。\n新的团队不大，但氛围很好。",
    ],
)
@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "gb2312"])
def test_short_simplified_texts_are_read_as_gb18030(text: str, encoding: str) -> None:
    decoded, used = decode_bytes(text.encode(encoding))
    assert (decoded, used) == (text, "gb18030")


@pytest.mark.parametrize(
    "text",
    [
        "我辭職了。", "今年我換了工作。", "離職", "加班到凌晨三點，身體終於撐不住。", "老闆說我的績效不好",
        "去年年底，我終於下定決心離開了待了五年的公司。\n新的團隊不大，但氛圍很好。",
    ],
)
def test_short_traditional_texts_are_read_as_big5(text: str) -> None:
    decoded, used = decode_bytes(text.encode("big5"))
    assert decoded == text
    assert used in ("big5", "cp950", "big5hkscs")


def test_korean_and_japanese_are_still_recognised() -> None:
    korean = "저는 회사에서 일을 하고 있습니다. 올해는 정말 힘든 한 해였습니다."
    japanese = "私は会社で働いています。今年は本当に大変な一年でした。"
    assert decode_bytes(korean.encode("euc_kr"))[0] == korean
    assert decode_bytes(japanese.encode("shift_jis"))[0] == japanese


def test_utf16_without_bom_is_not_taken_for_binary() -> None:
    text = "Hello 一 world, I quit my job in May.\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(text.encode(encoding)) == (text, "utf-16")


@pytest.mark.parametrize("name", ["english-crlf.txt", "english-cr.txt", "review-gb18030-crlf.txt"])
def test_line_endings_become_newlines_and_offsets_follow(name: str) -> None:
    text = DOCUMENTS[name][0]
    n = careernarr.parse(ENCODINGS / name, format="text", extract=False)
    assert n.text == text
    for section in n.sections:
        quoted = n.quote(section.span)
        assert quoted and text.find(quoted) == section.span.start
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    source = read_source(ENCODINGS / name)
    assert source.line_of(text.rindex(last)) == text.count("\n", 0, text.rindex(last)) + 1


@pytest.mark.parametrize("name", BINARY)
def test_binary_input_is_an_encoding_error_naming_the_file(name: str) -> None:
    path = ENCODINGS / name
    with pytest.raises(EncodingError, match="binary") as info:
        read_source(path)
    assert str(path) in str(info.value)
    with pytest.raises(EncodingError):
        careernarr.parse(path)
    with pytest.raises(EncodingError, match="<bytes>"):
        read_source(path.read_bytes())


def test_empty_file_is_a_parse_error_naming_it() -> None:
    path = ENCODINGS / "empty.txt"
    assert read_source(path).text == ""
    with pytest.raises(ParseError, match="empty") as info:
        careernarr.parse(path)
    assert info.value.file == str(path)


def test_str_path_str_text_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "review.txt"
    path.write_bytes("今年我换了工作。\r\n".encode("gb18030"))
    from_str = read_source(str(path))
    assert (from_str.text, from_str.path, from_str.encoding) == ("今年我换了工作。\n", str(path), "gb18030")
    assert read_source(path).text == from_str.text
    as_text = read_source(f"{path}\n")  # a line break: this is text, not a path
    assert as_text.path is None and as_text.text == f"{path}\n"
    assert read_source("今年我换了工作。").text == "今年我换了工作。"
    assert read_source("hello").name == "<text>"
    raw = "第一行\r\n第二行".encode("gb18030")
    for data in (raw, bytearray(raw), memoryview(raw)):
        source = read_source(data)
        assert (source.text, source.name, source.path) == ("第一行\n第二行", "<bytes>", None)
    assert read_source(raw, name="upload.txt").name == "upload.txt"


@pytest.mark.parametrize("missing", ["no-such-review.txt", "notes/2024/年终总结.md", "C:\\docs\\review.docx"])
def test_a_missing_file_name_is_an_error_not_a_document(missing: str) -> None:
    with pytest.raises(SourceError, match="no such file"):
        read_source(missing)
    with pytest.raises(SourceError, match="no such file"):
        read_source(Path(missing))


def test_directory_and_wrong_type(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="directory"):
        read_source(tmp_path)
    with pytest.raises(TypeError):
        read_source(42)  # type: ignore[arg-type]


def test_bom_that_lies_is_reported() -> None:
    with pytest.raises(EncodingError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + "好".encode("gb18030") + b"\xff", "bad.txt")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careernarr", *args], capture_output=True, text=True,
                          encoding="utf-8", check=False)


@pytest.mark.parametrize("name", BINARY)
def test_cli_binary_file_exits_1_with_one_line_naming_it(name: str) -> None:
    path = ENCODINGS / name
    done = _cli("parse", str(path))
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", ["review-gb18030.txt", "essay-big5.txt", "thread-gb18030.md",
                                  "short-big5.txt", "review-utf16le-bom.txt", "english-crlf.txt"])
def test_cli_parses_encoded_files_to_their_unicode_text(name: str) -> None:
    done = _cli("parse", str(ENCODINGS / name), "--to", "json", "--no-extract")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["text"] == DOCUMENTS[name][0]


def test_cli_gb18030_thread_is_a_forum() -> None:
    done = _cli("parse", str(ENCODINGS / "thread-gb18030.md"), "--to", "json", "--no-extract")
    data = json.loads(done.stdout)
    assert data["format"] == "forum"
    assert [p["floor"] for p in data["posts"]] == [0, 1, 2]
    assert data["posts"][2]["reply_to"] == [1]
    assert data["posts"][1]["author"] == "lin_pm"


# Any text survives UTF-8, UTF-8 with BOM and UTF-16 (with its BOM). NUL is left out: bytes with a
# NUL after every ASCII letter are UTF-16 by construction, whatever else they could be.
_texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=300)


@settings(max_examples=200, deadline=None)
@given(text=_texts, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le+bom", "utf-16-be+bom"]))
def test_any_text_round_trips_through_unicode_encodings(text: str, encoding: str) -> None:
    data = MAKE.encode(text, encoding, "\n")
    source = read_source(data)
    assert source.text == normalize_newlines(text)
    assert "\r" not in source.text


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_decode_or_raise_a_careernarr_error(data: bytes) -> None:
    try:
        source = read_source(data)
    except CareerNarrError:
        return
    assert "\r" not in source.text


def test_surrogate_pairs_are_joined_and_lone_surrogates_refused() -> None:
    assert read_source("加班\ud83d\ude2d到凌晨").text == "加班😭到凌晨"
    with pytest.raises(EncodingError, match=r"<text>:2: .*U\+D800"):
        read_source("第一行\n第二行\ud800")
    with pytest.raises(CareerNarrError):
        careernarr.parse("# 标题\n\ud800")
