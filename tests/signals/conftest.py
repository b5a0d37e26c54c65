"""Fixtures shared by the text-rule tests."""

from __future__ import annotations

import pytest

from rempart.signals.text.hybrid import TextIntentDetector
from rempart.signals.text.intent import RuleIntentDetector
from rempart.signals.text.suggestive import SuggestiveCues


@pytest.fixture(scope="session")
def rules() -> RuleIntentDetector:
    return RuleIntentDetector()


@pytest.fixture(scope="session")
def kinds(rules):
    """kinds(text, mode="edit") -> the signal kinds the rules find in `text`."""
    def found(text: str, mode: str = "edit") -> set[str]:
        return {s.kind for s in rules.detect(text, mode=mode)}
    return found


@pytest.fixture(scope="session")
def detector() -> TextIntentDetector:
    return TextIntentDetector()


@pytest.fixture(scope="session")
def hybrid_kinds(detector):
    """hybrid_kinds(text, mode="edit") -> the signal kinds the rules and the model find in `text`."""
    def found(text: str, mode: str = "edit") -> set[str]:
        return {s.kind for s in detector.detect(text, mode=mode)}
    return found


@pytest.fixture(scope="session")
def cues() -> SuggestiveCues:
    return SuggestiveCues()
