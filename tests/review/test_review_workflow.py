"""Approval steps, ban overrides, edits as versions, and the append-only audit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers_review import CAMPAIGN, first, generated_workspace, open_store

from workbench.errors import InputError
from workbench.lint import Linter, packaged_rules
from workbench.lint.briefcontext import context_from_raw
from workbench.review import ReviewError, ReviewRequest, edit, review
from workbench.store import Store
from workbench.store.findings import Finding
from workbench.store.variantrecord import Variant

STEPS = ["marketing", "legal"]


def relinter(store: Store):  # type: ignore[no-untyped-def]
    linter = Linter(packaged_rules())

    def relint(variant: Variant) -> list[Finding]:
        raw = store.reviews.latest_brief_raw(variant.campaign)
        ctx = context_from_raw(raw, variant.channel, variant.kind)
        return linter.lint_content(variant.kind, variant.content, ctx)

    return relint


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    return open_store(generated_workspace(tmp_path, monkeypatch))


def test_generation_stores_findings_with_the_ruleset(store: Store) -> None:
    sms = first(store, channel="sms")
    assert isinstance(sms.lint, list)
    assert all(f["ruleset"] == packaged_rules().version for f in sms.lint)


def test_approval_needs_every_step_in_order(store: Store) -> None:
    v = first(store, kind="copy")
    with pytest.raises(ReviewError, match="waits for 'marketing'"):
        review(store, [v.id], ReviewRequest("approve", "lee", step="legal"), STEPS)
    [r] = review(store, [v.id], ReviewRequest("approve", "mia"), STEPS)
    assert (r.from_status, r.to_status, r.step, r.pending_steps) == (
        "draft",
        "in_review",
        "marketing",
        ("legal",),
    )
    [r] = review(store, [v.id], ReviewRequest("approve", "lee"), STEPS)
    assert r.to_status == "approved" and store.variants.get(v.id).status == "approved"
    with pytest.raises(ReviewError, match="cannot approve"):
        review(store, [v.id], ReviewRequest("approve", "lee"), STEPS)


def test_rejection_resets_steps_and_needs_a_comment(store: Store) -> None:
    v = first(store, kind="copy")
    review(store, [v.id], ReviewRequest("approve", "mia"), STEPS)
    with pytest.raises(ReviewError, match="needs a comment"):
        review(store, [v.id], ReviewRequest("request_changes", "lee"), STEPS)
    review(store, [v.id], ReviewRequest("request_changes", "lee", reason="语气太硬"), STEPS)
    [r] = review(store, [v.id], ReviewRequest("approve", "mia"), STEPS)
    assert r.step == "marketing" and r.to_status == "in_review"


def test_ban_blocks_approval_without_reason_and_edit_makes_a_version(store: Store) -> None:
    v = first(store, channel="community")
    bad = {**v.content, "body": "全网最好的米粉，稳赚不赔"}
    new_id = edit(store, v.id, bad, "mia", relinter(store), comment="试一版")
    new = store.variants.get(new_id)
    assert (new.version, new.parent_id, new.status) == (2, v.id, "draft")
    assert store.variants.get(v.id).content == v.content  # the parent is kept
    assert [x.id for x in new.versions] == [v.id, new_id]
    with pytest.raises(ReviewError, match="newer version"):
        review(store, [v.id], ReviewRequest("approve", "mia"), ["review"])
    with pytest.raises(ReviewError, match="override reason"):
        review(store, [new_id], ReviewRequest("approve", "mia"), ["review"])
    assert store.variants.get(new_id).status == "draft"
    [r] = review(store, [new_id], ReviewRequest("approve", "mia", reason="法务确认"), ["review"])
    assert r.to_status == "approved"
    last = store.reviews.audit_trail(variant_id=new_id)[-1]
    assert last["data"]["override"] == "法务确认" and "最好" in last["data"]["ban_terms"]


def test_edit_rejects_content_of_another_shape(store: Store) -> None:
    v = first(store, channel="community")
    with pytest.raises(InputError, match="unknown field"):
        edit(store, v.id, {**v.content, "extra": "x"}, "mia", relinter(store))
    with pytest.raises(InputError, match="no changes"):
        edit(store, v.id, dict(v.content), "mia", relinter(store))


def test_many_ids_are_all_or_nothing(store: Store) -> None:
    a, b = store.variants.rows(campaign=CAMPAIGN, kind="copy")[:2]
    review(store, [b.id], ReviewRequest("approve", "x"), ["review"])
    with pytest.raises(ReviewError):
        review(store, [a.id, b.id], ReviewRequest("approve", "x"), ["review"])
    assert store.variants.get(a.id).status == "draft"


def test_audit_rows_cannot_be_updated_or_deleted(store: Store) -> None:
    v = first(store, kind="copy")
    review(store, [v.id], ReviewRequest("comment", "mia", reason="看看"), ["review"])
    conn = sqlite3.connect(store.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE reviews SET actor = 'eve'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM reviews")
    finally:
        conn.close()
    actions = [r["action"] for r in store.reviews.audit_trail(variant_id=v.id)]
    assert actions == ["generate", "comment"]
