"""Shared fixtures: the fixture folder and a fresh plugin host per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from careernarr.plugins import Host

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def host() -> Host:
    """A fresh host with built-ins only (no third-party entry points)."""
    return Host.create(entry_points=False)
