"""Shared fixtures. Image fixtures are the benign sample photos bundled with the demo
(public-domain / CC0, no nudity, no children) or pictures drawn in the tests."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "rempart" / "demo" / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def person_photo() -> bytes:
    """An adult woman's portrait (NASA astronaut, public domain)."""
    return (SAMPLES / "astronaut.jpg").read_bytes()


@pytest.fixture(scope="session")
def object_photo() -> bytes:
    """A cup of coffee: no person."""
    return (SAMPLES / "coffee.jpg").read_bytes()


def png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
