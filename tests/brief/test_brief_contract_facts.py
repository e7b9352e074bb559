"""The brief fields the fact guard and the composer rely on; image paths checked at validate."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from workbench.brief.audience import address_for, operator_labels
from workbench.brief.loader import load_brief
from workbench.brief.models import RFM, Segment
from workbench.brief.schema import brief_json_schema
from workbench.errors import InputError
from workbench.locations import resource_dir
from workbench.segments import SegmentLibrary, default_library_path

BRIEF = """\
campaign:
  name: 三月会员日
  brand:
    name: 小鹿母婴
{logo}
  product:
    name: 有机婴儿米粉
    price: 89
{product}
segments:
  - {{id: a, name: 沉睡VIP, description: 一年内买过三次以上，近90天没有下单, address_as: 老朋友们}}
deliverables:
  - {{kind: copy, channel: sms{sms}}}
"""


def write(folder: Path, *, logo: str = "", product: str = "", sms: str = "") -> Path:
    path = folder / "brief.yaml"
    path.write_text(BRIEF.format(logo=logo, product=product, sms=sms), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_brief(path)
    return [str(p) for p in caught.value.problems]


def test_new_product_fields_default_and_load(tmp_path: Path) -> None:
    brief = load_brief(write(tmp_path)).brief
    product = brief.campaign.product
    assert (product.form, product.category, product.currency) == ("goods", "other", "CNY")
    assert product.proof == [] and product.short == "有机婴儿米粉"
    assert brief.deliverables[0].sms_parts == 1  # type: ignore[union-attr]
    full = (
        "    short_name: 米粉\n    form: service\n    category: health_food\n"
        "    currency: USD\n    price_unit: 盒\n    proof: [门店复购率41%（会员系统）]"
    )
    brief = load_brief(write(tmp_path, product=full, sms=", sms_parts: 2, max_chars: 120")).brief
    product = brief.campaign.product
    assert (product.short, product.form, product.category) == ("米粉", "service", "health_food")
    assert (product.currency, product.price_unit, product.proof) == (
        "USD",
        "盒",
        ["门店复购率41%（会员系统）"],
    )
    d = brief.deliverables[0]
    assert (d.sms_parts, d.max_chars) == (2, 120)  # type: ignore[union-attr]
    assert brief.resolved_segments()[0].address_as == "老朋友们"


def test_bad_values_are_one_line_problems(tmp_path: Path) -> None:
    path = write(tmp_path, product="    category: pets\n    currency: yuan\n    form: thing")
    found = problems(path)
    assert any(":9: campaign.product.category:" in p for p in found), found
    assert any(":10: campaign.product.currency:" in p for p in found), found
    assert any(":11: campaign.product.form:" in p for p in found), found
    bad_parts = tmp_path / "b2.yaml"
    bad_parts.write_text(
        BRIEF.format(logo="", product="", sms="").replace(
            "channel: sms", "channel: moments, sms_parts: 2"
        ),
        encoding="utf-8",
    )
    assert any("sms_parts applies to channel sms only" in p for p in problems(bad_parts))


def test_logo_outside_the_brief_folder_and_workspace_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    path = write(folder, logo="    logo: ../../../../etc/shadow")
    found = problems(path)
    assert len(found) == 1 and ":5: campaign.brand.logo:" in found[0]
    assert "outside the brief's folder and the workspace" in found[0]


def test_images_must_be_real_and_sane(tmp_path: Path) -> None:
    (tmp_path / "notes.png").write_text("not an image", encoding="utf-8")
    Image.new("RGB", (4, 4)).save(tmp_path / "tiny.png")
    Image.new("RGB", (120, 60)).save(tmp_path / "logo.png")
    Image.new("RGB", (300, 200)).save(tmp_path / "photo.jpg")
    Image.new("RGB", (40, 40)).save(tmp_path / "logo.gif")
    cases = {
        "notes.png": "is not a PNG, JPEG or WebP image",
        "tiny.png": "is 4x4 px",
        "missing.png": "no such file",
        "logo.gif": "is a GIF file",
    }
    for name, message in cases.items():
        found = problems(write(tmp_path, product=f"    image: {name}"))
        assert len(found) == 1 and message in found[0], found
        assert ":9: campaign.product.image:" in found[0]
    loaded = load_brief(write(tmp_path, logo="    logo: logo.png", product="    image: photo.jpg"))
    assert loaded.brief.campaign.product.image == "photo.jpg"


def test_workspace_images_are_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tmp_path / "ws"
    (ws / "briefs").mkdir(parents=True)
    (ws / "brand").mkdir()
    Image.new("RGB", (64, 64)).save(ws / "brand" / "logo.png")
    monkeypatch.setenv("WORKBENCH_HOME", str(ws))
    load_brief(write(ws / "briefs", logo="    logo: ../brand/logo.png"))


def test_schema_names_the_new_fields() -> None:
    schema = brief_json_schema()
    product = schema["$defs"]["Product"]["properties"]
    for key in ("short_name", "form", "category", "currency", "price_unit", "proof", "image"):
        assert key in product, key
    assert "address_as" in schema["$defs"]["Segment"]["properties"]
    copy = schema["$defs"]["CopyDeliverable"]["properties"]
    assert "sms_parts" in copy and "max_chars" in copy


def test_address_and_operator_labels() -> None:
    seg = Segment(
        id="d",
        name="价格敏感型",
        description="只在满减时下单，近90天没有下单",
        lifecycle="dormant",
        rfm=RFM(monetary="high"),
    )
    assert address_for(seg, "zh-CN") == "大家" and address_for(seg, "en-US") == "friends"
    assert address_for(None, "en-US") == "friends"
    labels = operator_labels(seg)
    for label in (
        "价格敏感型",
        "价格敏感",
        "近90天没有下单",
        "只在满减时下单",
        "沉睡客户",
        "高价值",
    ):
        assert label in labels, label
    assert list(labels) == sorted(labels, key=len, reverse=True)
    moms = Segment(id="m", name="新手妈妈", address_as="新手妈妈们")
    assert address_for(moms) == "新手妈妈们" and "新手妈妈" not in operator_labels(moms)


def test_shipped_library_and_examples_address_every_segment() -> None:
    library = SegmentLibrary.load(default_library_path())
    assert all(s.address_as for s in library)
    for path in sorted((resource_dir("templates") / "briefs").glob("*.yaml")):
        loaded = load_brief(path, library)
        assert all(s.address_as for s in loaded.segments), path
        assert loaded.brief.campaign.product.category != "other", path
