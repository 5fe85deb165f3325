"""The documentation site builds with warnings treated as errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_docs_build_strict(tmp_path: Path) -> None:
    if shutil.which("mkdocs", path=str(Path(sys.executable).parent)) is None:
        if os.environ.get("CI"):
            pytest.fail("mkdocs is not installed in CI; install the 'docs' extra")
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    page = (tmp_path / "site" / "guides" / "plugins" / "index.html").read_text(encoding="utf-8")
    assert "InterviewParser" in page, "the plugin guide includes the real example file"
    assert (tmp_path / "site" / "reference" / "hooks" / "index.html").exists()


def test_the_accuracy_guides_python_runs() -> None:
    """The accuracy guide's code (asking for the dated happenings no word names) does what it says."""
    guide = (ROOT / "docs" / "guides" / "accuracy.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in guide.split("```python\n")[1:]]
    assert blocks
    for block in blocks:
        exec(compile(block, "accuracy.md", "exec"), {})  # noqa: S102 - our own documentation
