"""``workbench ab``: JSON shapes, one-line errors with exit 2, the whole loop end to end."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_testkit import Cli

CAMPAIGN = "member-day-2026-03"


@pytest.fixture
def ws(
    member_day_db: Path,
    copy_db: Callable[[Path], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """A workspace on this test's copy of the offline member-day database (tests/conftest)."""
    monkeypatch.setenv("WORKBENCH_DB", str(copy_db(member_day_db)))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_create_and_list_json_shape(ws: Path, cli: Cli) -> None:
    code, out, _ = cli("ab", "create", "--campaign", CAMPAIGN, "--include-drafts", "--json")
    assert code == 0
    created = json.loads(out)
    assert len(created) == 10 and all(e["created"] for e in created)
    code, out, _ = cli("ab", "list", "--json")
    assert code == 0
    experiments = json.loads(out)
    assert [e["id"] for e in experiments] == [e["id"] for e in created]
    for e in experiments:
        assert {"id", "campaign", "segment", "kind", "channel", "arms"} <= set(e)
        assert e["campaign"] == CAMPAIGN
        assert sum(a["planned_share"] for a in e["arms"]) == pytest.approx(1.0)
        assert [a["control"] for a in e["arms"]] == [True] + [False] * (len(e["arms"]) - 1)
        assert all(isinstance(a["variant_id"], int) for a in e["arms"])
    code, out, _ = cli("ab", "list")
    assert code == 0 and "community" in out


def test_full_loop_assign_import_report_promote(ws: Path, cli: Cli) -> None:
    code, out, _ = cli("ab", "create", "--campaign", CAMPAIGN, "--segment", "new-moms",
        "--deliverable", "1", "--weights", "1,1", "--include-drafts", "--json",
    )  # fmt: skip
    assert code == 0
    (experiment,) = json.loads(out)
    eid = str(experiment["id"])
    (ws / "users.csv").write_text("user_id\n" + "".join(f"u{i}\n" for i in range(500)))
    code, out, _ = cli("ab", "assign", eid, "--users", "users.csv", "--holdout", "0.1", "--json")
    assert code == 0
    assigned = json.loads(out)
    assert assigned["users"] == 500 and 20 < assigned["holdout"] < 80
    assert (
        Path(assigned["out"])
        .read_text(encoding="utf-8")
        .startswith("user_id,arm,variant_id,variant_uid,content,link")
    )
    a, b = experiment["arms"]
    (ws / "r.csv").write_text(
        "variant_id,date,impressions,clicks,conversions\n"
        f"{a['variant_id']},2026-03-10,3000,600,300\n"
        f"{b['variant_uid']},2026-03-10,3000,700,420\n"
    )
    assert cli("ab", "import", "r.csv")[0] == 0
    assert cli("ab", "import", "r.csv")[0] == 0  # idempotent
    code, out, _ = cli("ab", "report", eid, "--json")
    assert code == 0
    (report,) = json.loads(out)
    assert {"srm_p_value", "verdict", "winner", "arms"} <= set(report)
    keys = {
        "variant_id", "impressions", "clicks", "conversions", "rate", "ci_low", "ci_high",
        "lift_abs", "lift_rel", "lift_ci_low", "lift_ci_high", "p_value", "p_value_adjusted",
        "prob_beat_control", "prob_best",
    }  # fmt: skip
    assert all(keys <= set(arm) for arm in report["arms"])
    assert report["arms"][0]["impressions"] == 3000  # not doubled by the second import
    assert report["verdict"] == "winner" and report["winner"] == b["variant_id"]
    code, out, _ = cli("ab", "report", "--campaign", CAMPAIGN)
    assert code == 0
    assert out.index("Sample ratio OK") < out.index("Verdict: variant")
    code, _, err = cli("ab", "promote", eid)
    assert code == 1 and "is draft, not approved" in err  # drafts never teach the next round
    assert cli("review", "approve", str(b["variant_id"]), "--reason", "ok")[0] == 0
    assert cli("ab", "promote", eid)[0] == 0
    code, out, _ = cli("ab", "pitfalls", "--json")
    assert code == 0
    (pitfall,) = json.loads(out)
    assert pitfall["variant_id"] == a["variant_id"] and pitfall["rate"] == 0.1


def test_size_json_and_text(cli: Cli) -> None:
    code, out, _ = cli("ab", "size", "--baseline", "0.2", "--mde", "0.05", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["n_per_arm"] == 1030 and "Evan Miller" in data["formula"]
    code, out, _ = cli(
        "ab", "size", "--baseline", "0.2", "--mde", "0.25", "--relative", "--arms", "3"
    )
    assert code == 0 and "users per arm" in out and "Evan Miller" in out


@pytest.mark.parametrize(
    "args,expected",
    [
        (["ab", "size", "--baseline", "1.5", "--mde", "0.05"], "--baseline: 1.5: baseline must"),
        (["ab", "size", "--baseline", "0.2", "--mde", "0.05", "--arms", "1"], "--arms: 1: arms"),
        (["ab", "report", "--campaign", CAMPAIGN, "--metric", "likes"], "--metric: likes: must"),
        (["ab", "create", "--campaign", CAMPAIGN, "--alpha", "0.7"], "--alpha: 0.7: must be"),
        (["ab", "create", "--campaign", CAMPAIGN, "--weights", "1,x"], "--weights: 1,x: must"),
    ],
)
def test_bad_flags_one_line_exit_2(ws: Path, cli: Cli, args: list[str], expected: str) -> None:
    code, _, err = cli(*args)
    assert code == 2
    assert err.strip().startswith(expected) and len(err.strip().splitlines()) == 1
    code, out, _ = cli("ab", "list", "--json")
    assert json.loads(out) == []  # nothing was created


def test_bad_csv_exit_2_nothing_written(ws: Path, cli: Cli) -> None:
    code, out, _ = cli("ab", "create", "--campaign", CAMPAIGN, "--include-drafts", "--json")
    variant = json.loads(out)[0]["arms"][0]["variant_id"]
    (ws / "bad.csv").write_text(
        "variant_id,date,impressions,clicks,conversions\n"
        f"{variant},2026-03-10,100,10,5\n"
        f"{variant},2026-03-11,100,10,500\n"
    )
    code, _, err = cli("ab", "import", "bad.csv")
    assert code == 2
    assert err.strip() == "bad.csv:3: conversions: 500 exceeds impressions 100"
    code, out, _ = cli("ab", "list", "--json")
    assert all(a["impressions"] == 0 for e in json.loads(out) for a in e["arms"])
    (ws / "e.jsonl").write_text('{"user_id": "u1", "variant_id": 1, "event": "click"}\n')
    code, _, err = cli("ab", "import-events", "e.jsonl")
    assert code == 2 and err.strip() == "e.jsonl:1: ts: None is not an ISO date-time"
