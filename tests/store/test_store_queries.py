"""The query API: list filters, one variant with its trace, campaigns, runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_testkit import CAMPAIGN_ID, make_job, seed

from workbench.errors import NotFoundError
from workbench.store import Store, variant_uid
from workbench.store.variantrecord import Variant

VARIANT_KEYS = {
    "id", "uid", "campaign", "segment", "kind", "channel", "style", "framework", "status",
    "provider", "model", "content", "version", "parent_id", "round", "deliverable_index",
    "created_at",
}  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "wb.db") as store:
        _, run_id = seed(store)
        # new-moms: 2 copy jobs x 2 variants (hybrid) + 1 title job x 3 (agent)
        # dormant-vip: 1 copy job x 2 (hybrid)
        jobs = [
            make_job(0, run_id),
            make_job(1, run_id),
            make_job(0, run_id, kind="title", channel="xiaohongshu", style="agent", count=3,
                     deliverable_index=1),
            make_job(0, run_id, segment="dormant-vip"),
        ]  # fmt: skip
        for job in jobs:
            store.variants.complete_job(*job)
        failed, gen, _ = make_job(9, run_id, segment="dormant-vip")
        store.variants.fail_job(failed, gen, "timeout")
        store._conn.execute("UPDATE variants SET status = 'approved' WHERE id IN (1, 2)")
        yield store


def test_list_variants_shape(store: Store) -> None:
    rows = store.variants.rows()
    assert len(rows) == 9
    first = rows[0]
    assert set(first.to_json()) >= VARIANT_KEYS
    assert isinstance(first.content, dict) and first.content["body"] == "会员日满199减50"
    assert first.campaign == CAMPAIGN_ID and first.version == 1
    assert first.parent_id is None and first.lint is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"segment": "new-moms"}, 7),
        ({"segment": "dormant-vip"}, 2),
        ({"kind": "title"}, 3),
        ({"kind": "copy", "segment": "new-moms"}, 4),
        ({"status": "approved"}, 2),
        ({"status": "draft", "kind": "copy"}, 4),
        ({"channel": "xiaohongshu"}, 3),
        ({"style": "agent"}, 3),
        ({"campaign": CAMPAIGN_ID}, 9),
        ({"campaign": "other"}, 0),
        ({"limit": 4}, 4),
    ],
)
def test_list_filters(store: Store, filters: dict[str, object], expected: int) -> None:
    rows = store.variants.rows(**filters)  # type: ignore[arg-type]
    assert len(rows) == expected
    for name, value in filters.items():
        if name != "limit":
            assert all(getattr(row, name) == value for row in rows)


def _add_version(store: Store, parent: Variant) -> int:
    """An edit, as the review issue will write it: a new row, version + 1."""
    version = parent.version + 1
    cur = store._conn.execute(
        "INSERT INTO variants (uid, job_key, slot, campaign_id, segment_id, deliverable_index,"
        " kind, channel, style, framework, provider, model, generation_id, content, status,"
        " version, parent_id, round, created_at, updated_at)"
        " SELECT ?, job_key, slot, campaign_id, segment_id, deliverable_index, kind, channel,"
        " style, framework, provider, model, NULL, '{\"title\": \"改\"}', 'draft', ?, id,"
        " round, created_at, updated_at FROM variants WHERE id = ?",
        (variant_uid(parent.job_key, parent.slot, version), version, parent.id),
    )  # fmt: skip
    return int(cur.lastrowid or 0)


def test_latest_only(store: Store) -> None:
    original = store.variants.rows(kind="title")[0]
    edited_id = _add_version(store, original)
    latest = store.variants.rows(kind="title")
    assert len(latest) == 3
    assert edited_id in [v.id for v in latest]
    assert original.id not in [v.id for v in latest]
    assert len(store.variants.rows(kind="title", latest_only=False)) == 4


def test_get_variant_by_id_and_uid(store: Store) -> None:
    listed = store.variants.rows(kind="title")[1]
    by_id = store.variants.get(listed.id)
    by_uid = store.variants.get(listed.uid)
    by_text_id = store.variants.get(str(listed.id))
    assert by_id == by_uid == by_text_id
    listed_json = listed.to_json()
    assert {k: by_id.to_json()[k] for k in listed_json} == listed_json
    generation = by_id.generation
    assert generation is not None
    assert generation["template"] == "agent.j2"
    assert generation["template_hash"] == "t" * 16
    assert generation["variables"] == {"segment": "new-moms", "i": 0}
    assert generation["messages"][0] == {"role": "system", "content": "你是社群运营"}
    assert generation["response_text"] == '{"variants": []}'
    assert (generation["prompt_tokens"], generation["completion_tokens"]) == (120, 80)
    assert generation["tokens"] == 200 and generation["latency_ms"] == 12.5
    assert [v.id for v in by_id.versions] == [listed.id]
    assert by_id.assets == ()
    assert [(h["action"], h["to_status"]) for h in by_id.history] == [("generate", "draft")]
    assert by_id.history[0]["data"]["generation_id"] == generation["id"]
    with pytest.raises(NotFoundError):
        store.variants.get("0000000000")
    with pytest.raises(NotFoundError):
        store.variants.get(10_000)


def test_get_variant_of_an_edit_traces_to_its_generation(store: Store) -> None:
    original = store.variants.rows(kind="copy")[0]
    edited = store.variants.get(_add_version(store, original))
    assert edited.version == 2 and edited.parent_id == original.id
    assert [v.version for v in edited.versions] == [1, 2]
    assert (edited.generation or {})["id"] == original.generation_id
    assert len(edited.history) == 1  # the original's generate row


def test_list_campaigns_counts(store: Store) -> None:
    (campaign,) = store.variants.campaigns()
    assert campaign["id"] == CAMPAIGN_ID and campaign["name"] == "三月会员日"
    assert campaign["brand"]["name"] == "小鹿母婴"
    assert campaign["variants"] == 9
    assert campaign["by_status"] == {"approved": 2, "draft": 7}
    assert campaign["by_kind"] == {"copy": 6, "title": 3}
    assert campaign["jobs"] == {"ok": 4, "failed": 1}
    assert campaign["segments"] == 2 and campaign["runs"] == 1
    assert campaign["last_run_at"] is not None
    assert campaign["current_round"] == 1


def test_runs(store: Store) -> None:
    (run,) = store.runs.rows(campaign=CAMPAIGN_ID)
    assert store.runs.get(run["id"]) == run
    with pytest.raises(NotFoundError):
        store.runs.get(999)
