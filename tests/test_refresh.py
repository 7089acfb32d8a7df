"""``tools/refresh_notebooks.py`` stores the same outputs the same way on every run."""

from __future__ import annotations

import sys

import nbformat

from _book import ROOT

sys.path.insert(0, str(ROOT / "tools"))

from refresh_notebooks import coalesce_streams


def _stream(name: str, text: str) -> dict:
    return nbformat.v4.new_output("stream", name=name, text=text)


def test_one_print_flushed_twice_is_stored_as_one_output() -> None:
    outputs = [_stream("stdout", "classes:"), _stream("stdout", " ['a', 'b']\n")]
    (merged,) = coalesce_streams(outputs)
    assert merged["text"] == "classes: ['a', 'b']\n"


def test_other_streams_and_outputs_stay_apart_and_in_order() -> None:
    result = nbformat.v4.new_output("execute_result", data={"text/plain": "1"})
    outputs = [_stream("stdout", "a"), _stream("stderr", "b"), result, _stream("stdout", "c")]
    assert coalesce_streams(outputs) == outputs
