"""Bounded JSON: what ``json.loads`` does, without its ways of failing on hostile text."""

from __future__ import annotations

import time

import pytest

from pti_citizen import safe_json
from pti_citizen.safe_json import JSONRefused, TooLong


def test_ordinary_json_is_read_as_json_loads_reads_it():
    text = '{"a": [1, 2.5, {"b": null, "c": "[[[{{{"}], "d": true}'
    assert safe_json.loads(text) == {"a": [1, 2.5, {"b": None, "c": "[[[{{{"}], "d": True}


def test_3000_nested_brackets_are_refused_where_the_limit_is_crossed():
    with pytest.raises(JSONRefused) as refused:
        safe_json.loads("[" * 3000 + "]" * 3000)
    assert (refused.value.kind, refused.value.lineno, refused.value.colno) == (
        "depth",
        1,
        safe_json.MAX_DEPTH + 1,
    )


def test_brackets_inside_strings_do_not_count():
    assert safe_json.loads('{"x": "' + "[" * 5000 + '"}') == {"x": "[" * 5000}


def test_a_5000_digit_integer_is_a_marker_not_a_conversion():
    started = time.perf_counter()
    value = safe_json.loads('{"age": ' + "9" * 5000 + "}")
    assert isinstance(value["age"], TooLong) and value["age"].digits == 5000
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("text", ["NaN", "[Infinity]", '{"a": -Infinity}', "{", "[1,", ""])
def test_not_json_is_a_syntax_refusal(text):
    with pytest.raises(JSONRefused) as refused:
        safe_json.loads(text)
    assert refused.value.kind == "syntax"


def test_size_and_encoding():
    with pytest.raises(JSONRefused, match="size"):
        safe_json.loads(b" " * 11, max_bytes=10)
    with pytest.raises(JSONRefused) as refused:
        safe_json.loads(b'{"a": "\xff"}')
    assert refused.value.kind == "encoding" and refused.value.colno == 8
    assert safe_json.loads("\ufeff[1]".encode()) == [1]
