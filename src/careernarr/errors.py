"""careernarr's errors: one base class, a subclass per kind of trouble.

Every error careernarr raises on purpose is a :class:`CareerNarrError`, and
nothing else escapes :func:`careernarr.parse` (a plugin's or careernarr's own
bug arrives as a :class:`PluginError`). The taxonomy::

    CareerNarrError            base; .file, .hint
    ├── SourceError            the input cannot be read: no such file, a folder, no permission
    │   └── EncodingError      the bytes are not text careernarr can decode (binary, lone surrogates …)
    ├── ParseError             the text is not in the shape its format needs; .line, .column, .expected
    ├── FormatDetectionError   no parser recognises the document
    ├── UnknownFormatError     a format or exporter name nobody provides
    └── PluginError            a plugin failed to load, crashed, or broke its contract; .plugin

Every message names the input first (``notes/2024.md:12:3: …``; ``<text>``
or ``<bytes>`` for in-memory input) and says what to do next. The
attributes hold the same facts for programs: ``file`` (the path or label),
``hint`` (the next step) and, for parse errors, ``line``/``column`` (1-based)
and ``expected``. Errors pickle with their attributes (batch workers send
them across processes).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CareerNarrError",
    "EncodingError",
    "FormatDetectionError",
    "ParseError",
    "PluginError",
    "SourceError",
    "UnknownFormatError",
]


class CareerNarrError(Exception):
    """Base class of every error careernarr raises on purpose.

    ``message`` says what went wrong; ``file`` names the input (it is put in
    front of the message unless the message already starts with it);
    ``hint`` says what to do next and is appended after a semicolon.
    """

    def __init__(self, message: str = "", *, file: str | None = None, hint: str | None = None) -> None:
        self.reason = message
        self.file = file
        self.hint = hint
        super().__init__(self._render())

    def _where(self) -> str | None:
        return self.file

    def _render(self) -> str:
        msg = self.reason
        where = self._where()
        if where and not (msg.startswith(where + ":") or msg.startswith(where + " ")):
            msg = f"{where}: {msg}" if msg else where
        if self.hint and self.hint not in msg:
            msg += f"; {self.hint}"
        return msg

    def _state(self) -> dict[str, Any]:
        return {"file": self.file, "hint": self.hint}

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.reason, self._state()))

    def with_file(self, file: str | None) -> CareerNarrError:
        """The same error, naming ``file`` if it named none."""
        if self.file or not file:
            return self
        state = self._state()
        state["file"] = file
        clone = _rebuild(type(self), self.reason, state)
        clone.__cause__ = self.__cause__
        return clone


def _rebuild(cls: type[CareerNarrError], reason: str, state: dict[str, Any]) -> CareerNarrError:
    return cls(reason, **state)


class SourceError(CareerNarrError):
    """The input cannot be read at all: no such file, a folder, no permission."""


class EncodingError(SourceError, ValueError):
    """The bytes are not text careernarr can decode (binary, an unknown encoding, lone surrogates)."""


class ParseError(CareerNarrError, ValueError):
    """A document does not have the shape its format requires.

    ``line`` and ``column`` are 1-based; ``expected`` says what the parser
    needed to see there.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        expected: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.line = line
        self.column = column
        self.expected = expected
        super().__init__(message, file=file, hint=hint)

    def _where(self) -> str | None:
        where = self.file or "<text>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def _render(self) -> str:
        msg = f"{self._where()}: {self.reason}"
        if self.expected:
            msg += f" (expected {self.expected})"
        if self.hint:
            msg += f"; {self.hint}"
        return msg

    def _state(self) -> dict[str, Any]:
        return {**super()._state(), "line": self.line, "column": self.column, "expected": self.expected}

    def with_file(self, file: str | None) -> ParseError:
        """The same error, naming ``file`` if it named none."""
        clone = super().with_file(file)
        assert isinstance(clone, ParseError)
        return clone


class UnknownFormatError(CareerNarrError, LookupError):
    """A format (parser) or exporter name that no loaded plugin provides."""


class FormatDetectionError(CareerNarrError):
    """No parser recognises the input; pass ``format=`` to choose one."""


class PluginError(CareerNarrError):
    """A plugin failed to load, crashed, or broke its contract.

    ``plugin`` names the plugin (or the parser, extractor or exporter) at fault.
    """

    def __init__(self, message: str = "", *, file: str | None = None, hint: str | None = None,
                 plugin: str | None = None) -> None:
        self.plugin = plugin
        super().__init__(message, file=file, hint=hint)

    def _state(self) -> dict[str, Any]:
        return {**super()._state(), "plugin": self.plugin}
