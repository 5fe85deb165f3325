"""Text layout helpers shared by the exporters: widths in columns, East Asian wide = 2."""

from __future__ import annotations

import unicodedata

__all__ = ["clip_columns", "text_columns", "wrap_columns"]


def _width(ch: str) -> int:
    """Columns ``ch`` takes: two for East Asian wide and full-width characters."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap_columns(text: str, columns: int = 20, max_lines: int | None = None) -> list[str]:
    """``text`` in lines of at most ``columns`` columns, broken at spaces where possible.

    With ``max_lines``, the last kept line ends in ``…`` when text was cut.
    """
    words = " ".join(text.split())
    lines: list[str] = []
    line, used, last_space = "", 0, -1
    for ch in words:
        if used + _width(ch) > columns and line:
            if ch != " " and last_space > 0:
                lines.append(line[:last_space])
                line = line[last_space + 1:]
            else:
                lines.append(line)
                line = ""
            used = sum(_width(c) for c in line)
            last_space = -1
            if ch == " " and not line:
                continue
        if ch == " ":
            last_space = len(line)
        line += ch
        used += _width(ch)
    if line.strip():
        lines.append(line)
    lines = [x.strip() for x in lines if x.strip()]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, len(lines[-1]) - 1)].rstrip() + "…"
    return lines


def text_columns(text: str) -> int:
    """Columns ``text`` takes."""
    return sum(_width(c) for c in text)


def clip_columns(text: str, columns: int) -> str:
    """``text`` on one line, cut to ``columns`` columns with ``…`` when it is longer."""
    flat = " ".join(text.split())
    if text_columns(flat) <= columns:
        return flat
    used = 0
    for i, ch in enumerate(flat):
        used += _width(ch)
        if used > columns - 1:
            return flat[:i].rstrip() + "…"
    return flat
