r"""The small network of chapter 5, and what scikit-learn adds to the loss it reports.

:func:`sgd_network` builds the chapter's ``MLPClassifier`` (one hidden layer, stochastic
gradient descent with momentum), with any setting replaced by a keyword argument.
:func:`mlp_l2_penalty` computes the L2 term scikit-learn adds to every mini-batch loss it
records in ``loss_curve_``, :math:`\frac{\alpha}{2}\lVert W\rVert^2 / b` for a batch of
:math:`b` samples, so a reported training loss can be taken apart.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from ._validation import check_scalar

__all__ = ["SGD_NETWORK", "mlp_l2_penalty", "sgd_network"]

#: The settings of :func:`sgd_network` (read-only): 200 tanh units, SGD with momentum 0.9,
#: learning rate 0.1, mini-batches of 50, almost no L2 penalty, seeded initial weights.
SGD_NETWORK: MappingProxyType[str, Any] = MappingProxyType(
    {
        "hidden_layer_sizes": (200,),
        "activation": "tanh",
        "solver": "sgd",
        "momentum": 0.9,
        "learning_rate_init": 0.1,
        "batch_size": 50,
        "alpha": 1e-5,  # the L2 penalty: almost none
        "random_state": 0,
    }
)


def sgd_network(**changes: Any) -> Any:
    """Return chapter 5's network, an unfitted ``MLPClassifier``; keywords replace settings.

    The settings are :data:`SGD_NETWORK`: one hidden layer of 200 tanh units, trained by
    stochastic gradient descent with momentum 0.9 and a learning rate of 0.1 on
    mini-batches of 50 samples, an L2 penalty ``alpha`` of 1e-5 and initial weights
    seeded by ``random_state=0``.

    Parameters
    ----------
    **changes
        ``MLPClassifier`` parameters that replace the chapter's, for example
        ``learning_rate_init=1.0`` or ``alpha=0.3``.

    Returns
    -------
    sklearn.neural_network.MLPClassifier

    Raises
    ------
    TypeError
        If a keyword is not an ``MLPClassifier`` parameter (the message lists them).

    Examples
    --------
    >>> sgd_network().hidden_layer_sizes, sgd_network(alpha=0.3).alpha
    ((200,), 0.3)
    """
    from sklearn.neural_network import MLPClassifier

    valid = MLPClassifier().get_params()
    unknown = sorted(set(changes) - set(valid))
    if unknown:
        raise TypeError(
            f"sgd_network got settings that MLPClassifier does not have: {unknown}; "
            f"valid ones are {sorted(valid)}."
        )
    return MLPClassifier(**(dict(SGD_NETWORK) | changes))


def mlp_l2_penalty(model: Any, batch_size: int | None = None) -> float:
    r"""Return the L2 term a fitted ``MLPClassifier`` adds to the loss of one mini-batch.

    scikit-learn's ``MLPClassifier`` minimises, per mini-batch of :math:`b` samples, the
    mean cross-entropy plus

    .. math::

        \frac{\alpha}{2}\,\frac{\lVert W\rVert^2}{b},

    the sum of the squared weights of every layer (not the biases), and records the
    sum in ``loss_curve_`` (``_backprop`` in
    ``sklearn/neural_network/_multilayer_perceptron.py``). This function evaluates the
    term with the model's current weights.

    Parameters
    ----------
    model : object
        A fitted ``MLPClassifier`` or ``MLPRegressor`` (it has ``coefs_`` and ``alpha``).
    batch_size : int, optional
        The mini-batch size :math:`b`; by default the model's ``batch_size``, which must
        then be an integer (for ``"auto"``, pass ``min(200, n_samples)``).

    Returns
    -------
    float
        The penalty, in the units of the loss (nats).

    Raises
    ------
    TypeError
        If ``model`` is not a fitted scikit-learn network, or the batch size is not an
        integer.
    ValueError
        If the batch size is below 1.

    Examples
    --------
    >>> import numpy as np
    >>> net = sgd_network(hidden_layer_sizes=(3,), alpha=0.5, batch_size=4)
    >>> X, y = np.eye(4), [0, 1, 0, 1]
    >>> penalty = mlp_l2_penalty(net.partial_fit(X, y, classes=[0, 1]))
    >>> bool(penalty > 0)
    True
    """
    if not hasattr(model, "coefs_") or not hasattr(model, "alpha"):
        raise TypeError(
            f"model must be a fitted MLPClassifier or MLPRegressor (with coefs_ and alpha), "
            f"got {type(model).__name__}; fit it first."
        )
    size = model.batch_size if batch_size is None else batch_size
    if isinstance(size, str):
        raise TypeError(
            f"model.batch_size is {size!r}; pass the mini-batch size with batch_size=... "
            "(for 'auto' it is min(200, n_samples))."
        )
    size = int(check_scalar(size, "batch_size", low=1, integer=True))
    squared_weights = sum(float((w**2).sum()) for w in model.coefs_)
    return 0.5 * model.alpha * squared_weights / size
