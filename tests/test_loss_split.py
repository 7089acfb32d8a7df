import matplotlib.pyplot as plt
import numpy as np
import pytest

import lossacc_helpers as lah

RNG = np.random.default_rng(2)
Y = RNG.integers(0, 3, 50)
STACK = np.stack([lah.softmax(RNG.normal(scale=s, size=(50, 3))) for s in (0.5, 2.0, 4.0)])


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_mistake_costs_split_the_cross_entropy_exactly() -> None:
    costs = lah.mistake_costs(Y, STACK)
    assert costs.epochs.tolist() == [1, 2, 3]
    for i, p in enumerate(STACK):
        cost = lah.per_sample_cross_entropy(Y, p)
        wrong = p.argmax(axis=1) != Y
        assert costs.n_wrong[i] == wrong.sum()
        assert costs.cost_wrong[i] == pytest.approx(cost[wrong].mean())
        assert costs.cost_right[i] == pytest.approx(cost[~wrong].mean())
        assert costs.share_wrong[i] == pytest.approx(cost[wrong].sum() / cost.sum())
        assert costs.loss[i] == pytest.approx(lah.cross_entropy(Y, p))
    n = len(Y)
    rebuilt = ((n - costs.n_wrong) * costs.cost_right + costs.n_wrong * costs.cost_wrong) / n
    np.testing.assert_allclose(rebuilt, costs.loss)


def test_mistake_costs_of_a_perfect_epoch_have_no_mistake_cost() -> None:
    costs = lah.mistake_costs([0, 1], [[[0.9, 0.1], [0.2, 0.8]]])
    assert costs.n_wrong[0] == 0 and np.isnan(costs.cost_wrong[0])
    assert costs.share_wrong[0] == 0


def test_mistake_costs_table() -> None:
    lines = lah.mistake_costs(Y, STACK).to_text(epochs=(1, 3)).splitlines()
    assert lines[0].split()[:2] == ["epoch", "mistakes"]
    assert [line.split()[0] for line in lines[1:]] == ["1", "3"]
    with pytest.raises(ValueError, match="epoch must be in"):
        lah.mistake_costs(Y, STACK).to_text(epochs=(4,))


def test_mistake_costs_refuse_bad_input() -> None:
    with pytest.raises(ValueError, match=r"Expected 3D array for proba_by_epoch"):
        lah.mistake_costs(Y, STACK[0])
    with pytest.raises(ValueError, match="epoch 2 of proba_by_epoch"):
        lah.mistake_costs(Y, STACK * np.array([1, 2, 1])[:, None, None])
    with pytest.raises(ValueError, match="y_true"):
        lah.mistake_costs(Y[:10], STACK)


def test_plot_mistake_costs_draws_two_panels() -> None:
    costs = lah.mistake_costs(Y, STACK)
    cost_ax, count_ax = lah.plot_mistake_costs(costs, mark_epoch=2)
    assert [cost_ax.get_title(), count_ax.get_title()] == ["Cost", "Mistakes"]
    assert cost_ax.get_yscale() == "log" and cost_ax.get_ylabel() == "mean cost (nats)"
    assert count_ax.get_xlabel() == "epoch" and count_ax.get_ylim()[0] == 0
    labels = [t.get_text() for t in cost_ax.get_legend().get_texts()]
    assert labels == ["per wrong prediction", "per correct prediction", "lowest validation loss"]
    assert len(cost_ax.get_lines()) == 3 and len(count_ax.get_lines()) == 2
    np.testing.assert_array_equal(count_ax.get_lines()[0].get_ydata(), costs.n_wrong)


def test_plot_mistake_costs_accepts_axes_and_refuses_bad_ones() -> None:
    costs = lah.mistake_costs(Y, STACK)
    _, axes = plt.subplots(1, 2)
    returned = lah.plot_mistake_costs(costs, axes=axes)
    assert list(returned) == list(axes)
    assert len(axes[0].get_lines()) == 2  # no mark without mark_epoch
    with pytest.raises(TypeError, match="got a single Axes"):
        lah.plot_mistake_costs(costs, axes=axes[0])
    with pytest.raises(ValueError, match="exactly 2 Axes"):
        lah.plot_mistake_costs(costs, axes=[axes[0]])
    with pytest.raises(TypeError, match=r"axes\[1\] must be a matplotlib Axes"):
        lah.plot_mistake_costs(costs, axes=[axes[0], "right"])
    with pytest.raises(TypeError, match="costs must be the MistakeCosts"):
        lah.plot_mistake_costs(STACK)
    with pytest.raises(ValueError, match="mark_epoch must be in"):
        lah.plot_mistake_costs(costs, mark_epoch=9)
