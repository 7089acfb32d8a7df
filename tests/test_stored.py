"""lah.glue and lah.reproducible: the stored-precision rule, with and without myst-nb."""

from __future__ import annotations

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


def _records(monkeypatch: pytest.MonkeyPatch, store) -> list[tuple]:
    """What a glue call sends to IPython's display, inside a (stand-in) kernel."""
    import IPython
    import IPython.display
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    calls: list[tuple] = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    monkeypatch.setattr(IPython.display, "display", lambda *a, **kw: calls.append((a, kw)))
    store(calls)
    return calls


def test_glue_stores_the_rounded_value_as_myst_nb_does(monkeypatch: pytest.MonkeyPatch) -> None:
    glue_module = pytest.importorskip("myst_nb.ext.glue")
    ours = _records(monkeypatch, lambda _: lah.glue("loss", 0.5116587177380792))
    theirs = _records(
        monkeypatch,
        lambda calls: (
            monkeypatch.setattr(glue_module, "ipy_display", lambda *a, **kw: calls.append((a, kw)))
            or glue_module.glue("loss", 0.511659, display=False)
        ),
    )
    assert ours == theirs
    [(args, kwargs)] = ours
    assert args == ({lah.GLUE_PREFIX + "text/plain": "0.511659"},)
    assert kwargs["metadata"]["scrapbook"] == {"name": "loss", "mime_prefix": lah.GLUE_PREFIX}
    shown = _records(monkeypatch, lambda _: lah.glue("loss", 0.25, display=True))
    assert shown[0][0] == ({"text/plain": "0.25"},)


def test_glue_outside_a_kernel_stores_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    lah.glue("loss", 0.5116587177380792)
    assert capsys.readouterr().out == ""
    lah.glue("loss", 0.5116587177380792, display=True)
    assert capsys.readouterr().out == "0.511659\n"


@pytest.mark.parametrize(("name", "error"), [(3, TypeError), ("", ValueError)])
def test_glue_refuses_bad_names(name: object, error: type) -> None:
    with pytest.raises(error, match="name"):
        lah.glue(name, 1.0)
