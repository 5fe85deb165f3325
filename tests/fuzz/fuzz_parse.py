"""Coverage-guided fuzzing of careernarr with atheris (run locally, for as long as you like).

    pip install atheris
    python tests/fuzz/fuzz_parse.py -max_total_time=600              # all formats, 10 minutes
    CAREERNARR_FUZZ_FORMAT=forum python tests/fuzz/fuzz_parse.py -max_total_time=600 tests/fixtures/forum

Any exception other than careernarr's own errors, or a span outside the text,
is a crash: atheris stops and writes the input to ./crash-<hash>. Give a
folder of fixtures as the seed corpus to start from real documents.
"""

from __future__ import annotations

import os
import sys

import atheris

with atheris.instrument_imports():
    import careernarr
    from careernarr.errors import CareerNarrError
    from careernarr.plugins import Host

HOST = Host.create(entry_points=False)
FORMATS = [None, *sorted(HOST.parsers)]
ONLY = os.environ.get("CAREERNARR_FUZZ_FORMAT")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    fmt = ONLY or FORMATS[fdp.ConsumeIntInRange(0, len(FORMATS) - 1)]
    as_text = fdp.ConsumeBool()
    payload: str | bytes = fdp.ConsumeUnicodeNoSurrogates(len(data)) if as_text else fdp.ConsumeBytes(len(data))
    try:
        n = careernarr.parse(payload, format=fmt, host=HOST)
    except CareerNarrError:
        return
    for span in n.spans():
        if not 0 <= span.start <= span.end <= len(n.text):
            raise AssertionError(f"span {span} outside a text of {len(n.text)}")
    if careernarr.from_json(careernarr.to_json(n)) != n:
        raise AssertionError("JSON round trip changed the narrative")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
