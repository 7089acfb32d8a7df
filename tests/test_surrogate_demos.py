import itertools

import numpy as np

import lossacc_helpers.surrogate_demos as demos


def test_brute_force_beats_every_line_through_two_points() -> None:
    X, y, _, _ = demos.tiny_data(seed=3, n_train=12, n_fresh=1)
    w, fewest, candidates = demos.brute_force_line(X, y)
    assert demos.mistakes(w, X, y) == fewest and candidates > len(X)
    # No line through (a small shift of) two data points does better.
    for i, j in itertools.combinations(range(len(X)), 2):
        d = X[j] - X[i]
        normal = np.array([-d[1], d[0]])
        for sign, shift in itertools.product((1, -1), (1e-6, -1e-6)):
            w_ij = sign * np.r_[-(normal @ X[i]) + shift, normal]
            assert demos.mistakes(w_ij, X, y) >= fewest


def test_tiny_data_is_standardised_and_seeded() -> None:
    X, y, X_new, _ = demos.tiny_data(seed=9)
    assert np.allclose(X.mean(axis=0), 0) and np.allclose(X.std(axis=0), 1)
    again = demos.tiny_data(seed=9)[0]
    assert np.array_equal(X, again) and X_new.shape == (2000, 2)
    assert demos.with_intercept(X).shape == (30, 3)
