"""Editing a poster draws the new version's PNG and marks the old version's files
superseded (the one core path the TUI and ``workbench review edit`` share)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PIL import Image

from workbench.app import make_workbench
from workbench.cli.main import run

BRIEF = """campaign:
  id: poster-edit
  name: 海报编辑
  brand: {name: 小鹿母婴}
  product: {name: 有机婴儿米粉, price: 89, offer: 满199减50, landing_url: "https://example.com/r"}
segments:
  - {id: new-moms, name: 新手妈妈, description: 第一次买辅食}
deliverables:
  - {kind: poster, size: square, template: minimal-card, variants: 1, qr: true}
"""


def _workspace(folder: Path) -> Path:
    assert run(["init", str(folder)]) == 0
    brief = folder / "briefs" / "poster-edit.yaml"
    brief.write_text(BRIEF, encoding="utf-8")
    assert run(["--db", str(folder / "workbench.db"), "generate", str(brief), "--offline"]) == 0
    return folder


def test_an_edited_poster_is_drawn_again_and_the_old_file_superseded(tmp_path: Path) -> None:
    folder = _workspace(tmp_path / "ws")
    wb = make_workbench(folder)
    try:
        old = next(v for v in wb.store.variants.rows(campaign="poster-edit"))
        [old_file] = wb.store.assets.by_variant([old.id])[old.id]
        assert old_file["superseded_by"] is None
        old_bytes = Path(old_file["path"]).read_bytes()
        content = {**old.content, "headline": "宝宝第一口辅食"}
        new_id = wb.edit(old.id, content, comment="新标题")
        [new_file] = wb.store.assets.by_variant([new_id])[new_id]
        [marked] = wb.store.assets.by_variant([old.id])[old.id]
    finally:
        wb.close()
    # drawn like the old one: same template, size and QR, at its own path
    assert new_file["path"] != old_file["path"]
    assert (new_file["template"], new_file["width"], new_file["height"]) == (
        "minimal-card",
        old_file["width"],
        old_file["height"],
    )
    assert new_file["qr_url"] and new_file["superseded_by"] is None
    png = Path(new_file["path"])
    assert hashlib.sha256(png.read_bytes()).hexdigest() == new_file["sha256"]
    assert png.read_bytes() != old_bytes
    with Image.open(png) as image:
        assert image.size == (old_file["width"], old_file["height"])
    # the old file stays (it is that version's picture) and says what replaced it
    assert marked["superseded_by"] == new_id
    assert Path(marked["path"]).read_bytes() == old_bytes


def test_the_cli_edit_path_draws_it_too(tmp_path: Path, capsys: object) -> None:
    folder = _workspace(tmp_path / "ws")
    db = str(folder / "workbench.db")
    wb = make_workbench(folder)
    try:
        old = next(v for v in wb.store.variants.rows(campaign="poster-edit"))
    finally:
        wb.close()
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps({**old.content, "cta": "扫码领试吃装"}), encoding="utf-8")
    code = run(["--db", db, "review", "edit", str(old.id), "--content-file", str(edited)])
    assert code == 0
    wb = make_workbench(folder)
    try:
        newest = max(v.id for v in wb.store.variants.rows(campaign="poster-edit"))
        assert newest != old.id
        assert len(wb.store.assets.by_variant([newest])[newest]) == 1
        assert wb.store.assets.by_variant([old.id])[old.id][0]["superseded_by"] == newest
    finally:
        wb.close()
