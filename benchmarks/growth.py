"""Growth benchmark: does parsing cost linear time and bounded memory as input grows?

    python benchmarks/growth.py --parsers                 # every parser, many short lines and one long line
    python benchmarks/growth.py --parsers --small 1 --only forum,html
    python benchmarks/growth.py --curve                   # 1/10/50/200 MB with extraction + a 10 MB single line
    python benchmarks/growth.py --curve --sizes 1,10 --line-mb 2 --no-extract

``--parsers`` parses (no extraction) a generated document of every format at
``--small`` MB and at four times that, in two shapes: many short lines, and
one single long line; a size ratio of 4 should cost about 4× the time, and a
ratio above 6 is flagged as superlinear. ``--curve`` runs the whole pipeline
(read, detect, parse, extract) on a mixed Chinese/English essay of each size,
each in a fresh interpreter, and prints wall and CPU seconds, MB/s, and the
process's peak resident memory above its warmed-up baseline (Linux's
``VmHWM``, reset before the parse; ``ru_maxrss`` elsewhere), also as a
multiple of the input size. Timings are
noisy on a shared machine: compare ratios, and read CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_ZH = "2023年3月我离职了，然后休息了三个月。后来我加入了一家创业公司，连续加班半年，身体出了问题。"
_EN = "In March 2023 I quit my job and took three months off; later I joined a startup. "
_SENTENCE = _ZH + _EN


def _repeat(unit: str, size: int) -> str:
    n = max(1, size // len(unit.encode("utf-8")))
    return unit * n


def _body(size: int, one_line: bool) -> str:
    if one_line:
        return _repeat(_SENTENCE, size)
    return _repeat(_ZH + "\n" + _EN + "\n\n", size)


def _essay(size: int, one_line: bool) -> str:
    return "我的2023年总结\n\n" + _body(size, one_line) + "\n"


def _transcript(size: int, one_line: bool) -> str:
    head = ("Timestamp: 2025-11-13T11:22:36\nTitle: 离职之后 BV1xx411c7mD\nURL: https://www.bilibili.com/video/BV1xx411c7mD\n"
            "Duration: 4:28\nDescription:\n一段关于离职的视频。\nContent:\n")
    return head + _body(size, one_line) + "\n"


def _article(size: int, one_line: bool) -> str:
    return "离职与倦怠\n\n摘要\n本文讨论离职。\n\n关键词\n离职；倦怠\n\n正文\n" + _body(size, one_line) + "\n"


def _frontmatter(size: int, one_line: bool) -> str:
    return "---\ntitle: 我的2023\ndate: 2023-12-31\ntags: [career]\n---\n\n# 总结\n\n" + _body(size, one_line) + "\n"


def _markdown(size: int, one_line: bool) -> str:
    if one_line:
        return "# 总结\n\n" + _repeat(_SENTENCE + " **粗体** [链接](https://example.com/a) ", size) + "\n"
    return "# 总结\n\n" + _repeat("## 小节\n\n- " + _ZH + "\n- " + _EN + "\n\n> 引用 [链接](https://example.com/a)\n\n", size)


def _forum(size: int, one_line: bool) -> str:
    if one_line:
        return "# 离职帖\n\n" + _repeat(_SENTENCE + "@haha512 #3 ", size) + "\n"
    post = "\n" + "-" * 51 + "\n\n@haha512 #1 " + _ZH + "\n" + _EN + "\n"
    return "# 离职帖\n\n开帖：" + _ZH + "\n" + _repeat(post, size)


def _html(size: int, one_line: bool) -> str:
    para = f"<p>{_ZH}<a href='https://example.com/x'>链接</a>{_EN}</p>"
    sep = "" if one_line else "\n"
    return ("<!DOCTYPE html><html><head><title>离职</title></head><body><article><h1>离职</h1>" + sep
            + _repeat(para + sep, size) + "</article></body></html>\n")


def _text(size: int, one_line: bool) -> str:
    return _body(size, one_line)


def _ptt(size: int, one_line: bool) -> str:
    head = "作者: someone (某人) 看板: Tech_Job\n標題: [心得] 離職\n時間: Tue Mar  5 10:00:00 2024\n\n"
    if one_line:
        return head + _repeat(_SENTENCE, size) + "\n--\n※ 發信站: 批踢踢實業坊(ptt.cc)\n"
    return head + _repeat(_ZH + "\n推 user: 加油 03/05 10:01\n", size) + "--\n※ 發信站: 批踢踢實業坊(ptt.cc)\n"


def _srt(size: int, one_line: bool) -> str:
    if one_line:
        return "1\n00:00:01,000 --> 00:00:04,000\n" + _repeat(_SENTENCE, size) + "\n"
    unit = "{n}\n00:00:01,000 --> 00:00:04,000\n" + _ZH + "\n\n"
    n = max(1, size // len(unit.encode()))
    return "".join(unit.format(n=i + 1) for i in range(n))


def _webvtt(size: int, one_line: bool) -> str:
    if one_line:
        return "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n" + _repeat(_SENTENCE, size) + "\n"
    return "WEBVTT\n\n" + _repeat("00:00:01.000 --> 00:00:04.000\n" + _ZH + "\n\n", size)


def _jrnl(size: int, one_line: bool) -> str:
    if one_line:
        return "[2024-03-05 10:00] 离职\n" + _repeat(_SENTENCE, size) + "\n"
    return _repeat("[2024-03-05 10:00] 离职\n" + _ZH + "\n\n", size)


def _dayone(size: int, one_line: bool) -> str:
    entry = {"creationDate": "2024-03-05T01:14:09Z", "text": _repeat(_SENTENCE, size) if one_line else _ZH}
    n = 1 if one_line else max(1, size // (len(json.dumps(entry, ensure_ascii=False).encode()) + 2))
    sep = "" if one_line else "\n"
    return "{\"metadata\": {\"version\": \"1.0\"}, \"entries\": [" + sep + ("," + sep).join(
        json.dumps(entry, ensure_ascii=False) for _ in range(n)) + "]}\n"


GENERATORS: dict[str, Callable[[int, bool], str]] = {
    "essay": _essay, "transcript": _transcript, "article": _article, "frontmatter": _frontmatter,
    "markdown": _markdown, "forum": _forum, "html": _html, "text": _text,
    "ptt": _ptt, "srt": _srt, "webvtt": _webvtt, "jrnl": _jrnl, "dayone": _dayone,
}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def per_parser(small_mb: float, only: list[str] | None) -> None:
    """Parse time at ``small_mb`` and 4× that, per parser and shape."""
    import careernarr
    from careernarr.errors import CareerNarrError
    from careernarr.plugins import Host

    host = Host.create()
    size = int(small_mb * 1_000_000)
    print(f"parse only (no extraction), CPU seconds at {small_mb:g} MB and {4 * small_mb:g} MB")
    print(f"{'parser':12} {'shape':12} {'small s':>8} {'4x s':>8} {'ratio':>6}")
    for name, make in GENERATORS.items():
        if (only and name not in only) or name not in host.parsers:
            continue
        for one_line in (False, True):
            times = []
            for n in (size, 4 * size):
                doc = make(n, one_line)
                start = _cpu()
                try:
                    careernarr.parse(doc.encode("utf-8"), format=name, extract=False, host=host)
                except CareerNarrError as exc:
                    print(f"{name:12} {'one line' if one_line else 'many lines':12} refused: {str(exc)[:80]}")
                    break
                times.append(_cpu() - start)
            if len(times) == 2:
                ratio = times[1] / max(times[0], 1e-3)
                flag = "  <- superlinear" if ratio > 6 else ""
                shape = "one line" if one_line else "many lines"
                print(f"{name:12} {shape:12} {times[0]:8.2f} {times[1]:8.2f} {ratio:6.1f}{flag}", flush=True)


_CHILD = r"""
import json, resource, sys, time
import careernarr

def status(field):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return None

path, extract = sys.argv[1], sys.argv[2] == "1"
careernarr.parse("热身\n\n2023年我换了工作，休息了三个月。", extract=extract)
try:  # reset the high-water mark of resident memory (Linux), so the peak is this parse's own
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    base, field = status("VmRSS"), "VmHWM"
except OSError:
    base, field = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, None
u0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
n = careernarr.parse(path, extract=extract)
wall = time.perf_counter() - t0
u1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = (u1.ru_utime + u1.ru_stime) - (u0.ru_utime + u0.ru_stime)
peak = (status(field) if field else u1.ru_maxrss) - base
print(json.dumps({"wall": wall, "cpu": cpu, "peak_kb": peak, "chars": len(n.text),
                  "events": len(n.events), "format": n.format}))
"""


def _measure(path: Path, extract: bool) -> dict[str, float]:
    run = subprocess.run([sys.executable, "-c", _CHILD, str(path), "1" if extract else "0"],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"measuring {path} failed:\n{run.stderr[-2000:]}")
    result: dict[str, float] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def curve(sizes: list[float], line_mb: float, extract: bool) -> None:
    """The whole pipeline on essays of each size and on one single-line document."""
    label = "with extraction" if extract else "parse only"
    print(f"growth curve, {label}; peak = resident memory above the warmed-up baseline")
    print(f"{'input':22} {'MB':>7} {'wall s':>8} {'CPU s':>8} {'MB/s':>7} {'peak MB':>8} {'peak/in':>7}")
    rows = [(f"essay {mb:g} MB", int(mb * 1_000_000), False) for mb in sizes]
    if line_mb > 0:
        rows.append((f"single line {line_mb:g} MB", int(line_mb * 1_000_000), True))
    first: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for label_, size, one_line in rows:
            path = Path(tmp) / "doc.txt"
            path.write_text(_essay(size, one_line), encoding="utf-8")
            mb = path.stat().st_size / 1e6
            r = _measure(path, extract)
            peak = r["peak_kb"] / 1024
            print(f"{label_:22} {mb:7.1f} {r['wall']:8.2f} {r['cpu']:8.2f} {mb / max(r['cpu'], 1e-3):7.2f} "
                  f"{peak:8.0f} {peak / mb:7.1f}", flush=True)
            if not one_line:
                if first is None:
                    first = (mb, r["cpu"])
                else:
                    print(f"{'':22} size ×{mb / first[0]:.0f} cost ×{r['cpu'] / max(first[1], 1e-3):.1f}")
            path.unlink()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parsers", action="store_true", help="per-parser growth, many short lines and one long line")
    ap.add_argument("--small", type=float, default=0.5, help="per-parser base size in MB (default 0.5)")
    ap.add_argument("--only", help="comma-separated parser names for --parsers")
    ap.add_argument("--curve", action="store_true", help="the whole pipeline at --sizes and one --line-mb line")
    ap.add_argument("--sizes", default="1,10,50,200", help="curve sizes in MB (default 1,10,50,200)")
    ap.add_argument("--line-mb", type=float, default=10, help="single-line document size in MB (0: none)")
    ap.add_argument("--no-extract", action="store_true", help="curve without extraction")
    args = ap.parse_args()
    if not (args.parsers or args.curve):
        ap.error("choose --parsers and/or --curve")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; started {time.strftime('%H:%M:%S')}")
    if args.parsers:
        per_parser(args.small, args.only.split(",") if args.only else None)
    if args.curve:
        curve([float(s) for s in args.sizes.split(",")], args.line_mb, not args.no_extract)
    print(f"load average {os.getloadavg()[0]:.1f}; finished {time.strftime('%H:%M:%S')}")


if __name__ == "__main__":
    main()
