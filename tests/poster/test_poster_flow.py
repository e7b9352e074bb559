"""generate -> posters on disk -> assets in the store -> the variants JSON contract; the
poster CLI commands."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from PIL import Image

from workbench.cli.main import run

BRIEF = """\
campaign:
  id: tea-open
  name: 春熙路新店开业周
  goal: acquire
  brand:
    name: 一杯茶研所
    colors: ["#2E7D32", "#FFF8E1"]
    logo: logo.png
  product:
    name: 春日限定·青提茉莉
    price: 18
    selling_points: [现摘青提, 茉莉冷萃茶底, 低糖可选]
    offer: 开业三天第二杯半价
    deadline: 2026-04-05
    landing_url: https://example.com/tea/open?store=cd01
segments:
  - {id: office-workers, name: 周边白领, description: 25-35岁白领}
deliverables:
  - kind: poster
    size: [xiaohongshu, wechat_cover]
    template: qr-referral
    variants: {variants}
    qr: true
"""


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    Image.new("RGB", (120, 60), (46, 125, 50)).save(folder / "logo.png")
    return folder


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def _brief(ws: Path, variants: int) -> Path:
    path = ws / "tea.yaml"
    path.write_text(BRIEF.replace("{variants}", str(variants)), encoding="utf-8")
    return path


def _posters(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, out, _ = cli(capsys, "variants", "list", "--kind", "poster", "--json")
    assert code == 0
    return json.loads(out)


def test_generate_renders_posters_and_records_assets(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(capsys, "generate", str(_brief(ws, 2)), "--offline")
    assert code == 0
    assert "Posters: 4 rendered" in out
    variants = _posters(capsys)
    assert len(variants) == 2
    for v in variants:
        assert {a["preset"] for a in v["assets"]} == {"xiaohongshu", "wechat_cover"}
        for asset in v["assets"]:
            assert {"path", "width", "height", "sha256", "template", "qr_url"} <= set(asset)
            path = Path(asset["path"])
            assert path.is_file() and path.is_relative_to(ws / "output")
            assert path.parent == ws / "output" / "tea-open" / "office-workers"
            assert path.name == f"qr-referral-{asset['preset']}-{v['uid']}.png"
            assert asset["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
            with Image.open(path) as image:
                assert image.size == (asset["width"], asset["height"])
            query = dict(parse_qsl(urlsplit(asset["qr_url"]).query))
            assert query["store"] == "cd01"
            assert query["utm_content"] == v["uid"]
            # The brief's landing URL sets no utm_source: "poster", never the size preset.
            assert query["utm_source"] == "poster"
            assert query["utm_medium"] == "poster" and query["utm_campaign"] == "tea-open"
            assert v["link"]["target"] == asset["qr_url"]
    code, out, _ = cli(capsys, "variants", "show", variants[0]["uid"], "--json")
    shown = json.loads(out)
    assert [a["path"] for a in shown["assets"]] == [a["path"] for a in variants[0]["assets"]]
    # Non-poster variants carry an empty list; the contract's other keys are unchanged.
    assert "content" in variants[0] and "uid" in variants[0]


def test_rerun_does_not_duplicate_and_resume_renders_missing(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = _brief(ws, 1)
    assert cli(capsys, "generate", str(brief), "--offline")[0] == 0
    first = _posters(capsys)[0]["assets"]
    for asset in first:
        Path(asset["path"]).unlink()
    from workbench.store import Store

    with Store.open(ws / "workbench.db") as store:
        store._conn.execute("DELETE FROM assets")
        store._conn.commit()
    assert cli(capsys, "generate", str(brief), "--offline")[0] == 0
    again = _posters(capsys)[0]["assets"]
    assert [a["sha256"] for a in again] == [a["sha256"] for a in first]
    assert all(Path(a["path"]).is_file() for a in again)


def test_large_batches_use_the_pool_and_stay_deterministic(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.poster.sample import sample_spec
    from workbench.poster.service import POOL_THRESHOLD, RenderTask, render_file, render_files
    from workbench.poster.sizes import parse_size

    tasks = [
        RenderTask(i, sample_spec("festival", parse_size("wechat_cover")), str(ws / f"p{i}.png"))
        for i in range(POOL_THRESHOLD + 2)
    ]
    pooled = render_files(tasks, workers=2)
    single = render_file(RenderTask(0, tasks[0].spec, str(ws / "single.png")))
    assert [f.variant_id for f in pooled] == list(range(len(tasks)))
    assert {f.sha256 for f in pooled} == {single.sha256}


def test_poster_render_command(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "generate", str(_brief(ws, 1)), "--offline")[0] == 0
    uid = _posters(capsys)[0]["uid"]
    code, out, _ = cli(
        capsys, "poster", "render", uid, "--template", "festival", "--size", "square", "--json"
    )
    assert code == 0
    files = json.loads(out)
    assert len(files) == 1 and files[0]["width"] == 1080 and files[0]["template"] == "festival"
    assert Path(files[0]["path"]).name == f"festival-square-{uid}.png"
    # Same variant, template and size: byte-identical file, one asset row (not two).
    code, out, _ = cli(capsys, "poster", "render", uid, "-t", "festival", "-s", "square", "--json")
    assert json.loads(out)[0]["sha256"] == files[0]["sha256"]
    assets = _posters(capsys)[0]["assets"]
    assert [a["template"] for a in assets].count("festival") == 1
    code, out, _ = cli(capsys, "poster", "render", uid, "--no-qr", "-s", "800x800")
    assert code == 0 and "800×800" in out
    assert _posters(capsys)[0]["assets"][-1]["qr_url"] is None


def test_poster_render_errors_are_one_line(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "generate", str(_brief(ws, 1)), "--offline")[0] == 0
    uid = _posters(capsys)[0]["uid"]
    code, _, err = cli(capsys, "poster", "render", uid, "--template", "nope")
    assert code == 3 and "poster template 'nope' not found" in err
    code, _, err = cli(capsys, "poster", "render", uid, "--size", "huge")
    assert code == 2 and "unknown size" in err
    code, _, err = cli(capsys, "poster", "render", "ffffffffff")
    assert code == 3 and "not found" in err


def test_poster_templates_lists_and_writes_a_contact_sheet(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(capsys, "poster", "templates", "--json")
    assert code == 0
    data = json.loads(out)
    names = {t["name"] for t in data["templates"]}
    assert {"bold-sale", "minimal-card", "festival", "qr-referral"} <= names
    sheet = Path(data["contact_sheet"])
    assert sheet == ws / "output" / "poster-templates.png"
    with Image.open(sheet) as image:
        assert image.width > 2000 and image.height > 4 * 480
    code, out, _ = cli(capsys, "poster", "templates", "--no-sheet")
    assert code == 0 and "qr-referral" in out


def test_brand_logo_replaces_the_brand_name(ws: Path) -> None:
    from workbench.poster.render import render
    from workbench.poster.sample import sample_spec
    from workbench.poster.sizes import parse_size

    logo = ws / "logo.png"
    spec = sample_spec("bold-sale", parse_size("xiaohongshu"))
    with_logo = render(spec.__class__(**{**spec.__dict__, "logo_path": str(logo)}))
    without = render(spec)
    assert "logo" in with_logo.boxes and "brand" not in with_logo.boxes
    assert "brand" in without.boxes and "logo" not in without.boxes
    x, y, w, h = with_logo.boxes["logo"]
    assert with_logo.image.getpixel((x + w // 2, y + h // 2)) == (46, 125, 50)
