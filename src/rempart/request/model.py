"""The screening request: what arrives in front of the image model."""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Mode(str, Enum):
    generate = "generate"
    edit = "edit"


class Tier(str, Enum):
    anonymous = "anonymous"
    free = "free"
    subscriber = "subscriber"
    verified_adult = "verified_adult"


MAX_PROMPT_CHARS = 8_000


class ScreenRequest(BaseModel):
    """A text instruction, and for edits the input photo(s), from a user of a given tier.

    Images are raw encoded bytes (PNG, JPEG, WebP, GIF, TIFF...). They are decoded and
    checked by the gate, never stored.
    """

    model_config = ConfigDict(extra="forbid")

    prompt: str | bytes = Field(
        description="The user's instruction, any language. Raw bytes are decoded as strict UTF-8 by the gate."
    )
    mode: Mode = Field(default=Mode.generate, description="`generate` a new image or `edit` input image(s).")
    images: list[bytes] = Field(default_factory=list, description="Encoded input images (edit mode).", exclude=True)
    tier: Tier = Field(default=Tier.anonymous, description="The user's account tier.")
    account_id: str | None = Field(default=None, max_length=256, description="The operator's account id.")
    client: dict[str, Any] = Field(default_factory=dict, description="Client metadata (app, version, region...).")
    request_id: str = Field(default_factory=lambda: uuid.uuid4().hex, max_length=128)


class ScreenRequestDoc(BaseModel):
    """JSON form of a request (HTTP and batch): images travel as base64 strings."""

    model_config = ConfigDict(extra="forbid")

    prompt: str
    mode: Mode = Mode.generate
    images_base64: list[str] = Field(default_factory=list, description="Base64-encoded input images.")
    output_base64: str | None = Field(default=None, description="Base64 generated result (output screening).")
    tier: Tier = Tier.anonymous
    account_id: str | None = Field(default=None, max_length=256)
    client: dict[str, Any] = Field(default_factory=dict)
    request_id: str | None = Field(default=None, max_length=128)
