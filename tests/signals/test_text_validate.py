"""check_prompt_text: decoding and input errors with stable codes."""

from __future__ import annotations

import pytest

from rempart.errors import InputError
from rempart.signals.text.validate import check_prompt_text


def test_bytes_decoded_as_utf8():
    assert check_prompt_text("mets-la en été".encode(), 100) == "mets-la en été"


def test_str_passes_through():
    assert check_prompt_text("a cat on a sofa", 100) == "a cat on a sofa"


def test_empty_is_allowed():
    assert check_prompt_text(b"", 10) == ""
    assert check_prompt_text("", 10) == ""


def test_invalid_utf8():
    with pytest.raises(InputError) as e:
        check_prompt_text(b"caf\xe9 au lait", 100)
    assert e.value.code == "TEXT_INVALID_UTF8"
    assert "UTF-8" in e.value.message


def test_overlong_utf8_encoding_is_rejected():
    with pytest.raises(InputError) as e:
        check_prompt_text(b"\xc0\xaf", 100)
    assert e.value.code == "TEXT_INVALID_UTF8"


def test_lone_surrogate_in_str():
    with pytest.raises(InputError) as e:
        check_prompt_text("abc\ud800", 100)
    assert e.value.code == "TEXT_INVALID_UTF8"


def test_too_long():
    with pytest.raises(InputError) as e:
        check_prompt_text("x" * 11, 10)
    assert e.value.code == "TEXT_TOO_LONG"
    assert "11" in e.value.message and "10" in e.value.message
    assert check_prompt_text("x" * 10, 10) == "x" * 10


def test_control_only():
    for raw in ["\x00\x01\x02", "\u200b\u200b", "\u202e\n\t", "\ufeff"]:
        with pytest.raises(InputError) as e:
            check_prompt_text(raw, 100)
        assert e.value.code == "TEXT_CONTROL_ONLY"


def test_controls_with_text_are_fine():
    assert check_prompt_text("a\u200bb\n", 100) == "a\u200bb\n"


def test_blank_spaces_are_not_control_only():
    assert check_prompt_text("   ", 100) == "   "


def test_error_is_input_error_with_422():
    with pytest.raises(InputError) as e:
        check_prompt_text(b"\xff", 5)
    assert e.value.http_status == 422
    assert e.value.to_dict()["code"] == "TEXT_INVALID_UTF8"
