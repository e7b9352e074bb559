"""QR codes: the drawn symbol decodes to the poster's URL (pixel matrix == the encoder's
matrix; zbarimg when installed). The tracked link itself: tests/tracking."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL.Image import Image

from workbench.poster.qr import qr_matrix
from workbench.poster.render import encode_png, render
from workbench.poster.sample import sample_spec
from workbench.poster.sizes import parse_size


def _drawn_matrix(png_image: Image, box: tuple[int, int, int, int], n: int) -> list[list[bool]]:
    x, y, w, _ = box
    module = w / n
    gray = png_image.convert("L")

    def dark(r: int, c: int) -> bool:
        value = gray.getpixel((round(x + (c + 0.5) * module), round(y + (r + 0.5) * module)))
        assert isinstance(value, int)  # one band ("L"): a number per pixel
        return value < 128

    return [[dark(r, c) for c in range(n)] for r in range(n)]


@pytest.mark.parametrize("template", ["bold-sale", "qr-referral", "festival", "minimal-card"])
@pytest.mark.parametrize("size", ["xiaohongshu", "wechat_cover", "moments"])
def test_drawn_symbol_matches_the_url(template: str, size: str) -> None:
    spec = sample_spec(template, parse_size(size))
    assert spec.qr_url
    result = render(spec)
    expected = qr_matrix(spec.qr_url)
    assert _drawn_matrix(result.image, result.boxes["qr"], len(expected)) == expected


def test_no_qr_without_a_url() -> None:
    result = render(sample_spec("bold-sale", parse_size("xiaohongshu"), qr=False))
    assert "qr" not in result.boxes


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) not installed")
@pytest.mark.parametrize("size", ["xiaohongshu", "wechat_cover"])
def test_zbarimg_decodes_the_poster(tmp_path: Path, size: str) -> None:
    spec = sample_spec("bold-sale", parse_size(size))
    path = tmp_path / "poster.png"
    path.write_bytes(encode_png(render(spec).image))
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True, check=False
    )
    assert done.stdout.strip() == spec.qr_url
