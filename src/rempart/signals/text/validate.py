"""Input checks for prompt text, run before any detector."""

from __future__ import annotations

import unicodedata

from rempart.errors import InputError


def check_prompt_text(raw: bytes | str, max_chars: int) -> str:
    """Decode and check a prompt; return it unchanged (as str) when it can be screened.

    An empty prompt is allowed (edit requests may carry only images). Raises InputError
    with code TEXT_INVALID_UTF8, TEXT_TOO_LONG or TEXT_CONTROL_ONLY.
    """
    if isinstance(raw, (bytes, bytearray, memoryview)):
        try:
            text = bytes(raw).decode("utf-8", errors="strict")
        except UnicodeDecodeError as e:
            raise InputError(
                f"The prompt is not valid UTF-8 text (bad byte at position {e.start}). "
                "Send the prompt encoded as UTF-8.",
                code="TEXT_INVALID_UTF8",
            ) from None
    elif isinstance(raw, str):
        text = raw
        # A str can still hold lone surrogates (e.g. from a lenient JSON decoder).
        try:
            text.encode("utf-8", errors="strict")
        except UnicodeEncodeError as e:
            raise InputError(
                f"The prompt contains an invalid character (unpaired surrogate at position {e.start}).",
                code="TEXT_INVALID_UTF8",
            ) from None
    else:
        raise TypeError(f"prompt must be bytes or str, not {type(raw).__name__}")
    if len(text) > max_chars:
        raise InputError(
            f"The prompt is too long: {len(text)} characters, the limit is {max_chars}.",
            code="TEXT_TOO_LONG",
        )
    if text and _control_only(text):
        raise InputError(
            "The prompt contains only invisible or control characters and no readable text.",
            code="TEXT_CONTROL_ONLY",
        )
    return text


def _control_only(text: str) -> bool:
    # Cc: controls (incl. tab/newline), Cf: format chars (zero-width, bidi), Zl/Zp: line and
    # paragraph separators. Ordinary spaces are not controls: "   " is blank, not hostile.
    for ch in text:
        if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"):
            return False
    return True
