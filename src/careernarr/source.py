"""Reading bytes into text: encodings, BOMs and line endings.

:func:`read_source` turns a path, a ``str`` of text or raw ``bytes`` into a
:class:`Source`: decoded text with ``\\n`` line endings, ready for a parser.
UTF-8 is preferred whenever the bytes are valid UTF-8; BOMs (UTF-8, UTF-16,
UTF-32) are honoured; anything else is detected with ``charset-normalizer``
(GB18030/GBK, Big5, …); UTF-8 with some lines in GB18030 or Big5 is decoded
line by line, with a warning. A missing or unreadable file raises
:class:`SourceError`; binary input raises :class:`EncodingError`.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import os
import re
import unicodedata
from array import array
from pathlib import Path

from attrs import field, frozen

from .errors import EncodingError, SourceError

__all__ = ["Source", "decode_bytes", "read_source"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings charset-normalizer may propose that we trust for CJK text, best first.
_PREFERRED = ("gb18030", "big5", "big5hkscs", "cp950", "utf_16")


@frozen
class Source:
    """Decoded input handed to parsers.

    ``text`` has ``\\n`` line endings and no BOM. ``name`` is what error
    messages call the input (the path, or ``<text>``/``<bytes>``).
    ``warnings`` lists what reading noticed (lines decoded with another
    encoding than the rest); :func:`careernarr.parse` copies them into
    :attr:`Narrative.warnings <careernarr.model.Narrative.warnings>`.
    """

    text: str = field(repr=lambda t: f"<{len(t)} chars>")
    name: str = "<text>"
    path: str | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    _newlines: list[array[int]] = field(init=False, factory=list, eq=False, repr=False)

    @property
    def head(self) -> str:
        """The first 4 000 characters: what sniffers should look at."""
        return self.text[:4000]

    def line_of(self, offset: int) -> int:
        """The 1-based line number of character ``offset``.

        The first call counts; later calls bisect an index of the line
        breaks built on the second, so a parser may ask once per line.
        """
        offset = max(0, offset)
        if not self._newlines:
            self._newlines.append(array("q"))
            return self.text.count("\n", 0, offset) + 1
        index = self._newlines[0]
        if not index:  # -1 stands before the text, so the index is never empty once built
            index.append(-1)
            index.extend(m.start() for m in re.finditer("\n", self.text))
        return bisect.bisect_left(index, offset)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading BOM is dropped."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def _bomless_utf16(data: bytes) -> str | None:
    """The text of UTF-16 without a BOM, recognised by its zero bytes, or ``None``."""
    sample = data[:8192] if len(data) % 2 == 0 else b""
    if len(sample) < 4:
        return None
    for encoding, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        units = range(0, len(sample) - 1, 2)
        zero_high = sum(1 for i in units if sample[i + high] == 0)
        zero_low = sum(1 for i in units if sample[i + 1 - high] == 0)  # U+4E00 一, U+0100 …
        nul = sum(1 for i in units if sample[i] == sample[i + 1] == 0)
        if zero_high * 5 >= len(units) * 2 and zero_low * 20 <= len(units) and not nul:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text
    return None


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` to text; returns ``(text, encoding)``.

    See :func:`decode_bytes_noting` for the order of trust; this drops its warnings.
    """
    text, encoding, _ = decode_bytes_noting(data, name)
    return text, encoding


def decode_bytes_noting(data: bytes, name: str = "<bytes>") -> tuple[str, str, tuple[str, ...]]:
    """Decode ``data`` to text; returns ``(text, encoding, warnings)``.

    Order of trust: a BOM; UTF-16 without BOM (zero bytes in step, as in
    mostly-ASCII text); valid UTF-8; then the Chinese encodings, scored by how much of each decoding
    is common Chinese (see :func:`_common_han`) — charset detectors misjudge
    short GB18030 and Big5 texts; last, ``charset-normalizer``'s guesses.
    GBK and GB2312 are read as GB18030, their superset. A file that is
    UTF-8 except for some lines in GB18030 or Big5 (text pasted from an
    old file) is decoded line by line, each line with its own encoding,
    and a warning names those lines (the encoding is then ``utf-8+big5``
    or the like). Raises :class:`EncodingError` naming ``name`` for binary
    or undecodable input.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding, ()
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start}); re-save the file as UTF-8", file=name,
                ) from None
    utf16 = _bomless_utf16(data) if b"\x00" in data[:8192] else None
    if utf16 is not None:
        return utf16, "utf-16", ()
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise EncodingError(
            f"{name}: looks like a binary file, not text; careernarr reads text documents "
            "(UTF-8, UTF-16, GB18030, Big5 …)", file=name,
        )
    mixed = _decode_mixed(data, name)
    if mixed is not None:
        return mixed
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=None)
    best = matches.best()
    guess = _ALIASES.get(best.encoding, best.encoding) if best is not None else None
    if guess is not None and best is not None and _reads_as_korean_or_japanese(guess, str(best)):
        return str(best), guess, ()
    chinese = _best_chinese(data, guess)
    if chinese is not None:
        return (*chinese, ())
    candidates = [_ALIASES.get(m.encoding, m.encoding) for m in matches]
    ordered = [e for e in _PREFERRED if e in candidates] + [e for e in candidates if e not in _PREFERRED]
    if guess is not None:
        ordered.insert(0, guess)
    # Korean and Japanese readings that did not look like Korean or Japanese above
    # are almost always short Chinese text; read those as Chinese first.
    ordered = [e for e in ordered if e not in _KOREAN_JAPANESE]
    for encoding in ordered + ["gb18030", "big5"]:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return text, encoding, ()
    raise EncodingError(
        f"{name}: cannot tell which text encoding this is (not UTF-8, UTF-16, GB18030 or Big5); "
        "convert it to UTF-8 and try again", file=name,
    )


_LINE_BREAK = re.compile(rb"(\r\n|\r|\n)")  # never inside a GB18030 or Big5 character
_SURE_UTF8 = 4  # a line of this many non-ASCII characters that is valid UTF-8 is UTF-8


def _decode_mixed(data: bytes, name: str) -> tuple[str, str, tuple[str, ...]] | None:
    """Mostly-UTF-8 bytes with some lines in GB18030 or Big5, decoded line by line.

    ``None`` unless some lines are plainly UTF-8 (valid, with non-ASCII
    text) and the others read as Chinese in GB18030 or Big5. A short valid
    line whose GB18030/Big5 reading is more plainly Chinese counts as a
    legacy line (a few GBK bytes can happen to be valid UTF-8).
    """
    parts = _LINE_BREAK.split(data)
    lines = parts[0::2]
    out: list[str | None] = []
    legacy: list[int] = []
    utf8_lines = 0
    for i, raw in enumerate(lines):
        if raw.isascii():
            out.append(raw.decode("ascii"))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            out.append(None)
            legacy.append(i)
            continue
        wide = sum(1 for ch in text if ord(ch) > 0x7F)
        best = _best_chinese(raw, None)
        if wide < _SURE_UTF8 and best is not None and _chinese_score(best[0]) > _chinese_score(text):
            out.append(None)
            legacy.append(i)
            continue
        utf8_lines += 1
        out.append(text)
    if not utf8_lines or not legacy:
        return None
    joined = _best_chinese(b"\n".join(lines[i] for i in legacy), None)
    if joined is None:
        return None
    overall = joined[1]
    used: dict[str, list[int]] = {}
    for i in legacy:
        readings: dict[str, str] = {}
        for encoding in _CHINESE_CODECS:
            try:
                readings[encoding] = lines[i].decode(encoding)
            except UnicodeDecodeError:
                continue
        if not readings:
            return None
        own = max(readings, key=lambda e: (_chinese_score(readings[e]), e == overall))
        choice = overall if overall in readings and (
            _chinese_score(readings[overall]) >= _chinese_score(readings[own])) else own
        out[i] = readings[choice]
        used.setdefault(choice, []).append(i + 1)
    pieces: list[str] = []
    for i, part in enumerate(parts):
        pieces.append((out[i // 2] or "") if i % 2 == 0 else part.decode("ascii"))
    notes = "; ".join(f"{_line_ranges(numbers)} as {encoding}" for encoding, numbers in sorted(used.items()))
    warning = (f"{name}: mixed encodings: the file is UTF-8 except for some lines, read "
               f"line by line: {notes}; check those lines, or re-save the file as UTF-8")
    return "".join(pieces), "+".join(["utf-8", *sorted(used)]), (warning,)


def _line_ranges(numbers: list[int]) -> str:
    """``[2, 3, 4, 9]`` as ``lines 2-4, 9``."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    shown = [f"{a}-{b}" if a != b else str(a) for a, b in runs[:12]]
    more = f" and {len(runs) - 12} more" if len(runs) > 12 else ""
    return ("lines " if len(numbers) > 1 else "line ") + ", ".join(shown) + more


# Encodings read through their superset.
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "hz": "hz", "cp936": "gb18030"}
_CHINESE_CODECS = ("gb18030", "big5", "cp950", "big5hkscs")
_KOREAN = frozenset({"cp949", "euc_kr", "johab", "iso2022_kr"})
_JAPANESE = frozenset({"shift_jis", "cp932", "euc_jp", "iso2022_jp", "shift_jis_2004", "euc_jis_2004"})
_KOREAN_JAPANESE = _KOREAN | _JAPANESE
_CJK_PUNCTUATION = frozenset("，。、；：？！「」『』（）《》〈〉…—·“”‘’【】～　﹏")
_SCORE_SAMPLE = 20000


@functools.lru_cache(maxsize=1)
def _common_han() -> frozenset[str]:
    """Common Chinese characters in both scripts.

    The 3 755 level-1 characters of GB 2312 (the most used simplified
    characters, read off the codec itself) and their traditional forms
    (OpenCC ``s2t``, ``s2tw``, ``s2hk``). No frequency table is shipped.
    """
    simplified = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                simplified.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    chars = set(simplified)
    try:
        import opencc

        joined = "".join(simplified)
        for config in ("s2t", "s2tw", "s2hk"):
            chars.update(opencc.OpenCC(config).convert(joined))
    except Exception:  # OpenCC unavailable: Big5's own "frequently used" block instead
        for lead in range(0xA4, 0xC7):
            for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
                try:
                    chars.add(bytes((lead, trail)).decode("big5"))
                except UnicodeDecodeError:
                    pass
    return frozenset(chars)


def _chinese_score(text: str) -> float:
    """The share of non-ASCII characters that are common Chinese characters or punctuation.

    Currency signs (``€``, ``¥``) count neither way.
    """
    common = _common_han()
    wide = [ch for ch in text[:_SCORE_SAMPLE]
            if ord(ch) > 0x7F and not ch.isspace() and unicodedata.category(ch) != "Sc"]
    if not wide:
        return 0.0
    good = sum(1 for ch in wide if ch in common or ch in _CJK_PUNCTUATION or "\uff01" <= ch <= "\uff5e")
    return good / len(wide)


def _best_chinese(data: bytes, guess: str | None) -> tuple[str, str] | None:
    """The GB18030 or Big5 reading of ``data`` that is most plainly Chinese, if one is."""
    scored: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(_CHINESE_CODECS):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        preferred = 1 if encoding == guess else 0  # the detector breaks ties
        scored.append((_chinese_score(text), preferred * 10 - rank, text, encoding))
    if not scored:
        return None
    score, _, text, encoding = max(scored)
    return (text, encoding) if score >= 0.6 else None


def _reads_as_korean_or_japanese(encoding: str, text: str) -> bool:
    """Whether the detector's Korean/Japanese reading looks like real Korean/Japanese."""
    wide = [ch for ch in text[:_SCORE_SAMPLE] if ord(ch) > 0x7F and not ch.isspace()]
    if not wide:
        return False
    if encoding in _KOREAN:
        from charset_normalizer.constant import FREQUENCIES

        frequent = set(FREQUENCIES.get("Korean", ()))
        hits = sum(1 for ch in wide if ch in frequent)
        return hits >= 2 and hits / len(wide) >= 0.3
    if encoding in _JAPANESE:
        return sum(1 for ch in wide if "\u3040" <= ch <= "\u30ff") / len(wide) >= 0.2
    return False


def _plausible(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text[:8192] if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    return bad / min(len(text), 8192) < 0.01


def read_source(source: str | bytes | os.PathLike[str], *, name: str | None = None) -> Source:
    """Read a path, a ``str`` of text or ``bytes`` into a :class:`Source`.

    A ``str`` is taken as a path when it names an existing file and holds no
    line break; otherwise it is the document's text itself — except that a
    one-line ``str`` that is plainly a file name (``notes/2024.md``,
    ``review.txt``) but names no file raises :class:`SourceError` rather
    than being parsed as a two-word document. Pass a :class:`pathlib.Path`
    to make the intent explicit.
    """
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and "\n" not in source and len(source) < 4096 and _is_file(source)
    ):
        path = Path(source)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise SourceError("no such file", file=str(path),
                              hint="check the path (relative paths start from the current folder)") from None
        except IsADirectoryError:
            raise SourceError("is a directory, not a document", file=str(path),
                              hint="pass the files in it (the command line expands folders)") from None
        except OSError as exc:
            raise SourceError(f"cannot be read ({exc.strerror})", file=str(path),
                              hint="check that the file exists and that you may read it") from None
        text, encoding, warnings = decode_bytes_noting(data, str(path))
        return Source(normalize_newlines(text), name=name or str(path), path=str(path), encoding=encoding,
                      warnings=warnings)
    if isinstance(source, bytes | bytearray | memoryview):
        label = name or "<bytes>"
        text, encoding, warnings = decode_bytes_noting(bytes(source), label)
        return Source(normalize_newlines(text), name=label, encoding=encoding, warnings=warnings)
    if isinstance(source, str):
        if _names_a_missing_file(source):
            raise SourceError(
                "no such file", file=source,
                hint="to read this string as the document's text, pass it as bytes or with a line break",
            )
        label = name or "<text>"
        return Source(normalize_newlines(_without_surrogates(source, label)), name=label)
    raise TypeError(f"cannot read a {type(source).__name__}: pass a path, a str of text or bytes")


_FILE_NAME = re.compile(r"(?:^|[/\\])[^/\\\s]+\.[A-Za-z][A-Za-z0-9]{0,4}$")


def _names_a_missing_file(candidate: str) -> bool:
    """Whether a one-line ``str`` is plainly a file name (``notes/2024.md``) rather than text."""
    if "\n" in candidate or "\r" in candidate:
        return False
    line = candidate.strip()
    if not line or len(line) > 1024:
        return False
    has_dir = "/" in line or "\\" in line
    has_suffix = _FILE_NAME.search(line) is not None
    if any(ch.isspace() for ch in line):
        return has_dir and has_suffix
    return has_dir or has_suffix


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str, name: str) -> str:
    """``text`` with surrogate pairs joined; a lone surrogate is not text, and an error.

    Strings decoded with ``surrogateescape`` or from JSON ``\\ud83d\\ude00``
    escapes carry surrogates; every encoder (and OpenCC) refuses them.
    """
    if _SURROGATE.search(text) is None:
        return text
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    lone = _SURROGATE.search(joined)
    if lone is None:
        return joined
    line = joined.count("\n", 0, lone.start()) + 1
    raise EncodingError(
        f"{name}:{line}: holds a lone surrogate U+{ord(lone.group()):04X}, which is not text; "
        "decode the input without 'surrogateescape' or pass the original bytes", file=name,
    )


def _is_file(candidate: str) -> bool:
    try:
        return bool(candidate) and Path(candidate).is_file()
    except (OSError, ValueError):
        return False
