"""Reading bytes into text: encodings, BOMs and line endings.

:func:`read_source` turns a path, a ``str`` of text or raw ``bytes`` into a
:class:`Source`: decoded text with ``\\n`` line endings, ready for a parser.
UTF-8 is preferred whenever the bytes are valid UTF-8; BOMs (UTF-8, UTF-16,
UTF-32) are honoured; anything else is detected with ``charset-normalizer``
(GB18030/GBK, Big5, …). Binary input raises :class:`EncodingError`.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from attrs import field, frozen

from .errors import EncodingError

__all__ = ["Source", "decode_bytes", "read_source"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings charset-normalizer may propose that we trust for CJK text, best first.
_PREFERRED = ("gb18030", "big5", "big5hkscs", "cp950", "gbk", "gb2312", "utf_16", "shift_jis", "euc_kr")


@frozen
class Source:
    """Decoded input handed to parsers.

    ``text`` has ``\\n`` line endings and no BOM. ``name`` is what error
    messages call the input (the path, or ``<text>``/``<bytes>``).
    """

    text: str = field(repr=lambda t: f"<{len(t)} chars>")
    name: str = "<text>"
    path: str | None = None
    encoding: str | None = None

    @property
    def head(self) -> str:
        """The first 4 000 characters: what sniffers should look at."""
        return self.text[:4000]

    def line_of(self, offset: int) -> int:
        """The 1-based line number of character ``offset``."""
        return self.text.count("\n", 0, max(0, offset)) + 1


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading BOM is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
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


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` to text; returns ``(text, encoding)``.

    Raises :class:`EncodingError` naming ``name`` for binary or undecodable
    input.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start}); re-save the file as UTF-8"
                ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise EncodingError(
            f"{name}: looks like a binary file, not text; careernarr reads text documents "
            "(UTF-8, UTF-16, GB18030, Big5 …)"
        )
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=None)
    candidates = [m.encoding for m in matches]
    ordered = [e for e in _PREFERRED if e in candidates] + [e for e in candidates if e not in _PREFERRED]
    # Prefer the detector's best guess, but fall back to the CJK encodings it considered.
    best = matches.best()
    if best is not None:
        ordered.insert(0, best.encoding)
    for encoding in ordered + ["gb18030", "big5"]:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return text, encoding
    raise EncodingError(
        f"{name}: cannot tell which text encoding this is (not UTF-8, UTF-16, GB18030 or Big5); "
        "convert it to UTF-8 and try again"
    )


def _plausible(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text[:8192] if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    return bad / min(len(text), 8192) < 0.01


def read_source(source: str | bytes | os.PathLike[str], *, name: str | None = None) -> Source:
    """Read a path, a ``str`` of text or ``bytes`` into a :class:`Source`.

    A ``str`` is taken as a path when it names an existing file and holds no
    line break; otherwise it is the document's text itself. Pass a
    :class:`pathlib.Path` to make the intent explicit.
    """
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and "\n" not in source and len(source) < 4096 and _is_file(source)
    ):
        path = Path(source)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise EncodingError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise EncodingError(f"{path}: is a directory, not a document") from None
        except OSError as exc:
            raise EncodingError(f"{path}: cannot be read ({exc.strerror})") from None
        text, encoding = decode_bytes(data, str(path))
        return Source(normalize_newlines(text), name=name or str(path), path=str(path), encoding=encoding)
    if isinstance(source, bytes | bytearray | memoryview):
        label = name or "<bytes>"
        text, encoding = decode_bytes(bytes(source), label)
        return Source(normalize_newlines(text), name=label, encoding=encoding)
    if isinstance(source, str):
        return Source(normalize_newlines(source), name=name or "<text>")
    raise TypeError(f"cannot read a {type(source).__name__}: pass a path, a str of text or bytes")


def _is_file(candidate: str) -> bool:
    try:
        return bool(candidate) and Path(candidate).is_file()
    except (OSError, ValueError):
        return False
