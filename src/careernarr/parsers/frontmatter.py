"""``frontmatter``: Markdown notes and blog posts with a metadata block on top.

Three kinds of block are read:

* YAML between ``---`` lines (Jekyll, Hugo, Obsidian, Eleventy …), loaded
  with PyYAML's *safe* loader after a check that refuses alias bombs;
* TOML between ``+++`` lines (Hugo), loaded with :mod:`tomllib`;
* Pelican/MultiMarkdown ``Key: value`` lines at the very top, ended by a
  blank line.

Every field is kept in ``metadata`` (made JSON-safe); the common ones are
mapped to first-class fields (title, date as EDTF, authors, url, tags,
keywords, summary). ``text`` is the body after the block, read as Markdown
(see :func:`careernarr.parsers.markdown.read_markdown`). python-frontmatter's
own loader is not used: it gives no line numbers for errors inside the block
and no guard against alias expansion.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

import yaml
from attrs import frozen

from .. import hookimpl
from ..errors import ParseError
from ..export.json import json_safe
from ..hookspecs import Parser
from ..model import Narrative
from ..source import Source
from ._common import iter_lines, normalize_date, unique
from .markdown import read_markdown

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["FrontMatter", "FrontMatterParser", "find_front_matter", "load_yaml_mapping"]

#: Aliases may add at most this many nodes to a YAML document once expanded.
ALIAS_EXPANSION_BUDGET = 10_000
#: Front matter nested deeper than this is refused before it is loaded.
NESTING_LIMIT = 100
#: Front matter longer than this (characters) is refused: it is not metadata.
MAX_FRONT_MATTER = 256 * 1024

_FENCES = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
_PELICAN_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+){0,2})[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_PELICAN_KNOWN = frozenset({
    "title", "date", "modified", "tags", "keywords", "category", "slug", "author", "authors",
    "summary", "lang", "translation", "status", "template", "save_as", "url", "description",
    "subtitle", "series",
})
_YAML_KEY_LINE = re.compile(r"""^\s*(?:-\s+)?(?:"[^"]*"|'[^']*'|[^\s#:'"][^:]*?)\s*:(?:\s|$)""")
_TOML_KEY_LINE = re.compile(r"""^\s*(?:\[[^\]]+\]|(?:"[^"]*"|'[^']*'|[\w.-]+)\s*=)""")

_TITLE_KEYS = ("title", "name")
_DATE_KEYS = (
    "date", "published", "pubdate", "publishdate", "published_at", "date_published",
    "created", "created_at", "date_created", "updated", "lastmod", "modified", "last_modified",
)
_AUTHOR_KEYS = (
    "author", "authors", "speaker", "speakers", "guest", "guests", "creator", "creators",
)
_URL_KEYS = (
    "source", "url", "link", "canonical", "canonical_url", "canonicalurl", "permalink",
    "original", "source_url",
)
_TAG_KEYS = ("tags", "tag")
_KEYWORD_KEYS = ("keywords", "keyword")
_SUMMARY_KEYS = ("summary", "description", "abstract", "excerpt")
_LIST_SPLIT = re.compile(r"\s*[,，、;；]\s*")


@frozen
class FrontMatter:
    """A front-matter block found at the top of a text.

    ``kind`` is ``yaml``, ``toml`` or ``pelican``; ``raw`` the block's
    content (without delimiters), which starts on line ``content_line``
    (1-based) of the source; ``open_line`` is the line of the opening
    delimiter (the first header line for Pelican); the body starts at
    character ``body_start``.
    """

    kind: str
    raw: str
    open_line: int
    content_line: int
    body_start: int
    fields: tuple[tuple[str, str], ...] = ()  # Pelican fields, already split


def _first_line(text: str) -> tuple[int, int, str] | None:
    """``(line number, offset, line)`` of the first non-blank line."""
    for number, (offset, line) in enumerate(iter_lines(text), start=1):
        if line.strip():
            return number, offset, line
    return None


def _after_line(text: str, offset: int) -> int:
    nl = text.find("\n", offset)
    return len(text) if nl < 0 else nl + 1


def find_front_matter(text: str, name: str | None = None) -> FrontMatter | None:
    """The front-matter block at the top of ``text``, or ``None`` if it has none.

    Raises :class:`ParseError` for a ``---``/``+++`` block that is never closed.
    """
    first = _first_line(text)
    if first is None:
        return None
    open_line, open_offset, line = first
    fence = line.rstrip()
    if fence in _FENCES:
        kind, closers = _FENCES[fence]
        content_start = _after_line(text, open_offset)
        for number, (offset, candidate) in enumerate(iter_lines(text, content_start), start=open_line + 1):
            if candidate.rstrip() in closers:
                return FrontMatter(kind, text[content_start:offset], open_line, open_line + 1,
                                   _after_line(text, offset))
        raise ParseError(
            f"the {kind.upper()} front matter opened with {fence!r} on line {open_line} is never closed",
            file=name, line=open_line, column=1,
            expected=f"a closing {closers[0]!r} line after the front-matter fields",
        )
    return _pelican(text, open_line, open_offset)


def _pelican(text: str, open_line: int, open_offset: int) -> FrontMatter | None:
    fields: list[list[str]] = []
    for offset, line in iter_lines(text, open_offset):
        if not line.strip():
            if not fields:
                return None
            return FrontMatter("pelican", text[open_offset:offset], open_line, open_line,
                               _after_line(text, offset), tuple((k, v) for k, v in fields))
        if line[0] in " \t" and fields:  # an indented continuation of the previous value
            fields[-1][1] = (fields[-1][1] + " " + line.strip()).strip()
            continue
        m = _PELICAN_LINE.match(line)
        if not m:
            return None
        fields.append([m.group(1), m.group(2) or ""])
    return None  # header lines must be followed by a blank line and a body


def _pelican_score(text: str) -> float:
    first = _first_line(text)
    if first is None:
        return 0.0
    block = _pelican(text, first[0], first[1])
    if block is None:
        return 0.0
    keys = {k.lower() for k, _ in block.fields}
    return 0.7 if "title" in keys and len(keys & _PELICAN_KNOWN) >= 2 else 0.0


def sniff_score(text: str) -> float:
    """0.95 for a closed ``---``/``+++`` block of key lines, 0.7 for Pelican headers.

    A closed block without key lines, or an unclosed one that starts with
    key lines, scores 0.6: enough to beat Markdown, so that its problem is
    reported rather than the block read as Markdown rules.
    """
    first = _first_line(text)
    if first is None:
        return 0.0
    _, open_offset, line = first
    fence = line.rstrip()
    if fence not in _FENCES:
        return _pelican_score(text)
    kind, closers = _FENCES[fence]
    key_line = _YAML_KEY_LINE if kind == "yaml" else _TOML_KEY_LINE
    has_keys = False
    for _, candidate in iter_lines(text, _after_line(text, open_offset)):
        if candidate.rstrip() in closers:
            # Site generators read any closed block on top as front matter; so do we,
            # if less surely, so that a list or a scalar there is reported, not skipped.
            return 0.95 if has_keys else 0.6
        has_keys = has_keys or bool(key_line.match(candidate))
    # Unclosed, but it does look like front matter: claim it so the user hears why.
    return 0.6 if has_keys else 0.0


# -- loading ---------------------------------------------------------------


def _expanded_size(root: yaml.Node) -> int:
    """Nodes ``root`` would have with every alias expanded; refuses cycles and bombs.

    Iterative, memoized by node identity: linear in the composed graph, so a
    "billion laughs" document is measured without ever being expanded.
    """
    sizes: dict[int, int] = {}
    distinct = 0
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        if done:
            on_path.discard(key)
            size = 1 + sum(sizes[id(c)] for c in children)
            sizes[key] = size
            if size - distinct > ALIAS_EXPANSION_BUDGET:
                raise _AliasBomb(size)
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise _AliasCycle()
        on_path.add(key)
        distinct += 1
        stack.append((node, True))
        for child in children:
            if id(child) in on_path:
                raise _AliasCycle()
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


class _AliasBomb(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


class _AliasCycle(Exception):
    pass


def _yaml_expected(problem: str) -> str:
    m = re.match(r"expected (.+?),? but (?:found|got) ", problem)
    if m:
        return m.group(1)
    if "mapping values are not allowed" in problem:
        return "one 'key: value' per line (quote a value that itself contains ': ')"
    if "end of stream" in problem:
        return "the closing quote or bracket before the end of the front matter"
    if "constructor for the tag" in problem:
        return "plain YAML data (careernarr does not load YAML tags)"
    if "tab" in problem:
        return "spaces, not tabs, for indentation"
    return "valid YAML 'key: value' lines"


#: Deeper front matter is left to the pure-Python loader (which reports it when too deep).
_FAST_DEPTH = 64


def _depth(root: yaml.Node) -> int:
    """How deeply ``root`` nests (iteratively; an alias counts once)."""
    deepest = 0
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        deepest = max(deepest, depth)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
    return deepest


def _load_yaml_fast(raw: str) -> dict[str, Any] | None:
    """``raw`` loaded by libyaml's ``CSafeLoader`` (same checks), or ``None`` to let the reference loader decide."""
    loader_class = getattr(yaml, "CSafeLoader", None)
    if loader_class is None:
        return None
    try:
        loader = loader_class(raw)
    except Exception:  # e.g. a lone surrogate, which libyaml cannot take in
        return None
    try:
        node = loader.get_single_node()
        if node is None:
            return {}
        if _depth(node) > _FAST_DEPTH:
            return None
        _expanded_size(node)
        data = loader.construct_document(node)
    except (_AliasBomb, _AliasCycle):
        raise  # the same verdict the pure-Python loader would reach, much sooner
    except Exception:  # every problem is reported by the pure-Python loader, with its positions
        return None
    finally:
        loader.dispose()
    return data if isinstance(data, dict) else None


def load_yaml_mapping(raw: str, *, name: str | None = None, first_line: int = 1) -> dict[str, Any]:
    """``raw`` YAML loaded safely as a mapping; errors point at lines of the file.

    ``first_line`` is the file line on which ``raw`` starts. Only plain data
    is constructed (PyYAML's ``SafeLoader``); aliases that would expand the
    document by more than :data:`ALIAS_EXPANSION_BUDGET` nodes, recursive
    aliases and anything but a mapping at the top are refused. libyaml's
    loader reads it when it can (ten times faster); anything it does not read
    as a mapping goes to the pure-Python one, which reports the problem.
    Front matter longer than :data:`MAX_FRONT_MATTER` characters or nested
    deeper than :data:`NESTING_LIMIT` levels is refused before loading
    (both YAML loaders slow down with the square of the nesting depth, and
    libyaml's recursion could overflow the stack).
    """
    _check_size(raw, name, first_line)
    deep = _too_deep(raw)
    if deep is not None:
        raise ParseError(f"the YAML front matter is nested more than {NESTING_LIMIT} levels deep; refused",
                         file=name, line=first_line + deep, expected=f"at most {NESTING_LIMIT} levels of nesting")
    loader: yaml.SafeLoader | None = None
    try:
        fast = _load_yaml_fast(raw)
        if fast is not None:
            return fast
        loader = yaml.SafeLoader(raw)
        node = loader.get_single_node()
        if node is None:
            return {}
        _expanded_size(node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        context = f" ({exc.context})" if exc.context and exc.problem else ""
        raise ParseError(
            f"invalid YAML in the front matter: {problem}{context}",
            file=name,
            line=first_line + mark.line if mark else first_line,
            column=mark.column + 1 if mark else None,
            expected=_yaml_expected(problem),
        ) from None
    except yaml.reader.ReaderError as exc:  # a control character or a lone surrogate
        before = raw[: exc.position]
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise ParseError(
            f"the front matter holds a character YAML does not allow (U+{char:04X})",
            file=name, line=first_line + before.count("\n"),
            column=exc.position - (before.rfind("\n") + 1) + 1,
            expected="printable text (remove or escape the control character)",
        ) from None
    except yaml.YAMLError as exc:
        raise ParseError(f"invalid YAML in the front matter: {exc}", file=name, line=first_line,
                         expected="valid YAML 'key: value' lines") from None
    except _AliasBomb:
        raise ParseError(
            "the YAML front matter uses aliases that would expand it beyond "
            f"{ALIAS_EXPANSION_BUDGET} extra values (an alias bomb?); refused",
            file=name, line=first_line, expected="front matter without mass alias expansion",
        ) from None
    except _AliasCycle:
        raise ParseError("the YAML front matter has an alias that refers to itself; refused",
                         file=name, line=first_line, expected="front matter without recursive aliases") from None
    except RecursionError:
        raise ParseError("the YAML front matter is nested too deeply to read", file=name,
                         line=first_line, expected="at most a few hundred levels of nesting") from None
    except (ValueError, TypeError) as exc:  # e.g. a timestamp such as 2023-02-30 10:00:00
        raise ParseError(f"invalid value in the YAML front matter: {exc}", file=name,
                         line=first_line, expected="valid YAML values (real dates, hashable keys)") from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else f"a single {type(data).__name__} value"
        raise ParseError(
            f"the YAML front matter is {what}, not a mapping of fields",
            file=name, line=first_line, column=1, expected="'key: value' lines",
        )
    return data


def _check_size(raw: str, name: str | None, first_line: int) -> None:
    if len(raw) > MAX_FRONT_MATTER:
        raise ParseError(
            f"the front matter is {len(raw) // 1024} KiB long, more than the {MAX_FRONT_MATTER // 1024} KiB "
            "careernarr reads as metadata; refused",
            file=name, line=first_line, expected="a front-matter block of fields, closed by its fence",
            hint="read the file with format='markdown' to keep all of it as text",
        )


def _too_deep(raw: str) -> int | None:
    """The 0-based line of ``raw`` where collections nest deeper than :data:`NESTING_LIMIT`, if any.

    Every level needs an indicator (``[ { - ? :``) or a new line, so text
    with fewer of those is not scanned. The scan reads YAML events (libyaml's
    when available) and stops at the first level too deep, so it costs at
    most ``NESTING_LIMIT`` steps per character. Invalid YAML is left to the
    loaders, which report it with its position.
    """
    if sum(raw.count(ch) for ch in "[{-?:\n") <= NESTING_LIMIT:
        return None
    loader_class: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = loader_class(raw)
    except Exception:  # e.g. a lone surrogate, which libyaml cannot take in: the loaders report it
        return None
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > NESTING_LIMIT:
                    mark = event.start_mark
                    return int(mark.line) if mark is not None else 0
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except Exception:  # invalid YAML: the loaders report it with its position
        return None
    finally:
        loader.dispose()
    return None


_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)\s*$")


def load_toml_mapping(raw: str, *, name: str | None = None, first_line: int = 1) -> dict[str, Any]:
    """``raw`` TOML loaded with :mod:`tomllib`; errors point at lines of the file."""
    _check_size(raw, name, first_line)
    try:
        return tomllib.loads(raw)
    except RecursionError:
        raise ParseError("the TOML front matter is nested too deeply to read; refused", file=name,
                         line=first_line, expected="at most a few hundred levels of nesting") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc.args[0]) if exc.args else str(exc)
        line: int | None = getattr(exc, "lineno", None)
        column: int | None = getattr(exc, "colno", None)
        m = _TOML_WHERE.search(message)
        if m:
            line, column = int(m.group(1)), int(m.group(2))
        reason = _TOML_WHERE.sub("", message).replace("(at end of document)", "").strip()
        if line is None:  # "at end of document": the problem is seen at the closing line
            line, column = raw.count("\n") + 1, None
        raise ParseError(
            f"invalid TOML in the front matter: {reason}",
            file=name, line=first_line + line - 1, column=column,
            expected="valid TOML 'key = value' lines (strings in quotes)",
        ) from None


# -- fields ----------------------------------------------------------------


def _lookup(fields: Mapping[str, Any], keys: Iterable[str]) -> Iterable[Any]:
    """Values of ``fields`` under ``keys`` (matched ignoring case and ``-``/``_``), in ``keys`` order."""
    folded: dict[str, Any] = {}
    for key, value in fields.items():
        folded.setdefault(str(key).lower().replace("-", "_"), value)
    for key in keys:
        if key in folded:
            yield folded[key]


def _texts(value: Any, *, split: bool) -> list[str]:
    """Non-empty strings in ``value`` (a string, a list, a ``{name: …}`` mapping)."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, Mapping):
        named = value.get("name") or value.get("title")
        return _texts(named, split=split)
    if isinstance(value, list | tuple | set):
        return [t for item in value for t in _texts(item, split=False)]
    text = str(value).strip()
    if not text:
        return []
    parts = _LIST_SPLIT.split(text) if split else [text]
    return [p.strip() for p in parts if p.strip()]


def _first_text(fields: Mapping[str, Any], keys: Iterable[str]) -> str | None:
    for value in _lookup(fields, keys):
        texts = _texts(value, split=False)
        if texts:
            return texts[0]
    return None


def _looks_like_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


#: A post's file name in the Jekyll / Hugo convention: 2024-12-29-year-end.md.
_POST_NAME = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)-")


def _post_name_date(path: str | None) -> str | None:
    """The date a post's file name starts with (Jekyll takes a post's date from it), as EDTF."""
    if not path:
        return None
    m = _POST_NAME.match(PurePath(path).name)
    if m is None:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None  # 2024-13-45-notes.md: not a date


def map_fields(fields: Mapping[str, Any], *, pelican: bool = False) -> dict[str, Any]:
    """The first-class Narrative fields that front-matter ``fields`` give."""
    date = None
    for value in _lookup(fields, _DATE_KEYS):
        date = normalize_date(value)
        if date:
            break
    authors: list[str] = []
    for key in _AUTHOR_KEYS:
        for value in _lookup(fields, (key,)):
            authors.extend(_texts(value, split=pelican or key.endswith("s")))
    url = next((u for value in _lookup(fields, _URL_KEYS)
                for u in _texts(value, split=False) if _looks_like_url(u)), None)
    tags = [t.lstrip("#") for v in _lookup(fields, _TAG_KEYS) for t in _texts(v, split=True)]
    keywords = [k for v in _lookup(fields, _KEYWORD_KEYS) for k in _texts(v, split=True)]
    return {
        "title": _first_text(fields, _TITLE_KEYS),
        "date": date,
        "authors": unique(authors),
        "url": url,
        "tags": unique(t for t in tags if t),
        "keywords": unique(keywords),
        "summary": _first_text(fields, _SUMMARY_KEYS),
    }


# -- the parser ------------------------------------------------------------


class FrontMatterParser:
    """Markdown with YAML (``---``), TOML (``+++``) or Pelican (``Key: value``) metadata on top."""

    name = "frontmatter"
    description = "Markdown with YAML/TOML front matter or Pelican header lines: fields become metadata."

    def sniff(self, source: Source) -> float:
        try:
            return sniff_score(source.text)
        except Exception:  # noqa: BLE001 (a sniffer never raises)
            return 0.0

    def parse(self, source: Source) -> Narrative:
        text = source.text
        block = find_front_matter(text, source.name)
        if block is None:
            first = _first_line(text)
            raise ParseError(
                "no front matter at the top of the document",
                file=source.name, line=first[0] if first else 1, column=1,
                expected="a first line '---' (YAML) or '+++' (TOML), or 'Key: value' header lines "
                         "followed by a blank line",
            )
        if block.kind == "yaml":
            fields: Mapping[str, Any] = load_yaml_mapping(block.raw, name=source.name,
                                                          first_line=block.content_line)
        elif block.kind == "toml":
            fields = load_toml_mapping(block.raw, name=source.name, first_line=block.content_line)
        else:
            fields = dict(block.fields)
        mapped = map_fields(fields, pelican=block.kind == "pelican")
        body = text[block.body_start:]
        found = read_markdown(body)
        warnings = [] if fields else [f"the {block.kind.upper()} front matter on line {block.open_line} is empty"]
        return Narrative(
            format=self.name,
            text=body,
            title=mapped["title"] or found.title,
            date=mapped["date"] or _post_name_date(source.path),
            url=mapped["url"],
            authors=mapped["authors"],
            summary=mapped["summary"],
            keywords=mapped["keywords"],
            tags=mapped["tags"],
            links=found.links,
            draft=_draft(fields),
            metadata=json_safe(fields),
            sections=found.sections,
            source=source.path,
            warnings=warnings,
        )


def _draft(fields: Mapping[str, Any]) -> bool | None:
    """``draft: true`` (Hugo, Jekyll, Eleventy) or ``published: false``, as a bool; else None."""
    for key, negate in (("draft", False), ("published", True)):
        value = fields.get(key)
        if isinstance(value, str):
            value = {"true": True, "yes": True, "false": False, "no": False}.get(value.strip().lower())
        if isinstance(value, bool):
            return (not value) if negate else value
    return None


@hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    return [FrontMatterParser()]
