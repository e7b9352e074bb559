"""``Store`` is split by aggregate (issue #10): it opens, migrates and closes; every query is
a method of one aggregate over its one connection and lock."""

from __future__ import annotations

import inspect
from pathlib import Path

from workbench.store import Store
from workbench.store.aggregate import Aggregate

OWN = {"open", "migrate", "close"}
AGGREGATES = {
    "variants",
    "llm_batches",
    "calendar",
    "runs",
    "tracking",
    "assets",
    "ab",
    "reviews",
}


def test_the_store_itself_only_opens_migrates_and_closes() -> None:
    public = {
        name
        for name, value in inspect.getmembers(Store)
        if not name.startswith("_") and callable(value)
    }
    assert public == OWN


def test_every_aggregate_shares_the_one_connection_and_lock(tmp_path: Path) -> None:
    with Store.open(tmp_path / "workbench.db") as store:
        found = {k: v for k, v in vars(store).items() if isinstance(v, Aggregate)}
        assert set(found) == AGGREGATES
        for aggregate in found.values():
            assert aggregate._conn is store._conn
            assert aggregate._lock is store._lock
