"""Job expansion, --only filters and deterministic job keys."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workbench.brief.models import Brief
from workbench.errors import InputError
from workbench.generate.jobs import ProviderFingerprint, expand_jobs, job_key, parse_only
from workbench.locations import resource_dir

BRIEFS = resource_dir("templates") / "briefs"


def _brief(name: str = "member-day.yaml") -> Brief:
    return Brief.model_validate(yaml.safe_load((BRIEFS / name).read_text(encoding="utf-8")))


def test_member_day_expands_to_the_expected_matrix() -> None:
    jobs = list(expand_jobs(_brief()))
    # per segment: copy 3x2 + sms 2x1 + titles 1 call of 10 + poster 2 + video 2 = 13 calls
    assert len(jobs) == 2 * 13
    titles = [j for j in jobs if j.ctx.deliverable.kind == "title"]
    assert [j.ctx.count for j in titles] == [10, 10]
    slots = sorted(
        (j.segment_id, j.ctx.deliverable_index, j.ctx.style, j.ctx.variant_index + i)
        for j in jobs
        for i in range(j.ctx.count)
    )
    assert len(slots) == len(set(slots)) == 2 * (6 + 2 + 10 + 2 + 2)


@pytest.mark.parametrize(
    ("only", "expected"),
    [
        (["segment=new-moms"], 13),
        (["kind=copy"], 2 * 8),
        (["segment=new-moms,kind=title"], 1),
        (["channel=sms"], 4),
        (["style=agent"], 6),
        (["deliverable=3"], 4),
        (["kind=copy", "kind=poster"], 2 * 10),
        (["segment=nobody"], 0),
    ],
)
def test_only_filters(only: list[str], expected: int) -> None:
    assert len(list(expand_jobs(_brief(), only=parse_only(only)))) == expected


@pytest.mark.parametrize("bad", ["segment", "colour=red", "kind=", "=copy"])
def test_only_rejects_bad_filters(bad: str) -> None:
    with pytest.raises(InputError) as info:
        parse_only([bad])
    assert str(info.value).startswith("--only:")


def test_keys_are_deterministic_and_sensitive_to_what_decides_the_answer() -> None:
    provider: ProviderFingerprint = {"provider": "offline", "model": "m"}
    first = [job_key("h", j, "t", provider) for j in expand_jobs(_brief())]
    again = [job_key("h", j, "t", provider) for j in expand_jobs(_brief())]
    assert first == again
    assert len(set(first)) == len(first)
    job = next(iter(expand_jobs(_brief())))
    base = job_key("h", job, "t", provider)
    assert job_key("h2", job, "t", provider) != base
    assert job_key("h", job, "t2", provider) != base
    assert job_key("h", job, "t", {"provider": "offline", "model": "m2"}) != base
    fresh = next(iter(expand_jobs(_brief(), round=2)))
    assert job_key("h", fresh, "t", provider) != base


def test_store_opening_brief_counts(tmp_path: Path) -> None:
    jobs = list(expand_jobs(_brief("store-opening-week.yaml")))
    # per segment: moments 2 + community 2 + poster 2 + video 1
    assert len(jobs) == 2 * 7
