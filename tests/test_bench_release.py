"""bench release's standard mode turns the trees' order each round (no timings here)."""

from __future__ import annotations

from bench.release import median, turns


def test_each_tree_builds_once_in_each_place_over_as_many_rounds_as_trees() -> None:
    labels = ["old", "new", "same"]
    orders = [turns(labels, number) for number in range(3)]
    assert orders == [["old", "new", "same"], ["new", "same", "old"], ["same", "old", "new"]]
    for place in range(3):
        assert sorted(order[place] for order in orders) == sorted(labels)
    assert turns(labels, 3) == labels


def test_median_of_odd_and_even_counts() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
