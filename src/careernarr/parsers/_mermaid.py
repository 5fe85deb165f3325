"""Mermaid flowcharts (``graph`` / ``flowchart``) read into nodes, edges and subgraphs.

:func:`parse_mermaid` is a small, forgiving reader of the flowchart grammar:
node shapes (``A[x]``, ``A(x)``, ``A{x}``, ``A((x))``, ``A>x]``, ``A[(x)]``
…), chains (``A --> B --> C``), fan-out with ``&``, every link style
(``-->``, ``---``, ``-.->``, ``==>``, ``~~~``, ``--o``, ``--x``, ``<-->``)
with labels written inline (``-- "x" -->``) or between pipes
(``-->|x|``), nested ``subgraph … end`` blocks, and ``;`` between
statements. Styling (``style``, ``classDef``, ``class``, ``click``,
``linkStyle``, ``:::cls``) and ``%%`` comments are skipped. Labels are
unquoted; HTML inside them (``<br>``, ``<b>``) is read with lxml, line
breaks becoming ``\\n``.

Why not a library: the only Python package that parses Mermaid
(``mermaid-parser-py``) runs the JavaScript parser through Node.js and
PythonMonkey, a heavy runtime dependency for a few hundred lines of
grammar; careernarr needs a pure-Python reader that never fails on a
half-broken diagram. What cannot be read is reported in ``problems`` and
everything else is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import define, field

from ..model import DiagramEdge, DiagramNode, Subgraph

__all__ = ["FLOWCHART_KEYWORDS", "MermaidGraph", "parse_mermaid"]

#: Header keywords of the flowchart diagram type.
FLOWCHART_KEYWORDS = ("graph", "flowchart", "flowchart-elk")

MermaidGraph = tuple[str | None, tuple[DiagramNode, ...], tuple[DiagramEdge, ...], tuple[Subgraph, ...]]

_DIRECTIONS = {"TB", "TD", "BT", "RL", "LR"}
_DIRECTION_ALIASES = {">": "LR", "<": "RL", "^": "BT", "v": "TB"}
# Statements about looks and interaction, not structure.
_IGNORED = re.compile(r"^(style|classDef|class|click|linkStyle|direction|accTitle|accDescr)(?:\s|:|\{|$)")
_HEADER = re.compile(r"^(graph|flowchart-elk|flowchart)\b\s*(\S+)?\s*$", re.IGNORECASE)
_OTHER_TYPE = re.compile(
    r"^(sequenceDiagram|classDiagram(?:-v2)?|stateDiagram(?:-v2)?|erDiagram|journey|gantt|pie|"
    r"gitGraph|mindmap|timeline|quadrantChart|requirementDiagram|C4\w+|sankey(?:-beta)?|"
    r"xychart(?:-beta)?|block(?:-beta)?|packet(?:-beta)?|kanban|architecture(?:-beta)?|zenuml|radar(?:-beta)?|"
    r"treemap(?:-beta)?)\b"
)

# Node ids: letters (any script), digits, ``_``; inner ``-`` or ``.`` only between word characters,
# so ``A-->B`` and ``A-.->B`` split where Mermaid splits them.
_ID = re.compile(r"\w+(?:[-.]\w+)*")
_CLASS_SUFFIX = re.compile(r":::[\w-]+")
# Openers of node shapes, longest first, with their closers.
_SHAPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("(((", (")))",)),
    ("((", ("))",)),
    ("([", ("])",)),
    ("[[", ("]]",)),
    ("[(", (")]",)),
    ("[/", ("/]", "\\]")),
    ("[\\", ("\\]", "/]")),
    ("{{", ("}}",)),
    ("(", (")",)),
    ("[", ("]",)),
    ("{", ("}",)),
    (">", ("]",)),
)
# A complete link token: arrows, open links, dotted, thick, invisible, with optional heads.
_LINK = re.compile(
    r"""(?:
        [<ox]?-{2,}(?:>|[ox](?![\w]))      # --> --o --x <-->
      | -{3,}                              # ---
      | [<ox]?-\.+-(?:>|[ox](?![\w]))?     # -.-> -.- -..->
      | [<ox]?={2,}(?:>|[ox](?![\w]))      # ==> <==>
      | ={3,}                              # ===
      | ~{3,}                              # ~~~ (invisible)
    )""",
    re.VERBOSE,
)
# Openers of a link whose label is written inline: ``-- x -->``, ``-. x .->``, ``== x ==>``.
_LINK_OPEN = re.compile(r"[<ox]?(--|-\.|==)(?![->.=])")
_LINK_CLOSE = {
    "--": re.compile(r"-{2,}(?:>|[ox](?![\w]))|-{3,}"),
    "-.": re.compile(r"\.+-(?:>|[ox](?![\w]))?"),
    "==": re.compile(r"={2,}(?:>|[ox](?![\w]))|={3,}"),
}
_ENTITY = re.compile(r"#(\w+);")
_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>")


class _Syntax(Exception):
    """A statement that does not follow the flowchart grammar (caught per statement)."""


@define
class _Open:
    id: str
    title: str | None
    line: int
    members: list[str] = field(factory=list)


@define
class _Graph:
    direction: str | None = None
    labels: dict[str, str | None] = field(factory=dict)
    shaped: set[str] = field(factory=set)
    edges: list[DiagramEdge] = field(factory=list)
    subgraphs: list[Subgraph] = field(factory=list)
    stack: list[_Open] = field(factory=list)

    def mention(self, node_id: str, label: str | None = None) -> None:
        if label is not None:
            self.labels[node_id] = label
            self.shaped.add(node_id)
        else:
            self.labels.setdefault(node_id, None)
        if self.stack and node_id not in self.stack[-1].members:
            self.stack[-1].members.append(node_id)


def parse_mermaid(src: str, *, first_line: int = 1, problems: list[str] | None = None) -> MermaidGraph:
    """``(direction, nodes, edges, subgraphs)`` of the Mermaid flowchart ``src``.

    Never raises on bad input: statements that cannot be read are skipped and
    described in ``problems`` (when given), each naming its line, counted from
    ``first_line``. A diagram of another type (``sequenceDiagram`` …) yields
    no nodes and one problem. Nodes come in order of first mention, each
    labelled with its last written label (its id if it has none); a
    subgraph's ``nodes`` are the ids mentioned directly inside it, nested
    subgraph ids included.
    """
    sink: list[str] = problems if problems is not None else []
    graph = _Graph()
    seen_header = False
    for line_no, statement in _statements(src, first_line):
        if not seen_header:
            seen_header = True
            header = _HEADER.match(statement)
            if header:
                graph.direction = _direction(header.group(2), line_no, sink)
                continue
            other = _OTHER_TYPE.match(statement)
            if other:
                sink.append(f"line {line_no}: Mermaid {other.group(1)} diagrams are not read "
                            "(only graph/flowchart); the diagram is kept as text")
                return None, (), (), ()
            sink.append(f"line {line_no}: no 'graph' or 'flowchart' header; read as a flowchart")
        try:
            _statement(graph, statement, line_no)
        except _Syntax as exc:
            sink.append(f"line {line_no}: {exc}: {_short(statement)!r}")
    for open_sub in reversed(graph.stack):
        sink.append(f"line {open_sub.line}: subgraph {open_sub.id!r} is never closed with 'end'")
        _close(graph)
    if not seen_header:
        sink.append(f"line {first_line}: empty Mermaid diagram")
    subgraph_ids = {s.id for s in graph.subgraphs}
    nodes = tuple(
        DiagramNode(node_id, label or node_id)
        for node_id, label in graph.labels.items()
        if not (node_id in subgraph_ids and node_id not in graph.shaped)
    )
    return graph.direction, nodes, tuple(graph.edges), tuple(graph.subgraphs)


# -- statements ---------------------------------------------------------------------------------


def _statements(src: str, first_line: int) -> Iterator[tuple[int, str]]:
    """``(line number, statement)``: comments, front matter and blank lines dropped, ``;`` split."""
    lines = src.split("\n")
    start = 0
    # Mermaid front matter (``---`` / ``title: …`` / ``---``) before the header.
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is not None and lines[first].strip() == "---":
        close = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "---"), None)
        if close is not None:
            start = close + 1
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if not line or line.startswith("%%"):
            continue
        for part in _split_semicolons(line):
            part = part.strip()
            if part and not part.startswith("%%"):
                yield first_line + index, part


def _split_semicolons(line: str) -> list[str]:
    parts: list[str] = []
    buf: list[str] = []
    depth, quote = 0, False
    for ch in line:
        if ch == '"':
            quote = not quote
        elif not quote and ch in "[({":
            depth += 1
        elif not quote and ch in "])}":
            depth = max(0, depth - 1)
        elif ch == ";" and not quote and depth == 0:
            parts.append("".join(buf))
            buf = []
            continue
        buf.append(ch)
    parts.append("".join(buf))
    return parts


def _direction(word: str | None, line_no: int, sink: list[str]) -> str | None:
    if not word:
        return None
    w = word.rstrip(";")
    if w.upper() in _DIRECTIONS:
        return w.upper()
    if w in _DIRECTION_ALIASES:
        return _DIRECTION_ALIASES[w]
    sink.append(f"line {line_no}: unknown direction {w!r} (expected TB, TD, BT, LR or RL)")
    return None


def _statement(graph: _Graph, statement: str, line_no: int) -> None:
    keyword = statement.split(None, 1)[0]
    if keyword == "subgraph":
        _open_subgraph(graph, statement[len("subgraph"):].strip(), line_no)
        return
    if keyword == "end" and statement.strip() == "end":
        if not graph.stack:
            raise _Syntax("'end' without an open subgraph")
        _close(graph)
        return
    if _IGNORED.match(statement):
        return
    _chain(graph, statement)


def _open_subgraph(graph: _Graph, rest: str, line_no: int) -> None:
    if not rest:
        sub_id = f"subGraph{len(graph.subgraphs) + len(graph.stack)}"
        title: str | None = sub_id
    elif rest.startswith('"'):
        title, pos = _quoted(rest, 0)
        if rest[pos:].strip():
            raise _Syntax("unexpected text after the subgraph title")
        sub_id = title
    else:
        m = _ID.match(rest)
        if m and rest[m.end():].lstrip().startswith("["):
            sub_id = m.group(0)
            after = rest[m.end():].lstrip()
            close = after.rfind("]")
            if close < 0:
                raise _Syntax("subgraph title '[' is never closed")
            title = _unquote(after[1:close].strip())
        else:
            sub_id = rest.strip()
            title = _label(sub_id)
    if graph.stack:
        parent = graph.stack[-1]
        if sub_id not in parent.members:
            parent.members.append(sub_id)
    graph.stack.append(_Open(sub_id, title, line_no))


def _close(graph: _Graph) -> None:
    done = graph.stack.pop()
    graph.subgraphs.append(Subgraph(done.id, done.title, done.members))


# -- chains of nodes and links -------------------------------------------------------------------


def _chain(graph: _Graph, s: str) -> None:
    pos = 0
    previous, pos = _node_group(graph, s, pos)
    while True:
        pos = _skip_space(s, pos)
        if pos >= len(s):
            return
        label, pos = _link(s, pos)
        pos = _skip_space(s, pos)
        if pos >= len(s):
            raise _Syntax("a link with no node after it")
        current, pos = _node_group(graph, s, pos)
        for source in previous:
            for target in current:
                graph.edges.append(DiagramEdge(source, target, label))
        previous = current


def _node_group(graph: _Graph, s: str, pos: int) -> tuple[list[str], int]:
    ids: list[str] = []
    while True:
        node_id, label, pos = _node(s, pos)
        graph.mention(node_id, label)
        ids.append(node_id)
        after = _skip_space(s, pos)
        if after < len(s) and s[after] == "&":
            pos = _skip_space(s, after + 1)
            continue
        return ids, pos


def _node(s: str, pos: int) -> tuple[str, str | None, int]:
    m = _ID.match(s, pos)
    if not m:
        raise _Syntax(f"expected a node id at column {pos + 1}")
    node_id, pos = m.group(0), m.end()
    label: str | None = None
    if s.startswith("@{", pos):
        close = s.find("}", pos)
        if close < 0:
            raise _Syntax("'@{' is never closed")
        label = _shape_data_label(s[pos + 2 : close])
        pos = close + 1
    else:
        for opener, closers in _SHAPES:
            if s.startswith(opener, pos):
                label, pos = _shape_label(s, pos + len(opener), closers)
                break
    cls = _CLASS_SUFFIX.match(s, pos)
    if cls:
        pos = cls.end()
    return node_id, label, pos


def _shape_label(s: str, pos: int, closers: tuple[str, ...]) -> tuple[str, int]:
    inner = _skip_space(s, pos)
    if inner < len(s) and s[inner] == '"':
        text, after = _quoted(s, inner)
        after = _skip_space(s, after)
        for closer in closers:
            if s.startswith(closer, after):
                return text, after + len(closer)
        raise _Syntax(f"node shape not closed with {closers[0]!r}")
    best, best_closer = -1, closers[0]
    for closer in closers:
        found = _balanced_find(s, closer, pos)
        if found >= 0 and (best < 0 or found < best):
            best, best_closer = found, closer
    if best < 0:
        raise _Syntax(f"node shape not closed with {closers[0]!r}")
    return _label(s[pos:best].strip()), best + len(best_closer)


_PAIRS = {")": "(", "]": "[", "}": "{"}


def _balanced_find(s: str, closer: str, pos: int) -> int:
    """Where ``closer`` closes a label starting at ``pos``, skipping nested ``(…)`` of its kind."""
    if len(closer) != 1 or closer not in _PAIRS:
        return s.find(closer, pos)
    opener, depth = _PAIRS[closer], 0
    for i in range(pos, len(s)):
        if s[i] == opener:
            depth += 1
        elif s[i] == closer:
            if depth == 0:
                return i
            depth -= 1
    return s.find(closer, pos)


def _shape_data_label(data: str) -> str | None:
    m = re.search(r"""\blabel\s*:\s*(?:"([^"]*)"|'([^']*)'|([^,]+))""", data)
    if not m:
        return None
    return _label(next(g for g in m.groups() if g is not None).strip())


def _link(s: str, pos: int) -> tuple[str | None, int]:
    label: str | None = None
    m = _LINK.match(s, pos)
    if m:
        pos = m.end()
    else:
        opener = _LINK_OPEN.match(s, pos)
        if not opener:
            raise _Syntax(f"expected a link such as '-->' at column {pos + 1}")
        start = _skip_space(s, opener.end())
        closer_re = _LINK_CLOSE[opener.group(1)]
        if start < len(s) and s[start] == '"':
            label, after = _quoted(s, start)
            close = closer_re.match(s, _skip_space(s, after))
            if not close:
                raise _Syntax("a labelled link is never closed (expected '-->' or similar)")
        else:
            close = closer_re.search(s, start)
            if not close:
                raise _Syntax("a labelled link is never closed (expected '-->' or similar)")
            label = _label(s[start:close.start()].strip())
        pos = close.end()
    after = _skip_space(s, pos)
    if after < len(s) and s[after] == "|":
        end = s.find("|", after + 1)
        if end < 0:
            raise _Syntax("link label '|' is never closed")
        label = _unquote(s[after + 1 : end].strip())
        pos = end + 1
    return (label or None), pos


# -- small helpers --------------------------------------------------------------------------------


def _skip_space(s: str, pos: int) -> int:
    while pos < len(s) and s[pos].isspace():
        pos += 1
    return pos


def _quoted(s: str, pos: int) -> tuple[str, int]:
    """The label in the ``"…"`` starting at ``pos`` and the position after its closing quote."""
    end = s.find('"', pos + 1)
    if end < 0:
        raise _Syntax("a quoted label is never closed")
    text = s[pos + 1 : end]
    if len(text) >= 2 and text.startswith("`") and text.endswith("`"):
        text = text[1:-1]  # Markdown string
    return _label(text), end + 1


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return _label(text)


def _label(text: str) -> str:
    """A label as shown: Mermaid entities decoded, HTML read with lxml, ``<br>`` as a newline."""
    if "#" in text:
        text = _ENTITY.sub(_entity, text)
    if _HTML_TAG.search(text):
        text = _html_text(text)
    return text.strip()


def _entity(m: re.Match[str]) -> str:
    import html.entities

    code = m.group(1)
    if code.isdigit():
        number = int(code)
        return chr(number) if 32 <= number <= 0x10FFFF else m.group(0)
    char = html.entities.html5.get(code + ";")
    return char if char is not None else m.group(0)


def _html_text(fragment: str) -> str:
    from lxml import etree, html

    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for element in list(root.iter("script", "style")):
        element.drop_tree()  # code, not words of the label
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return str(root.text_content())


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
