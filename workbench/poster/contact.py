"""The contact sheet: every template filled with sample copy at a few sizes, on one PNG."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from workbench.fsio import atomic_write_bytes
from workbench.poster.fonts import load, typeface
from workbench.poster.render import encode_png, render
from workbench.poster.sample import sample_spec
from workbench.poster.sizes import parse_size
from workbench.poster.templates import Template, load_library

SHEET_SIZES = ("xiaohongshu", "moments", "square", "wechat_cover")
ROW_HEIGHT = 480
GAP = 24
LABEL = 44


def contact_sheet(language: str = "zh-CN", sizes: tuple[str, ...] = SHEET_SIZES) -> Image.Image:
    templates: list[Template] = list(load_library().values())
    rows: list[list[Image.Image]] = []
    for template in templates:
        row = []
        for name in sizes:
            size = parse_size(name)
            image = render(sample_spec(template.name, size, language)).image
            scale = ROW_HEIGHT / image.height
            if size.shape in ("wide", "banner"):
                scale = min(scale, 2.4 * ROW_HEIGHT / image.width)
            row.append(
                image.resize(
                    (round(image.width * scale), round(image.height * scale)),
                    Image.Resampling.LANCZOS,
                )
            )
        rows.append(row)
    width = max(sum(i.width for i in row) + GAP * (len(row) + 1) for row in rows)
    height = len(rows) * (ROW_HEIGHT + LABEL + GAP) + GAP
    sheet = Image.new("RGB", (width, height), (238, 238, 238))
    pen = ImageDraw.Draw(sheet)
    font = load(typeface("bold").runs("A")[0].ref, 26)
    y = GAP
    for template, row in zip(templates, rows, strict=True):
        title = f"{template.name} · {template.text(template.title, language)}"
        pen.text((GAP, y + LABEL - 12), title, font=font, fill=(40, 40, 40), anchor="ls")
        x = GAP
        for image in row:
            sheet.paste(image, (x, y + LABEL + (ROW_HEIGHT - image.height) // 2))
            x += image.width + GAP
        y += ROW_HEIGHT + LABEL + GAP
    return sheet


def write_contact_sheet(path: Path, language: str = "zh-CN") -> Path:
    atomic_write_bytes(path, encode_png(contact_sheet(language)))
    return path
