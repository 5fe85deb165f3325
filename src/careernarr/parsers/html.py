"""``html``: a saved web page (blog post, news article, forum page).

The page is read with lxml's HTML parser, set never to touch the network
(no entity resolution, comments and processing instructions dropped).
Metadata comes from ``<title>``, ``<meta>`` (Open Graph, ``article:*``,
Dublin Core …), ``<link rel=canonical>``, ``<time datetime>`` and JSON-LD.
Site chrome (scripts, styles, navigation, page header and footer, asides,
forms, iframes, SVG, hidden elements) is removed and the main content is
taken from ``<article>``, ``<main>``/``role=main``, else ``<body>``. The text is
built block by block (blank lines between blocks, table cells separated by
tabs, ``<pre>`` kept verbatim); headings ``h1``–``h6`` become sections whose
spans point into that text.

A general extractor (trafilatura, readability-lxml) is not used: they score
and drop paragraphs by heuristics and return text without offsets, while
careernarr must keep every visible character of the content and know where
each heading landed in the text it builds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from .. import hookimpl
from ..errors import ParseError
from ..export.json import json_safe
from ..hookspecs import Parser
from ..model import Narrative, Section
from ..source import Source
from ._common import normalize_date, unique
from .markdown import heading_sections

__all__ = ["HtmlParser", "html_score"]

#: Elements whose content is never part of the text.
DROPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg",
    "head", "button", "object", "embed", "canvas", "audio", "video", "math",
})
_CHROME_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    "toolbar", "dialog", "alertdialog",
})
# A header/footer inside one of these belongs to the content, not to the site.
_SECTIONING = frozenset({"article", "section", "main", "blockquote", "figure", "details", "td", "dialog"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
    "tr", "ul",
})
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_CELLS = frozenset({"td", "th"})
_SPACES = re.compile(r"\s+")
_RUNS = re.compile(r" {2,}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_AROUND_BREAKS = re.compile(r" *([\n\t]) *")
_LIST_SPLIT = re.compile(r"\s*[,，、;；]\s*")

_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
    "dcterms.issued", "citation_publication_date", "parsely-pub-date", "sailthru.date",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
_AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "citation_author",
                "parsely-author", "twitter:creator")
_SUMMARY_META = ("description", "og:description", "twitter:description", "dc.description")


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# -- sniffing --------------------------------------------------------------


def _skip_prolog(s: str) -> str:
    """``s`` without a leading XML declaration and comments."""
    while True:
        s = s.lstrip()
        if s.startswith("<?"):
            end = s.find("?>")
            if end < 0:
                return s
            s = s[end + 2 :]
        elif s.startswith("<!--"):
            end = s.find("-->")
            if end < 0:
                return s
            s = s[end + 3 :]
        else:
            return s


def html_score(head: str) -> float:
    """0.95 for ``<!doctype html``/``<html``, 0.6 for a text that is mostly tags."""
    s = _skip_prolog(head).lower()
    if s.startswith(("<!doctype html", "<html")):
        return 0.95
    if not s.startswith("<") or s.count("</") < 3:
        return 0.0
    inside = 0
    in_tag = False
    for ch in s:  # characters between < and >, counted without parsing
        if ch == "<":
            in_tag = True
        elif ch == ">":
            in_tag = False
        elif in_tag:
            inside += 1
    return 0.6 if inside >= 0.3 * len(s.strip()) else 0.1


# -- metadata --------------------------------------------------------------


def _meta_tags(doc: Any) -> dict[str, Any]:
    """Every ``<meta>`` as ``{name: content}`` (repeated names keep every value, in order)."""
    found: dict[str, Any] = {}
    for meta in doc.iter("meta"):
        if meta.get("charset"):
            found.setdefault("charset", meta.get("charset"))
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = meta.get("content")
        if not key or content is None:
            continue
        key = key.strip()
        if key in found:
            previous = found[key]
            found[key] = (previous if isinstance(previous, list) else [previous]) + [content.strip()]
        else:
            found[key] = content.strip()
    return found


def _json_ld(doc: Any, warnings: list[str]) -> list[Any]:
    """The JSON-LD blocks of the page (before scripts are removed)."""
    blocks: list[Any] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        try:
            data = json.loads(raw)
        except ValueError as exc:
            warnings.append(f"a JSON-LD block could not be read ({exc}); ignored")
            continue
        if isinstance(data, Mapping) and isinstance(data.get("@graph"), list):
            blocks.extend(data["@graph"])
        elif isinstance(data, list):
            blocks.extend(data)
        else:
            blocks.append(data)
    return blocks


def _ld_values(blocks: Sequence[Any], key: str) -> Iterator[Any]:
    for block in blocks:
        if isinstance(block, Mapping) and block.get(key) not in (None, "", []):
            yield block[key]


def _names(value: Any) -> list[str]:
    """Person names in a meta value or a JSON-LD ``author`` (string, object, list)."""
    if isinstance(value, Mapping):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    if isinstance(value, str):
        text = _collapse(value)
        return [text] if text and not _is_url(text) else []
    return []


def _is_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _values(meta: Mapping[str, Any], keys: Iterable[str]) -> Iterator[str]:
    """Meta contents under ``keys`` (case-insensitive), in ``keys`` order."""
    folded: dict[str, list[str]] = {}
    for key, value in meta.items():
        items = value if isinstance(value, list) else [value]
        folded.setdefault(key.lower(), []).extend(str(v) for v in items)
    for key in keys:
        for value in folded.get(key, []):
            if value.strip():
                yield value.strip()


def _split(values: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for value in values:
        if isinstance(value, list):
            out.extend(_split(value))
        elif isinstance(value, str):
            out.extend(p for p in _LIST_SPLIT.split(value.strip()) if p)
    return unique(out)


# -- cleaning --------------------------------------------------------------


def _is_hidden(el: Any) -> bool:
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _is_chrome(el: Any) -> bool:
    tag = el.tag
    if tag in DROPPED_TAGS:
        return True
    if (el.get("role") or "").strip().lower() in _CHROME_ROLES:
        return True
    if tag in ("header", "footer"):
        return not any(a.tag in _SECTIONING or (a.get("role") or "").lower() == "main"
                       for a in el.iterancestors())
    return _is_hidden(el)


def _remove_chrome(doc: Any) -> dict[str, int]:
    """Remove site chrome from ``doc`` in place; returns how many of each tag went."""
    removed: dict[str, int] = {}
    doomed = [el for el in doc.iter() if isinstance(el.tag, str) and el is not doc and _is_chrome(el)]
    doomed_set = set(doomed)
    outermost = [el for el in doomed if not any(a in doomed_set for a in el.iterancestors())]
    for el in outermost:
        removed[el.tag] = removed.get(el.tag, 0) + 1
        el.drop_tree()  # keeps the element's tail text
    return removed


def _main_content(doc: Any) -> Any:
    body = doc.find("body")
    root = body if body is not None else doc
    articles = [a for a in root.iter("article") if not any(p.tag == "article" for p in a.iterancestors())]
    if len(articles) == 1 and _collapse(articles[0].text_content()):
        return articles[0]
    for el in root.iter():
        is_main = isinstance(el.tag, str) and (el.tag == "main" or (el.get("role") or "").lower() == "main")
        if is_main and _collapse(el.text_content()):
            return el
    return root


# -- text building ---------------------------------------------------------


class _TextBuilder:
    """Builds the narrative text block by block and remembers where headings landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.buffer: list[str] = []
        self.pre = 0
        self.headings: list[tuple[int, int, str]] = []  # (start, level, heading)
        self.code: list[tuple[int, int]] = []

    def add(self, text: str | None) -> None:
        if text:
            self.buffer.append(text if self.pre else _SPACES.sub(" ", text))

    def cell(self) -> None:
        if self.buffer and "".join(self.buffer).strip():
            self.buffer.append("\t")

    def flush(self, *, verbatim: bool = False) -> tuple[int, int] | None:
        raw = "".join(self.buffer)
        self.buffer = []
        if verbatim:
            block = raw.strip("\n").rstrip()
        else:
            block = _AROUND_BREAKS.sub(r"\1", _RUNS.sub(" ", raw)).strip()
        if not block.strip():
            return None
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(block)
        self.length += len(block)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def build_text(root: Any) -> tuple[str, list[Section]]:
    """The text of ``root`` and its sections (headings, ``<pre>`` blocks)."""
    out = _TextBuilder()
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS or tag in _HEADINGS:
                out.flush(verbatim=out.pre > 0)
            if tag == "pre":
                out.pre += 1
            elif tag in _CELLS:
                out.cell()
            elif tag == "br":
                out.buffer.append("\n")
            out.add(el.text)
            continue
        if tag == "pre":
            span = out.flush(verbatim=True)
            out.pre = max(0, out.pre - 1)
            if span:
                out.code.append(span)
        elif tag in _HEADINGS:
            span = out.flush()
            if span:
                out.headings.append((span[0], _HEADINGS[tag], out.parts[-1]))
        elif tag in _BLOCKS:
            out.flush(verbatim=out.pre > 0)
        if el is not root:
            out.add(el.tail)
    out.flush()
    text = out.text()
    sections = heading_sections(text, [(start, level, _collapse(words)) for start, level, words in out.headings])
    sections.extend(Section(None, 0, span, "code") for span in out.code)
    sections.sort(key=lambda s: (s.span.start, -s.span.end))
    return text, sections


# -- the parser ------------------------------------------------------------


def _parse_document(source: Source, warnings: list[str]) -> Any:
    """The page as an lxml tree; never fetches, never expands entities.

    ``huge_tree`` lifts libxml2's nesting limit from 256 to 2048 levels (the
    tree is walked without recursion); content nested deeper still is
    reported in ``warnings``.
    """
    parser = lxml_html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                                  remove_pis=True, huge_tree=True)
    try:
        data = source.text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: not text a page can hold
        data = _SURROGATE.sub("\ufffd", source.text).encode("utf-8")
        warnings.append("lone surrogate characters were replaced with U+FFFD")
    try:
        doc = lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"not a readable HTML page ({exc})", file=source.name, line=1,
                         expected="an HTML document") from None
    for entry in parser.error_log:
        if "depth" in entry.message.lower():
            warnings.append(f"line {entry.line}: elements nest too deeply; what lies deeper was not read")
            break
    return doc


class HtmlParser:
    """A saved web page: metadata from the head, text from the main content."""

    name = "html"
    description = "A saved HTML page: title, meta tags and main text; site chrome removed."

    def sniff(self, source: Source) -> float:
        try:
            return html_score(source.head)
        except Exception:  # noqa: BLE001 (a sniffer never raises)
            return 0.0

    def parse(self, source: Source) -> Narrative:
        warnings: list[str] = []
        doc = _parse_document(source, warnings)
        meta = _meta_tags(doc)
        ld = _json_ld(doc, warnings)
        head_title = doc.find(".//title")
        page_title = _collapse(head_title.text_content()) if head_title is not None else None
        canonical = next((link.get("href", "").strip() for link in doc.iter("link")
                          if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")), None)
        base_el = doc.find(".//base[@href]")
        rel_authors = [_collapse(a.text_content()) for a in doc.iter("a")
                       if "author" in (a.get("rel") or "").lower().split()]

        url = next((u for u in _values(meta, ("og:url",)) if _is_url(u)), None)
        if url is None and canonical:
            joined = urljoin(next(_values(meta, ("og:url",)), ""), canonical)
            url = joined if _is_url(joined) else None
        if url is None:
            url = next((u for u in _ld_values(ld, "url") if isinstance(u, str) and _is_url(u)), None)
        base = base_el.get("href").strip() if base_el is not None else ""
        base = urljoin(url or "", base) if base else (url or "")

        removed = _remove_chrome(doc)
        root = _main_content(doc)
        text, sections = build_text(root)
        if not text.strip():
            raise ParseError(
                "the page has no readable text once scripts, styles and navigation are removed",
                file=source.name, line=1,
                expected="an HTML page with text in its body (save a JavaScript-built page after it renders)",
            )
        times = [t.get("datetime") for t in root.iter("time") if t.get("datetime")]
        first_h1 = next((s.heading for s in sections if s.level == 1 and s.heading), None)

        title = (next(_values(meta, ("og:title", "twitter:title")), None)
                 or next((_collapse(str(v)) for v in _ld_values(ld, "headline")), None)
                 or page_title or first_h1)
        date = None
        for candidate in [*_values(meta, _DATE_META), *_ld_values(ld, "datePublished"), *times,
                          *_values(meta, _MODIFIED_META), *_ld_values(ld, "dateModified")]:
            date = normalize_date(candidate) if isinstance(candidate, str) else None
            if date:
                break
        authors = unique([n for v in _values(meta, _AUTHOR_META) for n in _names(v)]
                         + [n for v in _ld_values(ld, "author") for n in _names(v)])
        if not authors:
            authors = unique(a for a in rel_authors if a)
        summary = next(_values(meta, _SUMMARY_META), None) or next(
            (_collapse(str(v)) for v in _ld_values(ld, "description")), None)
        keywords = _split([*_values(meta, ("keywords", "news_keywords")), *_ld_values(ld, "keywords")])
        tags = _split(list(_values(meta, ("article:tag",))))

        links: list[str] = []
        for a in root.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or href.startswith("#") or href.lower().startswith(("javascript:", "vbscript:", "data:")):
                continue
            links.append(urljoin(base, href) if base else href)

        metadata: dict[str, Any] = {"title": page_title, "meta": meta}
        if canonical:
            metadata["canonical"] = canonical
        if doc.get("lang"):
            metadata["lang"] = doc.get("lang")
        if times:
            metadata["times"] = times
        if ld:
            metadata["json_ld"] = ld
        metadata["content_root"] = root.tag
        if removed:
            metadata["removed"] = removed
        return Narrative(
            format=self.name,
            text=text,
            title=title,
            date=date,
            url=url,
            authors=authors,
            summary=summary,
            keywords=keywords,
            tags=tags,
            links=unique(links),
            metadata=json_safe(metadata),
            sections=sections,
            source=source.path,
            warnings=warnings,
        )


@hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    return [HtmlParser()]
