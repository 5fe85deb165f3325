"""The Mermaid flowchart reader: shapes, links, labels, subgraphs, and never a crash."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careernarr.parsers._mermaid import parse_mermaid


def _read(src: str) -> tuple[str | None, dict[str, str | None], list[tuple[str, str, str | None]],
                             dict[str, tuple[str | None, tuple[str, ...]]], list[str]]:
    problems: list[str] = []
    direction, nodes, edges, subgraphs = parse_mermaid(src, problems=problems)
    return (
        direction,
        {n.id: n.label for n in nodes},
        [(e.source, e.target, e.label) for e in edges],
        {s.id: (s.title, s.nodes) for s in subgraphs},
        problems,
    )


CASES: dict[str, dict[str, Any]] = {
    "shapes": {
        "src": """flowchart LR
            a[Rect] --> b(Round) --> c([Stadium]) --> d[[Subroutine]] --> e[(Database)]
            e --> f((Circle)) --> g>Flag] --> h{Decision} --> i{{Hexagon}} --> j[/Lean/]
            j --> k(((Double))) --> l[\\Back\\]
        """,
        "direction": "LR",
        "nodes": {"a": "Rect", "b": "Round", "c": "Stadium", "d": "Subroutine", "e": "Database",
                  "f": "Circle", "g": "Flag", "h": "Decision", "i": "Hexagon", "j": "Lean",
                  "k": "Double", "l": "Back"},
        "edges": 11,
    },
    "link styles and labels": {
        "src": """graph TD
            A -- "导致" --> B
            A -->|源于| C
            A -- text without quotes --> D
            B -.-> C
            C -. maybe .-> D
            D ==> E
            E == strong ==> F
            F --- G
            G --o H
            H --x I
            I <--> J
            J ~~~ K
            K ----> L
        """,
        "direction": "TD",
        "edges_exact": [
            ("A", "B", "导致"), ("A", "C", "源于"), ("A", "D", "text without quotes"), ("B", "C", None),
            ("C", "D", "maybe"), ("D", "E", None), ("E", "F", "strong"), ("F", "G", None),
            ("G", "H", None), ("H", "I", None), ("I", "J", None), ("J", "K", None), ("K", "L", None),
        ],
    },
    "fan-out with &": {
        "src": "graph LR\n  a & b --> c & d\n  c --> e",
        "nodes": {"a": "a", "b": "b", "c": "c", "d": "d", "e": "e"},
        "edges_exact": [("a", "c", None), ("a", "d", None), ("b", "c", None), ("b", "d", None),
                        ("c", "e", None)],
    },
    "subgraphs: quoted, id [title], bare, nested": {
        "src": """graph TB
            subgraph "Before: 大厂"
                A["算法工程师"] --> B["连续加班"]
            end
            subgraph after ["After"]
                subgraph inner[内层]
                    C --> D
                end
                E
            end
            subgraph Side project
                F
            end
            B --> C
        """,
        "subgraphs": {
            "Before: 大厂": ("Before: 大厂", ("A", "B")),
            "inner": ("内层", ("C", "D")),
            "after": ("After", ("inner", "E")),
            "Side project": ("Side project", ("F",)),
        },
        "nodes": {"A": "算法工程师", "B": "连续加班", "C": "C", "D": "D", "E": "E", "F": "F"},
    },
    "styling, classes, clicks and comments are skipped": {
        "src": """%%{init: {"theme": "dark"}}%%
            graph LR
            %% a comment
            A:::hot --> B
            style A fill:#f96
            classDef hot fill:#f00,stroke:#333;
            class A,B hot
            click B "https://example.org" "tooltip"
            linkStyle 0 stroke:#ff3
        """,
        "nodes": {"A": "A", "B": "B"},
        "edges": 1,
        "problems": 0,
    },
    "labels: <br> and entity codes": {
        "src": 'graph TD\n  A["first<br>second<br/>third"] --> B["say #quot;hi#quot; #35;1"]\n'
               '  C["<b>bold</b> text"] -- "<script>alert(1)</script>ok" --> D["<img src=x onerror=alert(2)>"]',
        "nodes": {"A": "first\nsecond\nthird", "B": 'say "hi" #1', "C": "bold text", "D": "D"},
        "edges_exact": [("A", "B", None), ("C", "D", "ok")],
    },
    "semicolons and a one-line header": {
        "src": "graph LR; A-->B; B-->C;",
        "direction": "LR",
        "edges_exact": [("A", "B", None), ("B", "C", None)],
        "problems": 0,
    },
    "last label wins, first mention orders": {
        "src": "graph TD\n  B --> A\n  A[Start]\n  B[Then]",
        "nodes": {"B": "Then", "A": "Start"},
    },
    "front matter before the header": {
        "src": "---\ntitle: My career\n---\nflowchart TD\n  a --> b",
        "nodes": {"a": "a", "b": "b"},
        "problems": 0,
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_cases(name: str) -> None:
    case = CASES[name]
    direction, nodes, edges, subgraphs, problems = _read(case["src"])
    if "direction" in case:
        assert direction == case["direction"]
    if "nodes" in case:
        assert nodes == case["nodes"]
        assert list(nodes) == list(case["nodes"])  # order of first mention
    if "edges" in case:
        assert len(edges) == case["edges"]
    if "edges_exact" in case:
        assert edges == case["edges_exact"]
    if "subgraphs" in case:
        assert subgraphs == case["subgraphs"]
    if "problems" in case:
        assert len(problems) == case["problems"], problems


def test_pipe_label_with_quotes_is_unquoted() -> None:
    _, _, edges, _, problems = _read('graph LR\n  a -->|"two years later"| b')
    assert edges == [("a", "b", "two years later")]
    assert problems == []


def test_malformed_statements_are_reported_with_lines_and_the_rest_is_kept() -> None:
    src = "graph TD\n  A --> B\n  B -->\n  C[[never closed\n  subgraph S\n    B --> D\n  A -- label\nend\nend"
    _, nodes, edges, subgraphs, problems = _read(src)
    assert set(nodes) == {"A", "B", "D"}
    assert edges == [("A", "B", None), ("B", "D", None)]
    assert subgraphs == {"S": ("S", ("B", "D", "A"))}  # what parsed of "A -- label" still counts
    joined = "\n".join(problems)
    assert "line 3:" in joined and "no node after" in joined
    assert "line 4:" in joined and "not closed" in joined
    assert "line 7:" in joined  # an inline label never closed by an arrow
    assert "line 9:" in joined and "without an open subgraph" in joined


def test_unclosed_subgraph_is_closed_with_a_problem() -> None:
    _, _, _, subgraphs, problems = _read("graph TD\n subgraph open [Still open]\n  a --> b")
    assert subgraphs == {"open": ("Still open", ("a", "b"))}
    assert any("never closed" in p and "line 2" in p for p in problems)


def test_line_numbers_count_from_first_line() -> None:
    problems: list[str] = []
    parse_mermaid("graph TD\n  A -->", first_line=40, problems=problems)
    assert problems and problems[0].startswith("line 41:")


def test_other_diagram_types_are_not_read() -> None:
    problems: list[str] = []
    assert parse_mermaid("sequenceDiagram\n  Alice->>Bob: hi", problems=problems) == (None, (), (), ())
    assert "sequenceDiagram" in problems[0]


def test_missing_header_is_read_as_a_flowchart_with_a_problem() -> None:
    direction, _, edges, _, problems = _read("A --> B")
    assert direction is None and edges == [("A", "B", None)]
    assert any("header" in p for p in problems)


def test_empty_source() -> None:
    direction, nodes, edges, subgraphs, problems = _read("   \n%% only a comment\n")
    assert (direction, nodes, edges, subgraphs) == (None, {}, [], {})
    assert problems


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('graphTD \n-->|"[](){}<>&;:=.ox~subgraphend\\/#%A1中')), max_size=200))
def test_never_raises_on_mermaid_like_noise(src: str) -> None:
    problems: list[str] = []
    _, nodes, edges, subgraphs = parse_mermaid(src, problems=problems)
    ids = {n.id for n in nodes} | {s.id for s in subgraphs}
    for edge in edges:
        assert edge.source in ids and edge.target in ids


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(src: str) -> None:
    parse_mermaid(src, problems=[])


_IDS = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,5}", fullmatch=True).filter(
    lambda s: s not in {"end", "graph", "subgraph", "style", "class", "classDef", "click", "linkStyle",
                        "direction", "flowchart"} and not s.startswith(("o", "x"))
)
_LABELS = st.text(alphabet=st.sampled_from(list("职业倦怠转型 abcXYZ019,.?!:()'")), min_size=1, max_size=12).map(
    str.strip).filter(bool)
_ARROWS = st.sampled_from(["-->", "---", "-.->", "==>"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_IDS, _LABELS), min_size=1, max_size=8, unique_by=lambda t: t[0]),
    st.data(),
)
def test_round_trip_of_a_generated_flowchart(nodes: list[tuple[str, str]], data: st.DataObject) -> None:
    ids = [n for n, _ in nodes]
    edges = data.draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids),
                                         st.none() | _LABELS, _ARROWS), max_size=10))
    lines = ["flowchart LR", "  subgraph grp [\"Group\"]"]
    lines += [f'    {n}["{label}"]' for n, label in nodes[:1]]
    lines.append("  end")
    lines += [f'  {n}["{label}"]' for n, label in nodes[1:]]
    for source, target, label, arrow in edges:
        lines.append(f"  {source} {arrow}|\"{label}\"| {target}" if label else f"  {source} {arrow} {target}")
    direction, got_nodes, got_edges, _, problems = _read("\n".join(lines))
    assert problems == []
    assert direction == "LR"
    assert got_nodes == dict(nodes)
    assert got_edges == [(s, t, label) for s, t, label, _ in edges]
