"""Drawing primitives on an RGB canvas: anti-aliased translucent shapes, gradients,
patterns, images and the QR symbol."""

from __future__ import annotations

import math
from collections.abc import Callable

from PIL import Image, ImageDraw

from workbench.poster.palette import RGB

Box = tuple[int, int, int, int]  # x, y, w, h in pixels


def _supersample(w: int, h: int) -> int:
    area = w * h
    return 3 if area < 250_000 else 2 if area < 1_500_000 else 1


def paint_mask(
    canvas: Image.Image,
    box: Box,
    color: RGB,
    opacity: float,
    shape: Callable[[ImageDraw.ImageDraw, int, int, int], None],
) -> None:
    """Draw ``shape`` (given a mask drawer, width, height, scale) in ``color`` into ``box``."""
    x, y, w, h = box
    if w <= 0 or h <= 0 or opacity <= 0:
        return
    s = _supersample(w, h)
    mask = Image.new("L", (w * s, h * s), 0)
    shape(ImageDraw.Draw(mask), w * s, h * s, s)
    if s > 1:
        mask = mask.resize((w, h), Image.Resampling.BOX)
    if opacity < 1:
        mask = mask.point(lambda v: round(v * opacity))
    # Clip to the canvas (shapes may bleed off the edges).
    cx0, cy0 = max(0, x), max(0, y)
    cx1, cy1 = min(canvas.width, x + w), min(canvas.height, y + h)
    if cx1 <= cx0 or cy1 <= cy0:
        return
    mask = mask.crop((cx0 - x, cy0 - y, cx1 - x, cy1 - y))
    canvas.paste(color, (cx0, cy0, cx1, cy1), mask)


def rect(canvas: Image.Image, box: Box, color: RGB, radius: float = 0, opacity: float = 1) -> None:
    """A rectangle with corner radius ``radius`` (fraction of the shorter side)."""
    x, y, w, h = box
    if radius <= 0 and opacity >= 1:
        canvas.paste(
            color, (max(0, x), max(0, y), min(canvas.width, x + w), min(canvas.height, y + h))
        )
        return

    def shape(d: ImageDraw.ImageDraw, mw: int, mh: int, s: int) -> None:
        r = round(min(mw, mh) * radius)
        d.rounded_rectangle((0, 0, mw - 1, mh - 1), radius=r, fill=255)

    paint_mask(canvas, box, color, opacity, shape)


def ellipse(canvas: Image.Image, box: Box, color: RGB, opacity: float = 1, stroke: int = 0) -> None:
    """A circle centred in ``box`` (diameter: the box's shorter side), so layouts that
    stretch with the aspect ratio never turn circles into ovals."""
    x, y, w, h = box
    d = min(w, h)
    box = (x + (w - d) // 2, y + (h - d) // 2, d, d)

    def shape(d: ImageDraw.ImageDraw, mw: int, mh: int, s: int) -> None:
        if stroke:
            d.ellipse((0, 0, mw - 1, mh - 1), outline=255, width=max(1, stroke * s))
        else:
            d.ellipse((0, 0, mw - 1, mh - 1), fill=255)

    paint_mask(canvas, box, color, opacity, shape)


def dots(canvas: Image.Image, box: Box, color: RGB, step: int, opacity: float = 1) -> None:
    step = max(4, step)
    r = max(1.0, step * 0.16)

    def shape(d: ImageDraw.ImageDraw, mw: int, mh: int, s: int) -> None:
        st, rr = step * s, r * s
        for row, yy in enumerate(range(st // 2, mh, st)):
            offset = st // 2 if row % 2 else 0
            for xx in range(st // 2 + offset, mw, st):
                d.ellipse((xx - rr, yy - rr, xx + rr, yy + rr), fill=255)

    paint_mask(canvas, box, color, opacity, shape)


def rays(canvas: Image.Image, box: Box, color: RGB, count: int, opacity: float = 1) -> None:
    """A sunburst from the box centre: ``count`` wedges."""

    def shape(d: ImageDraw.ImageDraw, mw: int, mh: int, s: int) -> None:
        cx, cy = mw / 2, mh / 2
        reach = math.hypot(mw, mh)
        span = math.pi / count
        for i in range(count):
            a0 = 2 * span * i
            a1 = a0 + span
            d.polygon(
                [
                    (cx, cy),
                    (cx + reach * math.cos(a0), cy + reach * math.sin(a0)),
                    (cx + reach * math.cos(a1), cy + reach * math.sin(a1)),
                ],
                fill=255,
            )

    paint_mask(canvas, box, color, opacity, shape)


def stripes(
    canvas: Image.Image, box: Box, color: RGB, count: int, angle: float, opacity: float = 1
) -> None:
    def shape(d: ImageDraw.ImageDraw, mw: int, mh: int, s: int) -> None:
        period = (mw + mh) / count
        slope = math.tan(math.radians(angle)) if abs(angle) < 89 else 0
        for i in range(-count, 2 * count):
            x0 = i * period
            d.polygon(
                [
                    (x0, 0),
                    (x0 + period / 2, 0),
                    (x0 + period / 2 - slope * mh, mh),
                    (x0 - slope * mh, mh),
                ],
                fill=255,
            )

    paint_mask(canvas, box, color, opacity, shape)


def gradient(size: tuple[int, int], a: RGB, b: RGB, angle: float) -> Image.Image:
    """``a`` to ``b`` across the canvas; 90 degrees runs top to bottom."""
    w, h = size
    ramp = Image.linear_gradient("L")  # 256x256, black at the top
    if angle % 360 != 90:
        ramp = ramp.rotate(90 - angle, resample=Image.Resampling.BILINEAR, expand=True)
        side = ramp.width
        inner = round(side / math.sqrt(2))
        off = (side - inner) // 2
        ramp = ramp.crop((off, off, off + inner, off + inner))
    mask = ramp.resize((w, h), Image.Resampling.BILINEAR)
    return Image.composite(Image.new("RGB", size, b), Image.new("RGB", size, a), mask)


def cover_image(path: str, size: tuple[int, int]) -> Image.Image:
    """The image scaled and centre-cropped to fill ``size``."""
    with Image.open(path) as src:
        img = src.convert("RGB")
    w, h = size
    scale = max(w / img.width, h / img.height)
    resized = img.resize(
        (max(w, round(img.width * scale)), max(h, round(img.height * scale))),
        Image.Resampling.LANCZOS,
    )
    left, top = (resized.width - w) // 2, (resized.height - h) // 2
    return resized.crop((left, top, left + w, top + h))


def contain_image(path: str, box: Box, align: str) -> tuple[Image.Image, tuple[int, int]]:
    """The image (RGBA) scaled to fit ``box`` and where to paste it."""
    with Image.open(path) as src:
        img = src.convert("RGBA")
    x, y, w, h = box
    scale = min(w / img.width, h / img.height)
    img = img.resize(
        (max(1, round(img.width * scale)), max(1, round(img.height * scale))),
        Image.Resampling.LANCZOS,
    )
    dx = {"left": 0, "center": (w - img.width) // 2, "right": w - img.width}[align]
    return img, (x + dx, y + (h - img.height) // 2)


def qr(
    canvas: Image.Image, origin: tuple[int, int], matrix: list[list[bool]], module: int, dark: RGB
) -> None:
    """The symbol's dark modules, ``module`` pixels each, from ``origin`` (no quiet zone)."""
    n = len(matrix)
    bits = Image.new("L", (n, n), 0)
    bits.putdata([255 if cell else 0 for row in matrix for cell in row])
    mask = bits.resize((n * module, n * module), Image.Resampling.NEAREST)
    x, y = origin
    canvas.paste(dark, (x, y, x + n * module, y + n * module), mask)
