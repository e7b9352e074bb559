"""Poster previews for terminals: a PNG as half-block cells (two pixels per character).

The TUI draws each cell as ``▀`` with the top pixel as the foreground colour and the bottom
pixel as the background colour. Pillow stays in the core; faces get plain tuples.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from workbench.errors import NotFoundError, WorkbenchError

RGB = tuple[int, int, int]
HalfBlockRow = list[tuple[RGB, RGB]]


def halfblock_cells(path: Path, width: int, max_rows: int) -> list[HalfBlockRow]:
    """``path`` scaled to fit ``width`` × ``max_rows`` cells, aspect kept; rows of
    (top, bottom) colours. Terminal cells are about twice as tall as wide, so one cell
    holds two square pixels stacked."""
    if width < 1 or max_rows < 1:
        return []
    try:
        with Image.open(path) as image:
            image.load()
            rgb = image.convert("RGB")
    except FileNotFoundError:
        raise NotFoundError(f"{path}: poster file not found") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise WorkbenchError(f"{path}: cannot read the image: {exc}") from None
    scale = min(width / rgb.width, (max_rows * 2) / rgb.height)
    cols = max(1, round(rgb.width * scale))
    rows = max(2, round(rgb.height * scale))
    rows += rows % 2
    small = rgb.resize((cols, rows), Image.Resampling.BOX)
    pixels = list(small.getdata())
    result: list[HalfBlockRow] = []
    for y in range(0, rows, 2):
        top = pixels[y * cols : (y + 1) * cols]
        bottom = pixels[(y + 1) * cols : (y + 2) * cols]
        result.append(list(zip(top, bottom, strict=True)))
    return result
