"""What an extractor is handed."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from attrs import field, frozen

from ..model import Narrative, TimeExpr

__all__ = ["ExtractionContext"]

T = TypeVar("T")


@frozen
class ExtractionContext:
    """The input of every :class:`~careernarr.hookspecs.Extractor`.

    ``narrative`` is the document in careernarr's working script (simplified
    Chinese; other text untouched), so lexicons are written once: extractors
    return spans into *its* text and careernarr maps them back to the user's
    text afterwards. ``time_expressions`` holds what the time extractor found
    (empty while the time extractor itself runs). ``reference_date`` is the
    document's own date (EDTF), if any. ``lexicons`` are extra lexicons from
    plugins (paths or mappings).

    Work that several extractors need (the sentences, the lexicon matches)
    is done once per context: see :meth:`memo`.
    """

    narrative: Narrative
    reference_date: str | None = None
    time_expressions: tuple[TimeExpr, ...] = field(default=(), converter=tuple)
    lexicons: Sequence[Any] = ()
    language: str | None = None
    _memo: dict[Hashable, Any] = field(factory=dict, init=False, eq=False, repr=False)

    @property
    def text(self) -> str:
        """The working text every span points into."""
        return self.narrative.text

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, called once per context for ``key``: later calls get the same value.

        The value must depend only on what the context holds (a context
        made with ``attrs.evolve`` starts with none remembered).
        """
        try:
            value: T = self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
        return value
