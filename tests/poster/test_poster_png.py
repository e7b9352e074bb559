"""The hand-written PNG: decodes to exactly the pixels Pillow's encoder stores, no metadata
chunks, stable bytes, and files of a size close to Pillow's."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from workbench.poster.png import encode
from workbench.poster.render import render
from workbench.poster.sample import sample_spec
from workbench.poster.sizes import parse_size


def _chunks(data: bytes) -> list[bytes]:
    kinds, pos = [], 8
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kinds.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return kinds


def _pillow(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=2)
    return buf.getvalue()


@pytest.mark.parametrize("template", ["bold-sale", "festival", "minimal-card", "qr-referral"])
def test_poster_decodes_to_the_same_pixels_as_pillows_png(template: str) -> None:
    image = render(sample_spec(template, parse_size("xiaohongshu"))).image
    ours, theirs = encode(image), _pillow(image)
    with Image.open(io.BytesIO(ours)) as a, Image.open(io.BytesIO(theirs)) as b:
        assert a.mode == b.mode == "RGB" and a.size == b.size
        assert a.tobytes() == b.tobytes() == image.tobytes()
    assert len(ours) < 1.2 * len(theirs)
    assert _chunks(ours) == [b"IHDR", b"IDAT", b"IEND"]
    assert encode(image) == ours


@pytest.mark.parametrize("mode", ["L", "RGB", "RGBA", "P", "1"])
def test_every_mode_round_trips(mode: str) -> None:
    image = Image.linear_gradient("L").resize((37, 11)).convert(mode)
    if mode == "RGBA":
        image.putalpha(Image.linear_gradient("L").resize((37, 11)).rotate(90))
    with Image.open(io.BytesIO(encode(image))) as decoded:
        assert decoded.mode == mode
        assert decoded.tobytes() == image.tobytes()


def test_one_row_image() -> None:
    image = Image.new("RGB", (5, 1), (10, 200, 30))
    with Image.open(io.BytesIO(encode(image))) as decoded:
        assert decoded.tobytes() == image.tobytes()
