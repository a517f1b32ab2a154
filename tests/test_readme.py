"""README shows the example's brief: every line it shows must be one the brief prints."""

from __future__ import annotations

import re
from pathlib import Path

from newsweave import brief, render
from newsweave.models import Story

README = Path(__file__).resolve().parents[1] / "README.md"


def _shown_brief() -> list[str]:
    readme = README.read_text(encoding="utf-8")
    block = re.search(r"```\n\$ newsweave brief examples/kyrgyzstan-2010\n(.*?)```", readme,
                      re.DOTALL)
    assert block, "README shows the example's brief"
    return [line for line in block.group(1).splitlines()
            if line.strip() and line != "- ..." and not line.startswith("(then:")]


def test_readme_shows_the_brief_the_example_gives(example_story: Story) -> None:
    printed = render(brief(example_story), "md").splitlines()
    shown = _shown_brief()
    assert len(shown) > 30
    missing = [line for line in shown if line not in printed]
    assert not missing, "README's example is out of date: " + "; ".join(missing[:3])
    # and in the order the brief prints them
    positions = [printed.index(line) for line in shown]
    assert positions == sorted(positions)
