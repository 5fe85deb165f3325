"""Coverage-guided fuzzing of careernarr with atheris (run locally, for as long as you like).

    pip install atheris
    python tests/fuzz/fuzz_parse.py -max_total_time=600              # all formats, 10 minutes
    CAREERNARR_FUZZ_FORMAT=forum python tests/fuzz/fuzz_parse.py -max_total_time=600 tests/fixtures/forum
    CAREERNARR_FUZZ_FORMAT=detect python tests/fuzz/fuzz_parse.py -max_total_time=60   # detection only

``CAREERNARR_FUZZ_FORMAT`` picks one parser (any loaded one, plugin parsers
included), ``detect`` fuzzes format detection alone, and unset or ``auto``
lets every input choose a parser (or detection). Any exception other than
careernarr's own errors, a span outside the text, an item whose ``text`` is
not the text at its span, or a narrative that JSON changes is a crash:
atheris stops and writes the input to ./crash-<hash>. Give a folder of
fixtures as the seed corpus to start from real documents. libFuzzer prints
the number of inputs tried (``Done N runs``) when the time is up.
"""

from __future__ import annotations

import os
import sys

import atheris

with atheris.instrument_imports():
    import careernarr
    from careernarr.errors import CareerNarrError
    from careernarr.plugins import Host

HOST = Host.create()
FORMATS: list[str | None] = [None, *sorted(HOST.parsers)]
ONLY = os.environ.get("CAREERNARR_FUZZ_FORMAT", "auto")
if ONLY not in ("auto", "detect", *HOST.parsers):
    sys.exit(f"CAREERNARR_FUZZ_FORMAT={ONLY!r}: choose auto, detect or one of {', '.join(sorted(HOST.parsers))}")


def _payload(fdp: atheris.FuzzedDataProvider, size: int) -> str | bytes:
    """Raw bytes, text, or text that may hold lone surrogates (which must be refused cleanly)."""
    kind = fdp.ConsumeIntInRange(0, 2)
    if kind == 0:
        return fdp.ConsumeBytes(size)
    if kind == 1:
        return fdp.ConsumeUnicodeNoSurrogates(size)
    return fdp.ConsumeUnicode(size)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    if ONLY == "auto":
        fmt = FORMATS[fdp.ConsumeIntInRange(0, len(FORMATS) - 1)]
    else:
        fmt = None if ONLY == "detect" else ONLY
    payload = _payload(fdp, len(data))
    try:
        if ONLY == "detect":
            careernarr.detect(payload, host=HOST)
            return
        n = careernarr.parse(payload, format=fmt, host=HOST)
    except CareerNarrError:
        return
    for span in n.spans():
        if not 0 <= span.start <= span.end <= len(n.text):
            raise AssertionError(f"span {span} outside a text of {len(n.text)}")
    for item in (*n.time_expressions, *n.events, *n.reflections):
        if n.text[item.span.start:item.span.end] != item.text:
            raise AssertionError(f"{item!r} does not quote the text at its span")
    if careernarr.from_json(careernarr.to_json(n)) != n:
        raise AssertionError("JSON round trip changed the narrative")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
