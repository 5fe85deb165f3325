"""Shared fixtures: the fixture folder and a fresh plugin host per test."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from careernarr.plugins import Host

FIXTURES = Path(__file__).parent / "fixtures"

# The scanner's plan cache (careernarr.extract.scan_plans) goes to a directory of this run, not the
# user's cache; the CLI's subprocesses inherit it. A run that sets it already keeps its own.
os.environ.setdefault("CAREERNARR_CACHE_DIR", tempfile.mkdtemp(prefix="careernarr-test-cache-"))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def host() -> Host:
    """A fresh host with built-ins only (no third-party entry points)."""
    return Host.create(entry_points=False)
