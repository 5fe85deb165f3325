"""``html``: not written yet."""

from __future__ import annotations

from collections.abc import Sequence

from .. import hookimpl
from ..hookspecs import Parser


@hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    return []
