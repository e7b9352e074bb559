"""``export CAMPAIGN --format pack``: approved copy ready to paste, posters, links, index."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_review import CAMPAIGN, generated_workspace, open_store

from workbench.cli.main import run
from workbench.errors import InputError
from workbench.export import export_campaign


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return generated_workspace(tmp_path, monkeypatch)


def test_pack_holds_approved_copy_posters_links_and_an_escaped_index(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(ws) as store:
        sms = store.variants.rows(campaign=CAMPAIGN, channel="sms")[0]
        poster = store.variants.rows(campaign=CAMPAIGN, kind="poster")[0]
        draft = store.variants.rows(campaign=CAMPAIGN, channel="community")[0]
        hostile = store.reviews.add_version(
            store.variants.rows(campaign=CAMPAIGN, channel="community")[1].id,
            {
                **store.variants.rows(campaign=CAMPAIGN, channel="community")[1].content,
                "body": "<script>alert(1)</script>",
            },
            [],
            "x",
        )
        title = store.variants.rows(campaign=CAMPAIGN, kind="title")[0]
    ids = [str(sms.id), str(poster.id), str(hostile), str(title.id)]
    assert run(["review", "approve", *ids]) == 0
    capsys.readouterr()
    folder = ws / "pack"
    assert run(["export", "1", "--format", "pack", "--out", str(folder)]) == 0
    assert "Exported 4 variants" in capsys.readouterr().out
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in index and "&lt;script&gt;" in index
    assert "Publish pack · member-day-2026-03" in index
    texts = {p.relative_to(folder).as_posix(): p for p in folder.rglob("*.txt")}
    sms_file = f"{sms.segment}/sms/{sms.id}.txt"
    assert sms_file in texts and f"{draft.id}.txt" not in "".join(texts)
    assert texts[sms_file].read_text(encoding="utf-8").strip() == sms.content["body"].strip()
    (title_file,) = folder.rglob(f"{title.id}.txt")
    assert title_file.read_text(encoding="utf-8").strip() == title.content["text"]  # no 〔〕
    pngs = list(folder.rglob(f"{poster.id}.png"))
    assert len(pngs) == 1 and pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pngs[0].relative_to(folder).as_posix() in index  # the index shows it
    assert "utm_content=" in index  # tracked links beside the copy
    with open_store(ws) as store:
        assert store.reviews.audit_trail(campaign=CAMPAIGN)[-1]["data"]["format"] == "pack"


def test_pack_without_approved_content_says_so(ws: Path) -> None:
    with open_store(ws) as store, pytest.raises(InputError, match="no approved content yet"):
        export_campaign(store, ws, CAMPAIGN, "pack", "mia", out=ws / "p", language="en-US")
    assert not (ws / "p").exists()  # nothing written


def test_pack_index_in_chinese(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(ws) as store:
        vid = store.variants.rows(campaign=CAMPAIGN, channel="sms")[0].id
    assert run(["review", "approve", str(vid)]) == 0
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    assert run(["export", CAMPAIGN, "--format", "pack", "--out", str(ws / "p")]) == 0
    index = (ws / "p" / "index.html").read_text(encoding="utf-8")
    assert "发布包 · member-day-2026-03" in index and '<html lang="zh-CN">' in index
