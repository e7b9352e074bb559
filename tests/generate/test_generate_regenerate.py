"""Regenerating one variant in another style or framework: a new variant next to the old
one, the same (segment, deliverable), an audit row on the source; refusals are InputErrors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from workbench.app import EndpointOverrides, Workbench, make_workbench
from workbench.cli.main import run
from workbench.errors import InputError
from workbench.generate.regenerate import new_variant_ids, plan_regenerate, record_regenerate
from workbench.generate.runner import RunOptions

BRIEF = """campaign:
  id: regen
  name: 重新生成
  brand: {name: 小鹿母婴}
  product: {name: 有机婴儿米粉, price: 89, offer: 满199减50, selling_points: [有机认证]}
segments:
  - {id: new-moms, name: 新手妈妈, description: 第一次买辅食}
  - {id: dormant-vip, name: 沉睡VIP, description: 近90天没有下单}
deliverables:
  - {kind: copy, channel: community, variants: 2, styles: [instruction]}
  - {kind: title, channel: xiaohongshu, variants: 3}
"""


@pytest.fixture
def wb(tmp_path: Path) -> Workbench:
    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    brief = folder / "briefs" / "regen.yaml"
    brief.write_text(BRIEF, encoding="utf-8")
    assert run(["--db", str(folder / "workbench.db"), "generate", str(brief), "--offline"]) == 0
    return make_workbench(folder)


def _run(
    wb: Workbench, variant_id: int, style: str, framework: str | None, fresh: bool
) -> list[int]:
    plan = plan_regenerate(wb.store, wb.segments, variant_id, style, framework)
    runner = wb.runner(
        wb.provider(EndpointOverrides(offline=True)), RunOptions(only=plan.only, fresh=fresh)
    )
    result = asyncio.run(runner.run([plan.loaded], wb.prompts))
    ids = new_variant_ids(wb.store, result)
    record_regenerate(wb.store, plan, ids, "tester")
    return ids


def test_regenerate_makes_one_new_variant_in_the_chosen_style(wb: Workbench) -> None:
    before = wb.store.variants.rows(campaign="regen")
    source = next(v for v in before if v.kind == "copy" and v.segment == "dormant-vip")
    (new_id,) = _run(wb, source.id, "specific", "pas", fresh=False)
    after = wb.store.variants.rows(campaign="regen")
    assert len(after) == len(before) + 1
    new = wb.store.variants.get(new_id)
    assert (new.style, new.framework) == ("specific", "pas")
    assert (new.segment, new.deliverable_index, new.kind) == ("dormant-vip", 0, "copy")
    assert new.parent_id is None and new.status == "draft"
    old = wb.store.variants.get(source.id)
    assert old.content == source.content and old.status == source.status
    assert old.history[-1]["action"] == "regenerate"
    assert old.history[-1]["data"]["new_ids"] == [new_id]
    # the same choice again finds the finished job; a fresh round makes another variant
    assert _run(wb, source.id, "specific", "pas", fresh=False) == [new_id]
    assert len(wb.store.variants.rows(campaign="regen")) == len(before) + 1
    (fresh_id,) = _run(wb, source.id, "specific", "pas", fresh=True)
    assert fresh_id not in {v.id for v in after}


def test_a_title_regenerates_as_one_title(wb: Workbench) -> None:
    source = next(v for v in wb.store.variants.rows(campaign="regen") if v.kind == "title")
    ids = _run(wb, source.id, "agent", None, fresh=False)
    assert len(ids) == 1 and wb.store.variants.get(ids[0]).style == "agent"


@pytest.mark.parametrize(
    ("style", "framework", "kind", "field"),
    [
        ("nope", None, "copy", "style"),
        ("agent", "nope", "copy", "framework"),
        ("agent", "pas", "title", "framework"),
    ],
)
def test_refusals_name_the_field(
    wb: Workbench, style: str, framework: str | None, kind: str, field: str
) -> None:
    source = next(v for v in wb.store.variants.rows(campaign="regen") if v.kind == kind)
    with pytest.raises(InputError) as caught:
        plan_regenerate(wb.store, wb.segments, source.id, style, framework)
    assert caught.value.problems[0].field == field


def test_framework_defaults_to_the_variants_own(wb: Workbench) -> None:
    copies = [v for v in wb.store.variants.rows(campaign="regen") if v.kind == "copy"]
    (pas_id,) = _run(wb, copies[0].id, "specific", "pas", fresh=False)
    # regenerating the PAS variant keeps PAS; an original (no framework) stays without one,
    # although the campaign's latest stored brief is now the narrowed PAS one
    (again,) = _run(wb, pas_id, "agent", None, fresh=False)
    assert wb.store.variants.get(again).framework == "pas"
    (plain,) = _run(wb, copies[1].id, "agent", None, fresh=False)
    assert wb.store.variants.get(plain).framework is None
