"""A custom parser plugin in about 30 lines: interview notes written as Q:/A: lines.

Run it as it is:  python examples/custom_parser_plugin.py
To publish it, put the class and hook in a module and declare it in pyproject.toml:
    [project.entry-points.careernarr]
    interview = "my_module"
"""

from careernarr import Narrative, Section, Source, hookimpl, parse
from careernarr.plugins import Host


class InterviewParser:
    name = "interview"
    description = "Interview notes: alternating 'Q:' and 'A:' lines"

    def sniff(self, source: Source) -> float:
        lines = [ln for ln in source.head.splitlines() if ln.strip()]
        qa = sum(ln.startswith(("Q:", "A:", "问：", "答：")) for ln in lines)
        return 0.9 if lines and qa / len(lines) > 0.5 else 0.0

    def parse(self, source: Source) -> Narrative:
        sections, offset = [], 0
        for line in source.text.splitlines(keepends=True):
            if line.startswith(("A:", "答：")):  # the interviewee's answers are the body
                sections.append(Section("answer", 2, (offset, offset + len(line.rstrip())), "body"))
            offset += len(line)
        return Narrative(format=self.name, text=source.text, sections=sections, title="Interview")


@hookimpl
def careernarr_parsers() -> list[InterviewParser]:
    return [InterviewParser()]


if __name__ == "__main__":
    import sys

    host = Host.create(plugins=[sys.modules[__name__]])
    notes = "Q: When did you leave?\nA: I resigned in March 2023 after a burnout.\nQ: And then?\nA: I started a bakery.\n"
    n = parse(notes, host=host)
    print(n.format, [n.quote(s.span) for s in n.sections])
    for e in n.events:
        print(f"  {e.kind:14} {e.when or 'undated':10} {e.text}")
