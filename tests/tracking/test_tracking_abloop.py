"""The A/B loop on a tracked campaign: approved-only arms, one running experiment per
variant, ``ab stop`` (audited), the ``experiment`` column, promotion only of an approved
winner (``--force --reason`` audited), and the next ``generate`` re-running only the jobs
whose few-shot pool the winner entered. The send list is neutralised and tracked."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from workbench.app import make_workbench
from workbench.cli.main import run
from workbench.review.workflow import ReviewRequest, review
from workbench.store.variantrecord import Variant
from workbench.tracking.links import code_for


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def _copies(ws: Path) -> list[Variant]:
    wb = make_workbench(ws)
    try:
        found = wb.store.variants.rows(kind="copy")
        return sorted(found, key=lambda v: v.id)
    finally:
        wb.close()


def _all(ws: Path) -> list[Variant]:
    wb = make_workbench(ws)
    try:
        return wb.store.variants.rows(limit=10_000)
    finally:
        wb.close()


def _approve(ws: Path, ids: list[int]) -> None:
    wb = make_workbench(ws)
    try:
        request = ReviewRequest(action="approve", actor="tester", reason="fine")
        review(wb.store, ids, request, ["review"])
    finally:
        wb.close()


def _experiments(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, out, _ = _cli(capsys, "ab", "list", "--json")
    assert code == 0
    return json.loads(out)


def _audit(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, out, _ = _cli(capsys, "audit", "--campaign", "tea-open", "--json")
    assert code == 0
    return [r for r in json.loads(out) if r["action"].startswith("ab_")]


def test_create_takes_approved_variants_and_says_what_it_skipped(
    tracked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _cli(capsys, "ab", "create", "--campaign", "tea-open")
    assert code != 0 and "2+ approved" in err
    assert "deliverables[0]: 0 eligible variant(s), 2 needed (left out: 6 draft)" in err
    assert _experiments(capsys) == []
    copies = _copies(tracked)
    _approve(tracked, [copies[0].id, copies[1].id])
    code, out, err = _cli(capsys, "ab", "create", "--campaign", "tea-open", "--json")
    assert code == 0
    created = json.loads(out)
    assert [len(e["arms"]) for e in created] == [2]
    assert {a["variant_id"] for a in created[0]["arms"]} == {copies[0].id, copies[1].id}
    assert "deliverables[1]: 0 eligible variant(s), 2 needed (left out: 2 draft)" in err
    assert "Warning" not in err
    # Again: the running experiment is reported, the posters' drafts make one (warned).
    code, out, err = _cli(capsys, "ab", "create", "--campaign", "tea-open", "--include-drafts")
    assert code == 0 and f"Experiment #{created[0]['id']} exists" in out
    assert "Warning: 2 arms are variants not approved" in err
    pair = f"{copies[0].id},{copies[2].id}"
    code, _, err = _cli(capsys, "ab", "create", "--variants", pair, "--include-drafts")
    assert code == 2  # copies[0] is an arm of the running experiment
    assert err.count("\n") == 1 and f"is an arm of running experiment #{created[0]['id']}" in err


def test_one_running_experiment_per_variant_stop_and_the_experiment_column(
    tracked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c = (v.id for v in _copies(tracked)[:3])
    pair = f"{a},{b}"
    assert _cli(capsys, "ab", "create", "--variants", pair)[0] == 2  # drafts
    assert _cli(capsys, "ab", "create", "--variants", pair, "--include-drafts")[0] == 0
    first = _experiments(capsys)[0]["id"]
    code, _, err = _cli(capsys, "ab", "create", "--variants", f"{b},{c}", "--include-drafts")
    assert code == 2 and f"running experiment #{first}" in err and "ab stop" in err
    assert _cli(capsys, "ab", "stop", str(first), "--reason", "copy changed")[0] == 0
    assert _cli(capsys, "ab", "stop", str(first))[0] == 1  # not running any more
    assert _cli(capsys, "ab", "create", "--variants", f"{b},{c}", "--include-drafts")[0] == 0
    second = _experiments(capsys)[1]["id"]
    stops = _audit(capsys)
    assert [(r["action"], r["from_status"], r["to_status"], r["comment"]) for r in stops] == [
        ("ab_stop", "running", "stopped", "copy changed")
    ]
    # b was in both experiments: its rows must say which one.
    results = tracked / "r.csv"
    results.write_text(
        f"variant_id,date,impressions,clicks,conversions\n{a},2026-03-10,10,1,0\n"
        f"{b},2026-03-10,10,2,0\n",
        encoding="utf-8",
    )
    code, _, err = _cli(capsys, "ab", "import", str(results))
    assert code == 2
    assert f"r.csv:3: experiment: variant {b} has been in experiments #{first}, #{second}" in err
    results.write_text(
        "variant_id,date,impressions,clicks,conversions,experiment\n"
        f"{a},2026-03-10,10,1,0,\n{b},2026-03-10,10,2,0,{second}\n{b},2026-03-11,9,3,0,#{first}\n"
        f"{c},2026-03-10,10,4,0,{first}\n",
        encoding="utf-8",
    )
    code, _, err = _cli(capsys, "ab", "import", str(results))
    assert code == 2 and f"r.csv:5: experiment: variant {c} is not an arm of experiment" in err
    lines = results.read_text(encoding="utf-8").splitlines()
    results.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    assert _cli(capsys, "ab", "import", str(results))[0] == 0
    by_id = {e["id"]: e for e in _experiments(capsys)}
    imps = {e: {x["variant_id"]: x["impressions"] for x in by_id[e]["arms"]} for e in by_id}
    assert imps[first] == {a: 10, b: 9} and imps[second] == {b: 10, c: 0}


def _winner_experiment(ws: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[Variant]]:
    """A click experiment over two hybrid copies where B (a draft) clearly wins."""
    hybrid = [v for v in _copies(ws) if v.style == "hybrid"][:2]
    _approve(ws, [hybrid[0].id])
    keys = ",".join(str(v.id) for v in hybrid)
    code, _, err = _cli(
        capsys, "ab", "create", "--variants", keys, "--include-drafts", "--metric", "click"
    )
    assert code == 0 and "1 arms are variants not approved" in err
    experiment = _experiments(capsys)[0]
    results = ws / "results.csv"
    a, b = experiment["arms"]
    results.write_text(
        "variant_id,date,impressions,clicks,conversions\n"
        f"{a['variant_id']},2026-03-10,3000,300,10\n{b['variant_id']},2026-03-10,3000,420,10\n",
        encoding="utf-8",
    )
    assert _cli(capsys, "ab", "import", str(results))[0] == 0
    return experiment["id"], hybrid


def test_promote_needs_an_approved_winner_or_an_audited_force(
    tracked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    experiment, hybrid = _winner_experiment(tracked, capsys)
    code, _, err = _cli(capsys, "ab", "promote", str(experiment))
    assert code == 1 and f"variant {hybrid[1].id}) is draft, not approved" in err
    code, _, err = _cli(capsys, "ab", "promote", str(experiment), "--force")
    assert code == 2 and "--force needs --reason" in err
    assert _experiments(capsys)[0]["status"] == "running"
    code, out, _ = _cli(
        capsys, "ab", "promote", str(experiment), "--force", "--reason", "legal signed off"
    )
    assert code == 0 and "forced" in out
    (row,) = _audit(capsys)
    assert (row["action"], row["variant_id"], row["comment"]) == (
        "ab_promote",
        hybrid[1].id,
        "legal signed off",
    )
    assert row["data"]["forced"] is True and row["data"]["variant_status"] == "draft"
    assert row["data"]["verdict"] == "winner" and row["to_status"] == "decided"


def test_the_next_generate_reruns_only_the_jobs_the_winner_reaches(
    tracked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    experiment, hybrid = _winner_experiment(tracked, capsys)
    _approve(tracked, [hybrid[1].id])
    before = {v.id for v in _all(tracked)}
    assert _cli(capsys, "generate", "tea.yaml", "--offline")[0] == 0
    assert {v.id for v in _all(tracked)} == before  # nothing changed: all cached
    assert _cli(capsys, "ab", "promote", str(experiment))[0] == 0
    code, out, _ = _cli(capsys, "generate", "tea.yaml", "--offline")
    assert code == 0 and "tea-open: round 2: 3 jobs whose prompt changed" in out
    new = [v for v in _all(tracked) if v.id not in before]
    # Exactly the community copies' hybrid jobs (their few-shot pool gained the winner);
    # instruction copies and posters stayed cached.
    assert len(new) == 3 and {(v.kind, v.style) for v in new} == {("copy", "hybrid")}
    # ... as a new round: round 2 for the re-run jobs, round 1 kept by everything else.
    assert {v.round for v in new} == {2}
    assert {v.round for v in _all(tracked) if v.id in before} == {1}
    after = {v.id for v in _all(tracked)}
    code, out, _ = _cli(capsys, "generate", "tea.yaml", "--offline")
    assert code == 0 and "round" not in out.lower()
    assert {v.id for v in _all(tracked)} == after  # round 2 is found again: all cached
    # --fresh starts a round above every slot's round, for every job.
    assert _cli(capsys, "generate", "tea.yaml", "--offline", "--fresh")[0] == 0
    fresh = [v for v in _all(tracked) if v.id not in after]
    assert fresh and {v.round for v in fresh} == {3}
    assert len(fresh) == len(after) - len(new)  # one variant per slot, as in round 1


def test_send_list_is_neutralised_and_tracked(
    tracked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copies = _copies(tracked)[:2]
    _approve(tracked, [v.id for v in copies])
    keys = ",".join(str(v.id) for v in copies)
    assert _cli(capsys, "ab", "create", "--variants", keys)[0] == 0
    users = tracked / "users.csv"
    users.write_text(
        'user_id\n=HYPERLINK("http://evil")\n+cmd|calc\n@SUM(A1)\n-2+3\nu\x07bell\nplain\n',
        encoding="utf-8",
    )
    out = tracked / "send.csv"
    assert _cli(capsys, "ab", "assign", "1", "--users", str(users), "--out", str(out))[0] == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids = sorted(r["user_id"] for r in rows)
    assert ids == sorted(
        ['\'=HYPERLINK("http://evil")', "'+cmd|calc", "'@SUM(A1)", "'-2+3", "ubell", "plain"]
    )
    uids = {v.id: v.uid for v in copies}
    for r in rows:
        assert r["link"] == f"https://t.example.cn/s/{code_for(uids[int(r['variant_id'])])}"
        assert not any(ord(ch) < 32 and ch != "\n" for ch in r["content"])
