"""Winners become few-shot examples for the example style next round; losers, pitfalls."""

from __future__ import annotations

from pathlib import Path

import pytest
from abtest_kit import approve, feed, group, manual

from workbench.abtest.learn import NoWinnerError, pitfalls, promote
from workbench.abtest.winners import winner_examples
from workbench.app import Workbench, make_workbench
from workbench.generate.jobs import expand_jobs
from workbench.llm.base import JobContext
from workbench.locations import resource_dir
from workbench.store import Store


def example_job(
    folder: Path, segment: str, channel: str = "community", style: str = "example"
) -> tuple[Workbench, JobContext]:
    wb = make_workbench(workspace=folder)
    brief = wb.load_brief(resource_dir("templates") / "briefs" / "member-day.yaml").brief
    for job in expand_jobs(brief):
        d = job.ctx.deliverable
        if (
            job.ctx.segment.id == segment
            and d.kind == "copy"
            and getattr(d, "channel", None) == channel
            and job.ctx.style == style
        ):
            return wb, job.ctx
    raise AssertionError("no example-style job")


def test_promote_requires_a_winner(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2)
    feed(store, experiment, [(1000, 200), (1000, 205)], tmp_path)
    with pytest.raises(NoWinnerError, match="verdict: need_more"):
        promote(store, experiment.id)
    assert pitfalls(store) == []


def test_winner_reaches_the_rendered_example_prompt(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_DB", str(db_path))
    wb, job = example_job(tmp_path, "new-moms")
    before = wb.prompts.render(job).messages
    store = wb.store
    experiment = manual(store, 3)
    feed(store, experiment, [(3000, 300), (3000, 420), (3000, 310)], tmp_path)
    result = promote(store, experiment.id)
    winner = next(a for a in experiment.arms if a.variant_id == result.winner_variant_id)
    assert winner.name == "B" and result.losers == 2
    body = winner.content["body"].splitlines()[0]
    assert not any(body in m["content"] for m in before)
    rendered = wb.prompts.render(job)
    assert rendered.style == "example"
    assistant = [m["content"] for m in rendered.messages if m["role"] == "assistant"]
    assert body in assistant[0]  # the winner is the first few-shot answer
    assert '"length"' not in assistant[0]
    users = [m["content"] for m in rendered.messages if m["role"] == "user"]
    assert "新手妈妈" in users[0]  # the winner's own request facts, as data
    # Losers are the pitfall guide, with their numbers.
    guide = pitfalls(store, campaign=experiment.campaign)
    assert {p["variant_id"] for p in guide} == {
        a.variant_id for a in experiment.arms if a.name != "B"
    }
    control = next(p for p in guide if p["variant_id"] == experiment.arms[0].variant_id)
    assert (control["impressions"], control["successes"], control["rate"]) == (3000, 300, 0.1)
    wb.close()


def test_examples_prefer_same_segment_and_respect_kind_channel_budget(
    store: Store, tmp_path: Path
) -> None:
    from workbench.abtest.experiments import ExperimentOptions, create_manual

    ids = {}
    for segment in ("dormant-vip", "new-moms"):
        variants = group(store, segment, 0)[:2]
        approve(store, [v.id for v in variants])
        ids[segment] = create_manual(store, [str(v.id) for v in variants], ExperimentOptions())
        feed(store, store.ab.get_experiment(ids[segment]), [(2000, 200), (2000, 300)], tmp_path)
        promote(store, ids[segment])
    _, job = example_job(tmp_path, "dormant-vip")
    examples = winner_examples(store, job)
    assert [e["id"].split("-")[1] for e in examples] == [
        f"e{ids['dormant-vip']}",
        f"e{ids['new-moms']}",
    ]
    assert all(e["kind"] == "copy" and e["channel"] == "community" for e in examples)
    assert winner_examples(store, job, budget=10) == []
    _, sms_job = example_job(tmp_path, "dormant-vip", channel="sms", style="specific")
    assert winner_examples(store, sms_job) == []
