"""careernarr's errors: one base class, a subclass per kind of trouble.

Every error careernarr raises on purpose is a :class:`CareerNarrError`; its
message names the file (and line, where known), what was expected and what
to do next. Nothing else should escape ``careernarr.parse``.
"""

from __future__ import annotations

__all__ = [
    "CareerNarrError",
    "EncodingError",
    "FormatDetectionError",
    "ParseError",
    "PluginError",
    "UnknownFormatError",
]


class CareerNarrError(Exception):
    """Base class of every error careernarr raises on purpose."""


class ParseError(CareerNarrError, ValueError):
    """A document does not have the shape its format requires."""

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
        self.file = file
        self.line = line
        self.column = column
        self.expected = expected
        self.hint = hint
        self.reason = message
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.file or "<text>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        msg = f"{where}: {self.reason}"
        if self.expected:
            msg += f" (expected {self.expected})"
        if self.hint:
            msg += f"; {self.hint}"
        return msg

    def with_file(self, file: str | None) -> ParseError:
        """The same error, naming ``file`` if it named none."""
        if self.file or not file:
            return self
        return type(self)(self.reason, file=file, line=self.line, column=self.column,
                          expected=self.expected, hint=self.hint)


class EncodingError(CareerNarrError, ValueError):
    """Bytes that are not readable text (binary, or an unknown encoding)."""


class UnknownFormatError(CareerNarrError, LookupError):
    """A format name no loaded parser has."""


class FormatDetectionError(CareerNarrError):
    """No parser accepts the input."""


class PluginError(CareerNarrError):
    """A plugin failed to load or broke its contract."""
