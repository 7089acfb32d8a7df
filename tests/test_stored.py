"""lah.glue and lah.reproducible: the stored-precision rule, with and without myst-nb."""

from __future__ import annotations

import sys

import numpy as np
import pytest

import lossacc_helpers as lah


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.5116587177380792, 0.511659),
        (np.float32(0.1), 0.1),
        (np.float64(2.1694674368314515), 2.16947),
        (-6.848220441535435e-05, -6.84822e-05),
        (np.int64(719), 719),
        (True, True),
        ("epoch 10", "epoch 10"),
        (float("inf"), float("inf")),
        (0.0, 0.0),
    ],
)
def test_reproducible_rounds_floats_only(value: object, expected: object) -> None:
    result = lah.reproducible(value)
    assert result == expected
    assert type(result) is type(expected)


def test_reproducible_keeps_containers() -> None:
    value = {"t": [0.13311759380421395, (1, 2.169467436830782)], "a": np.array([[1 / 3]])}
    result = lah.reproducible(value, digits=4)
    assert result["t"] == [0.1331, (1, 2.169)]
    assert isinstance(result["a"], np.ndarray) and result["a"].shape == (1, 1)
    assert result["a"][0, 0] == 0.3333
    assert np.isnan(lah.reproducible(float("nan")))


@pytest.mark.parametrize(("digits", "error"), [(0, ValueError), (7, ValueError), (2.5, TypeError)])
def test_reproducible_refuses_bad_digits(digits: object, error: type) -> None:
    with pytest.raises(error, match="digits"):
        lah.reproducible(1.0, digits=digits)


def test_glue_rounds_before_myst_nb_stores(monkeypatch: pytest.MonkeyPatch) -> None:
    myst_nb = pytest.importorskip("myst_nb")
    calls = []
    monkeypatch.setattr(myst_nb, "glue", lambda *args, **kw: calls.append((args, kw)))
    assert lah.glue("loss", 0.5116587177380792) is None
    assert calls == [(("loss", 0.511659), {"display": False})]


def test_glue_without_myst_nb_records_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "myst_nb", None)  # import myst_nb now raises ImportError
    lah.glue("loss", 0.5116587177380792)
    assert capsys.readouterr().out == ""
    lah.glue("loss", 0.5116587177380792, display=True)
    assert "0.511659" in capsys.readouterr().out


@pytest.mark.parametrize(("name", "error"), [(3, TypeError), ("", ValueError)])
def test_glue_refuses_bad_names(name: object, error: type) -> None:
    with pytest.raises(error, match="name"):
        lah.glue(name, 1.0)
