"""Deterministic, salted hash assignment and the send list."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from abtest_kit import manual

from workbench.abtest.assign import assign, assign_index, bucket
from workbench.errors import InputError
from workbench.store import Store


def users_file(path: Path, n: int) -> Path:
    path.write_text("user_id,phone\n" + "".join(f"u{i},138{i:08d}\n" for i in range(n)))
    return path


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_bucket_is_deterministic_uniform_and_salted() -> None:
    assert bucket("s1", "u42") == bucket("s1", "u42")
    assert bucket("s1", "u42") != bucket("s2", "u42")
    values = [bucket("salt", f"u{i}") for i in range(20_000)]
    assert all(0.0 <= v < 1.0 for v in values)
    assert sum(v < 0.5 for v in values) == pytest.approx(10_000, abs=300)  # ~4 sigma
    cumulative = [0.25, 1.0]
    share = sum(assign_index("salt", f"u{i}", cumulative, 0.0) == 0 for i in range(20_000))
    assert share == pytest.approx(5_000, abs=250)


def test_assign_writes_send_list_same_user_same_arm(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 3)
    users = users_file(tmp_path / "users.csv", 3000)
    first = assign(store, experiment.id, users, tmp_path / "a.csv", holdout=0.1)
    again = assign(store, experiment.id, users, tmp_path / "b.csv", holdout=0.1)
    rows = read(tmp_path / "a.csv")
    assert rows == read(tmp_path / "b.csv")
    assert list(rows[0]) == ["user_id", "arm", "variant_id", "variant_uid", "content", "link"]
    assert first.arms == again.arms
    assert first.holdout == pytest.approx(300, abs=60)
    assert len(rows) == 3000 - first.holdout
    arms = {a.name: a for a in experiment.arms}
    for row in rows[:50]:
        arm = arms[row["arm"]]
        assert int(row["variant_id"]) == arm.variant_id
        assert row["variant_uid"] == arm.variant_uid
        assert arm.content["body"][:10] in row["content"]
    for a in first.arms:
        assert a.planned_share == pytest.approx(1 / 3)
        assert a.share == pytest.approx(1 / 3, abs=0.03)
    assert first.srm_p_value is not None and first.srm_p_value > 0.001
    # A user's arm does not depend on who else is in the file.
    subset = users_file(tmp_path / "few.csv", 40)
    assign(store, experiment.id, subset, tmp_path / "c.csv", holdout=0.1)
    small = {r["user_id"]: r["arm"] for r in read(tmp_path / "c.csv")}
    big = {r["user_id"]: r["arm"] for r in rows}
    assert small and all(big[u] == arm for u, arm in small.items())


def test_weights_shape_the_split(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2, weights=[3.0, 1.0])
    result = assign(store, experiment.id, users_file(tmp_path / "u.csv", 4000), tmp_path / "o.csv")
    assert result.arms[0].planned_share == pytest.approx(0.75)
    assert result.arms[0].share == pytest.approx(0.75, abs=0.03)


def test_bad_users_file_writes_nothing(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2)
    bad = tmp_path / "users.csv"
    bad.write_text("user_id,phone\nu1,1\n\nu2,2\nu1,3\n ,4\n")
    out = tmp_path / "send.csv"
    with pytest.raises(InputError) as info:
        assign(store, experiment.id, bad, out)
    assert str(info.value).splitlines() == [
        f"{bad}:5: user_id: 'u1' repeats line 2",
        f"{bad}:6: user_id: is empty",
    ]
    assert not out.exists()
    no_column = tmp_path / "n.csv"
    no_column.write_text("phone\n1\n")
    with pytest.raises(InputError, match="user_id column"):
        assign(store, experiment.id, no_column, out)
    with pytest.raises(InputError, match="--holdout"):
        assign(store, experiment.id, users_file(tmp_path / "ok.csv", 3), out, holdout=1.0)
