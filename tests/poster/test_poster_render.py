"""Determinism, golden images, sizes/shapes, fonts (fallback, emoji dropped), templates."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from workbench.errors import InputError
from workbench.poster.fonts import bundled_chars, is_emoji, system_font_for, typeface
from workbench.poster.render import encode_png, render
from workbench.poster.sample import sample_spec
from workbench.poster.sizes import parse_size, parse_sizes, shape_of
from workbench.poster.templates import load_library, load_template

# Reference renders of the sample copy: a quarter-size golden PNG per (template, size),
# compared with a small tolerance, so the test passes on any machine's FreeType or fails.
# They change only when a template, the renderer or the bundled font changes: look at the
# new renders (workbench poster templates) and update the PNGs.
GOLDEN_DIR = Path(__file__).parent / "golden"
GOLDEN = [
    ("bold-sale", "xiaohongshu"),
    ("qr-referral", "wechat_cover"),
    ("festival", "moments"),
    ("minimal-card", "square"),
]


def _sha(template: str, size: str) -> str:
    data = encode_png(render(sample_spec(template, parse_size(size))).image)
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_golden_images(key: tuple[str, str]) -> None:
    image = render(sample_spec(key[0], parse_size(key[1]))).image
    thumb = image.resize((image.width // 4, image.height // 4), Image.Resampling.BOX)
    with Image.open(GOLDEN_DIR / f"{key[0]}-{key[1]}.png") as golden:
        diff = ImageChops.difference(thumb, golden.convert("RGB"))
    mean = sum(ImageStat.Stat(diff).mean) / 3
    assert mean < 2.0, f"{key}: mean difference {mean:.2f} from the golden image"


@pytest.mark.parametrize("template", sorted(load_library()))
def test_same_input_gives_identical_bytes(template: str) -> None:
    assert _sha(template, "square") == _sha(template, "square")


def test_png_has_no_metadata_chunks() -> None:
    data = encode_png(render(sample_spec("festival", parse_size("wechat_cover"))).image)
    for chunk in (b"tIME", b"tEXt", b"iTXt", b"zTXt"):
        assert chunk not in data


def test_templates_look_different() -> None:
    hashes = {_sha(name, "xiaohongshu") for name in load_library()}
    assert len(hashes) == len(load_library()) >= 4


@pytest.mark.parametrize(
    ("spec", "size", "shape"),
    [
        ("xiaohongshu", (1080, 1440), "portrait"),
        ("douyin", (1080, 1920), "tall"),
        ("moments", (1080, 1920), "tall"),
        ("square", (1080, 1080), "square"),
        ("wechat_cover", (900, 383), "banner"),
        ("a4", (2480, 3508), "portrait"),
        ([1200, 800], (1200, 800), "wide"),
        ("1920x1080", (1920, 1080), "wide"),
    ],
)
def test_size_presets_and_shapes(spec: object, size: tuple[int, int], shape: str) -> None:
    parsed = parse_size(spec)
    assert (parsed.width, parsed.height) == size
    assert parsed.shape == shape == shape_of(*size)


def test_size_lists_and_errors() -> None:
    assert [s.label for s in parse_sizes(["xiaohongshu", "douyin"])] == ["xiaohongshu", "douyin"]
    assert [s.label for s in parse_sizes([1080, 1440])] == ["xiaohongshu"]
    assert [s.label for s in parse_sizes("square,wechat_cover")] == ["square", "wechat_cover"]
    for bad in ("poster", [10, 10], "99999x2", [1, 2, 3]):
        with pytest.raises(InputError):
            parse_sizes(bad)


def test_banner_uses_its_own_layout() -> None:
    for name, template in load_library().items():
        shape, _ = template.layout_for("banner")
        assert shape == "banner", name
    result = render(sample_spec("bold-sale", parse_size("wechat_cover")))
    assert result.shape == "banner" and result.image.size == (900, 383)


def test_emoji_are_dropped_not_drawn() -> None:
    face = typeface("regular")
    text, dropped = face.clean("会员日🎉快来👍🏻")
    assert text == "会员日快来"
    assert "🎉" in dropped and is_emoji("🎉")
    spec = sample_spec("bold-sale", parse_size("square"))
    result = render(spec.__class__(**{**spec.__dict__, "headline": "会员日🎉快来"}))
    assert any("dropped" in note for note in result.notes)


def test_characters_outside_the_subset_fall_back_to_a_system_font() -> None:
    rare = "龘"
    assert rare not in bundled_chars()
    ref = system_font_for(rare, "regular")
    if ref is None:
        pytest.skip("no system font with this character (install fonts-noto-cjk)")
    face = typeface("regular")
    runs = face.runs(f"好{rare}好")
    assert [r.text for r in runs] == ["好", rare, "好"]
    assert runs[1].ref.path != runs[0].ref.path


def test_bundled_font_covers_the_example_briefs() -> None:
    root = Path(__file__).resolve().parents[2]
    chars = bundled_chars()
    for brief in (root / "templates" / "briefs").glob("*.yaml"):
        text = brief.read_text(encoding="utf-8")
        missing = {c for c in text if ord(c) > 0x2E80 and c not in chars}
        assert not missing, (brief.name, missing)


def test_template_errors_name_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "title: {en-US: x}\ndescription: {en-US: x}\nlayouts:\n  portrait:\n"
        "    background: {fill: primary}\n    elements:\n"
        "      - {type: text, field: nope, box: [0, 0, 1, 1]}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_template(path)
    message = str(caught.value)
    assert "broken.yaml:" in message and "layouts" in message
