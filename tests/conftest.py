"""Shared fixtures: the bundled example, and the benchmark data in ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.ingest import read_story
from newsweave.models import Story

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kyrgyzstan-2010"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_story() -> Story:
    story, warnings = read_story([EXAMPLE])
    assert not warnings
    return story


@pytest.fixture
def two_reports() -> list[dict[str, str]]:
    """Two outlets' one-sentence reports of the example's event, as JSON records without a
    date: each test dates them under the field names it exercises."""
    return [{"id": "rferl-1", "source": "RFE/RL",
             "text": "Kyrgyz President Kurmanbek Bakiev has reportedly flown out of the "
                     "country to neighboring Kazakhstan."},
            {"id": "bbc-1", "source": "BBC",
             "text": "Deposed Kyrgyzstan President Kurmanbek Bakiyev has left the country and "
                     "flown to neighbouring Kazakhstan."}]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data; tests that need it skip cleanly where it is absent (CI has it)."""
    if not SHARED_DATA.is_dir():
        pytest.skip("benchmark data in ../shared/data is not present")
    return SHARED_DATA
