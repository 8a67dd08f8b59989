import numpy as np

from newsdesk.copies.runs import counted, distinct, rank_in_run


def test_distinct_and_counts_agree_with_numpy_unique_on_any_size():
    rng = np.random.default_rng(7)
    for n in (0, 1, 2, 17, 1000):
        values = rng.integers(0, 40, n).astype(np.uint64)
        want, want_counts = np.unique(values, return_counts=True)
        assert np.array_equal(distinct(values), want)
        got, got_counts = counted(values)
        assert np.array_equal(got, want) and np.array_equal(got_counts, want_counts)


def test_rank_in_run_numbers_each_run_from_zero():
    ordered = np.array([3, 3, 3, 5, 8, 8])
    assert rank_in_run(ordered).tolist() == [0, 1, 2, 0, 0, 1]
    assert rank_in_run(ordered[:0]).tolist() == []
