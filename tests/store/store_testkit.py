"""Factories shared by the store tests (imported by module name; not a test module)."""

from __future__ import annotations

from pathlib import Path

from workbench.store import GenerationRecord, JobRecord, Store, VariantRecord

CAMPAIGN_ID = "member-day"
CAMPAIGN: dict[str, object] = {
    "id": "member-day",
    "name": "三月会员日",
    "goal": "repurchase",
    "language": "zh-CN",
    "brand": {"name": "小鹿母婴", "voice": "亲切"},
    "product": {"name": "有机婴儿米粉", "price": 89},
}
SEGMENTS = [
    {"id": "new-moms", "name": "新手妈妈", "lifecycle": "new"},
    {"id": "dormant-vip", "name": "沉睡VIP", "lifecycle": "dormant"},
]


def seed(store: Store, settings: dict[str, object] | None = None) -> tuple[int, int]:
    """Campaign, segments, brief and a run; returns (brief_id, run_id)."""
    brief_id = store.variants.save_brief(
        CAMPAIGN, SEGMENTS, "campaign: {}\n", "a" * 64, "march.yaml"
    )
    run_id = store.runs.start(CAMPAIGN_ID, brief_id, "offline", "composer", settings or {})
    return brief_id, run_id


def make_job(
    i: int,
    run_id: int,
    *,
    segment: str = "new-moms",
    kind: str = "copy",
    channel: str | None = "community",
    style: str = "hybrid",
    count: int = 2,
    deliverable_index: int = 0,
) -> tuple[JobRecord, GenerationRecord, list[VariantRecord]]:
    """Job ``i`` with its generation and ``count`` variants (slots i*count ...)."""
    key = f"job-{kind}-{segment}-{style}-{i:05d}"
    job = JobRecord(
        key=key,
        campaign_id=CAMPAIGN_ID,
        run_id=run_id,
        segment_id=segment,
        deliverable_index=deliverable_index,
        kind=kind,
        channel=channel,
        style=style,
        framework="aida",
        variant_index=i * count,
        count=count,
        round=1,
    )
    gen = GenerationRecord(
        job_key=key,
        run_id=run_id,
        campaign_id=CAMPAIGN_ID,
        provider="offline",
        model="composer",
        template=f"{style}.j2",
        template_hash="t" * 16,
        variables={"segment": segment, "i": i},
        messages=[
            {"role": "system", "content": "你是社群运营"},
            {"role": "user", "content": f"写第{i}条文案"},
        ],
        response_text='{"variants": []}',
        prompt_tokens=120,
        completion_tokens=80,
        latency_ms=12.5,
    )
    variants = [
        VariantRecord(
            slot=i * count + n,
            content={"title": f"标题{i}-{n}", "body": "会员日满199减50"},
            kind=kind,
            channel=channel,
            segment_id=segment,
            deliverable_index=deliverable_index,
            style=style,
            framework="aida",
            provider="offline",
            model="composer",
            round=1,
        )
        for n in range(count)
    ]
    return job, gen, variants


def complete_range(path: Path, start: int, stop: int, run_id: int) -> None:
    """Open ``path`` and complete jobs ``start..stop-1`` (used by child processes)."""
    with Store.open(path) as store:
        for i in range(start, stop):
            store.variants.complete_job(*make_job(i, run_id))
