"""The operations both faces call on ``Workbench`` (workbench/operations.py): the faces
build no core services themselves, and previews/dry runs go through the runner's planner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.app import EndpointOverrides, Workbench, make_workbench
from workbench.cli.main import run
from workbench.errors import InputError
from workbench.generate.planning import plan_jobs
from workbench.generate.regenerate import REGENERATE_ACTION

ROOT = Path(__file__).resolve().parents[1]
OFFLINE = EndpointOverrides(offline=True)
BRIEF = """campaign:
  id: ops
  name: 会员日
  brand: {name: 小鹿母婴}
  product: {name: 有机婴儿米粉, price: 89, offer: 满199减50, selling_points: [有机认证]}
segments:
  - {id: new-moms, name: 新手妈妈, description: 第一次买辅食}
  - {id: dormant-vip, name: 沉睡VIP, description: 近90天没有下单}
deliverables:
  - {kind: copy, channel: community, variants: 2, styles: [instruction, specific]}
  - {kind: title, channel: xiaohongshu, variants: 3}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    (folder / "briefs" / "ops.yaml").write_text(BRIEF, encoding="utf-8")
    return folder


@pytest.fixture
def wb(folder: Path) -> Workbench:
    return make_workbench(folder)


def test_the_faces_construct_no_core_services() -> None:
    pattern = re.compile(r"\b(LintService|RunOptions)\(")
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for face in ("cli", "tui")
        for path in sorted((ROOT / "workbench" / face).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_run_options_take_settings_then_overrides(wb: Workbench) -> None:
    settings = wb.settings.generate
    options = wb.run_options()
    assert (options.concurrency, options.rpm, options.fresh) == (
        settings.concurrency,
        settings.rpm,
        False,
    )
    options = wb.run_options(concurrency=3, rpm=None, fresh=True, only={"style": {"specific"}})
    assert (options.concurrency, options.rpm, options.fresh) == (3, settings.rpm, True)
    assert options.only == {"style": {"specific"}}
    with pytest.raises(InputError, match="--concurrency: 0: must be at least 1"):
        wb.run_options(concurrency=0)
    with pytest.raises(InputError, match="--rpm: -1: must be 0"):
        wb.run_options(rpm=-1)


def test_preview_prompt_is_the_job_generate_sends(wb: Workbench, folder: Path) -> None:
    loaded = wb.load_brief(folder / "briefs" / "ops.yaml")
    planned = wb.preview_prompt(
        loaded, segment="dormant-vip", deliverable=0, style="specific", variant=2, overrides=OFFLINE
    )
    sent = plan_jobs(loaded, wb.prompts, wb.provider(OFFLINE), round=1)
    same = [p for p in sent if p.key == planned.key]
    assert len(same) == 1
    job = same[0].job.ctx
    assert (job.segment.id, job.deliverable_index, job.style) == ("dormant-vip", 0, "specific")
    assert job.variant_index <= 1 < job.variant_index + job.count
    assert same[0].prompt.messages == planned.prompt.messages
    assert same[0].schema == planned.schema


@pytest.mark.parametrize(
    ("segment", "deliverable", "style", "variant", "field"),
    [
        ("nobody", 0, "specific", 1, "--segment"),
        ("new-moms", 5, "specific", 1, "--deliverable"),
        ("new-moms", 0, "agent", 1, "--style"),
        ("new-moms", 0, "specific", 9, "--variant"),
    ],
)
def test_preview_prompt_refuses_what_the_brief_does_not_have(
    wb: Workbench,
    folder: Path,
    segment: str,
    deliverable: int,
    style: str,
    variant: int,
    field: str,
) -> None:
    loaded = wb.load_brief(folder / "briefs" / "ops.yaml")
    with pytest.raises(InputError) as caught:
        wb.preview_prompt(
            loaded,
            segment=segment,
            deliverable=deliverable,
            style=style,
            variant=variant,
            overrides=OFFLINE,
        )
    assert str(caught.value).startswith(f"{field}: ")


def test_dry_run_counts_the_planned_jobs_and_what_is_done(wb: Workbench, folder: Path) -> None:
    brief = folder / "briefs" / "ops.yaml"
    loaded = wb.load_briefs([brief])
    provider = wb.provider(OFFLINE)
    rows = wb.dry_run(loaded, provider)
    assert not wb.db_exists()  # a dry run creates no database
    planned = plan_jobs(loaded[0], wb.prompts, provider, round=1)
    assert sum(r.jobs for r in rows) == len(planned)
    assert {(r.segment, r.deliverable_index, r.kind, r.style) for r in rows} == {
        (s, 0, "copy", st)
        for s in ("new-moms", "dormant-vip")
        for st in ("instruction", "specific")
    } | {(s, 1, "title", "hybrid") for s in ("new-moms", "dormant-vip")}
    assert all(r.cached == 0 for r in rows)
    only = {"segment": {"new-moms"}}
    assert {r.segment for r in wb.dry_run(loaded, provider, only)} == {"new-moms"}
    assert run(["--db", str(wb.db_path), "generate", str(brief), "--offline"]) == 0
    again = wb.dry_run(loaded, provider)
    assert [r.cached for r in again] == [r.jobs for r in again]


def test_review_edit_and_regenerate_through_the_workbench(wb: Workbench, folder: Path) -> None:
    brief = folder / "briefs" / "ops.yaml"
    assert run(["--db", str(wb.db_path), "generate", str(brief), "--offline"]) == 0
    source = next(v for v in wb.store.variants.rows(campaign="ops") if v.style == "instruction")
    (result,) = wb.review([source.id], "submit", reviewer="ana")
    assert (result.from_status, result.to_status) == ("draft", "in_review")
    assert wb.next_step(source.id) == wb.settings.review.steps[0]
    content = {**source.content, "body": source.content["body"] + " 今晚八点开抢。"}
    new_id = wb.edit(source.id, content, comment="tighter")
    assert wb.store.variants.get(new_id).parent_id == source.id

    done = wb.regenerate(source.id, "specific", "pas", overrides=OFFLINE, reviewer="ana")
    assert done.source_id == source.id and not done.cached and len(done.new_ids) == 1
    new = wb.store.variants.get(done.new_ids[0])
    assert (new.segment, new.deliverable_index) == (
        source.segment,
        source.deliverable_index,
    )
    assert (new.style, new.framework) == ("specific", "pas")
    trail = wb.store.reviews.audit_trail(variant_id=source.id)
    regen = [a for a in trail if a["action"] == REGENERATE_ACTION]
    assert len(regen) == 1 and regen[0]["actor"] == "ana"
    again = wb.regenerate(source.id, "specific", "pas", overrides=OFFLINE)
    assert again.cached and again.new_ids == done.new_ids
    assert len([a for a in wb.store.reviews.audit_trail(variant_id=source.id)]) == len(trail)
