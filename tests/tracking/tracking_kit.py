"""Helpers shared by the tracking tests (imported by module name; not a test module): a
tracked campaign (community copy, posters with QR) and its workspace."""

from __future__ import annotations

from pathlib import Path

from workbench.cli.main import run

BASE_URL = "https://t.example.cn"
LANDING = "https://example.com/tea/open?store=cd01&utm_source=brand_sms&utm_medium=crm"
BRIEF = f"""\
campaign:
  id: tea-open
  name: 春熙路新店开业周
  goal: acquire
  brand:
    name: 一杯茶研所
    colors: ["#2E7D32", "#FFF8E1"]
  product:
    name: 春日限定·青提茉莉
    price: 18
    selling_points: [现摘青提, 茉莉冷萃茶底, 低糖可选]
    offer: 开业三天第二杯半价
    deadline: 2026-04-05
    landing_url: {LANDING}
segments:
  - {{id: office-workers, name: 周边白领, description: 25-35岁白领}}
deliverables:
  - kind: copy
    channel: community
    variants: 3
    styles: [hybrid, instruction]
  - kind: poster
    size: [xiaohongshu, square]
    template: qr-referral
    variants: 2
    qr: true
"""


def make_workspace(folder: Path, base_url: str) -> Path:
    assert run(["init", str(folder)]) == 0
    toml = folder / "workbench.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('base_url = ""', f'base_url = "{base_url}"'),
        encoding="utf-8",
    )
    (folder / "tea.yaml").write_text(BRIEF, encoding="utf-8")
    return folder
