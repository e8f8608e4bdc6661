"""The garbage-collector helpers restore the collector exactly as they found it, nested or not."""

from __future__ import annotations

import gc

import pytest

from generator.core.collector import collector_paused, earlier_objects_frozen, with_earlier_objects_frozen


def test_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves it paused for the outer one
    assert gc.isenabled()


def test_a_paused_collector_stays_paused() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pause_restored_when_the_block_raises() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_frozen_only_inside_and_only_the_outermost_unfreezes() -> None:
    before = [object()]
    assert gc.get_freeze_count() == 0
    with earlier_objects_frozen():
        assert gc.get_freeze_count() > 0
        with earlier_objects_frozen():
            pass
        assert gc.get_freeze_count() > 0  # still set aside for the outer block
    assert gc.get_freeze_count() == 0
    assert gc.is_tracked(before)


def test_objects_made_inside_are_still_collected() -> None:
    """A cycle made inside the frozen block is found by a collection inside it."""

    @with_earlier_objects_frozen
    def make_cycle_and_collect() -> int:
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        return gc.collect()

    assert make_cycle_and_collect() >= 1
