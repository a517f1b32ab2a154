"""The Summarizer base class: parameters introspected from keyword-only constructors."""

from __future__ import annotations

from newsweave.models import Budget, Story
from newsweave.summarize import Scored, Summarizer, create


class _NoParams(Summarizer):
    name = "no-params"

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        return []


def test_get_params_of_a_summarizer_without_constructor() -> None:
    assert _NoParams().get_params() == {}
    assert repr(_NoParams()) == "_NoParams()"


def test_get_params_lists_keyword_parameters() -> None:
    params = create("centroid").get_params()
    assert params and all(isinstance(name, str) for name in params)
    assert repr(create("centroid")).startswith("CentroidSummarizer(")
