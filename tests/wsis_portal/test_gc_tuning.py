"""A web worker freezes its long-lived objects once loaded and once warm, never mid-request."""

import gc
import importlib
import threading

import pytest

from wsis_portal import gc_tuning


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_freeze_survivors_moves_live_objects_out_of_the_collectors_reach(unfrozen):
    kept = [[] for _ in range(1000)]
    gc_tuning.freeze_survivors()
    assert gc.get_freeze_count() >= len(kept)


def test_freezes_at_each_count_when_no_other_request_is_in_flight(unfrozen):
    freezer = gc_tuning.WarmFreezer(after=(3, 5))
    froze = []
    for _ in range(6):
        freezer.started()
        froze.append(freezer.finished())
    assert froze == [False, False, True, False, True, False]


def test_waits_for_the_worker_to_be_idle_and_merges_counts_it_passed(unfrozen):
    freezer = gc_tuning.WarmFreezer(after=(2, 3, 10))
    freezer.started()  # a long request that stays in flight
    for _ in range(4):
        freezer.started()
        assert freezer.finished() is False
        assert gc.get_freeze_count() == 0
    # The long one ends: one freeze for both counts already passed, then on to 10.
    assert freezer.finished() is True
    frozen = gc.get_freeze_count()
    assert frozen > 0
    for _ in range(4):
        freezer.started()
        assert freezer.finished() is False
    freezer.started()
    assert freezer.finished() is True


def test_a_request_starting_during_a_freeze_waits_for_it(unfrozen, monkeypatch):
    freezer = gc_tuning.WarmFreezer(after=(1,))
    entered, release = threading.Event(), threading.Event()

    def slow_freeze():
        entered.set()
        release.wait(5)

    monkeypatch.setattr(gc_tuning, "freeze_survivors", slow_freeze)
    freezer.started()
    ender = threading.Thread(target=freezer.finished)
    ender.start()
    assert entered.wait(5)
    starter = threading.Thread(target=freezer.started)
    starter.start()
    starter.join(0.2)
    assert starter.is_alive()  # held until the freeze is done
    release.set()
    ender.join(5)
    starter.join(5)
    assert not starter.is_alive()


def test_the_gunicorn_configuration_installs_it_and_the_environment_can_turn_it_off(
    unfrozen, monkeypatch
):
    import wsis_portal.gunicorn_conf as conf

    conf = importlib.reload(conf)
    conf.post_worker_init(worker=None)
    assert gc.get_freeze_count() > 0
    assert isinstance(conf._freezer, gc_tuning.WarmFreezer)
    conf.pre_request(None, None)
    conf.post_request(None, None, {}, None)

    gc.unfreeze()
    monkeypatch.setenv("GUNICORN_GC_FREEZE", "0")
    conf = importlib.reload(conf)
    conf.post_worker_init(worker=None)
    assert gc.get_freeze_count() == 0
    assert conf._freezer is None
    conf.pre_request(None, None)
    conf.post_request(None, None, {}, None)


def test_the_benchmarks_run_the_production_configuration_file():
    from pathlib import Path

    server = (Path(__file__).resolve().parents[2] / "bench" / "server.py").read_text()
    assert '"python:wsis_portal.gunicorn_conf"' in server
