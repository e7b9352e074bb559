"""Drawing primitives on an RGB canvas: anti-aliased translucent shapes, gradients,
patterns, images and the QR symbol."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache

from PIL import Image, ImageDraw

from workbench.poster.palette import RGB

Box = tuple[int, int, int, int]  # x, y, w, h in pixels


def _supersample(w: int, h: int) -> float:
    """Mask scale: 3x for small shapes (crisp edges), 1x mid-size, 0.5x for shapes bigger
    than a third of a 1080x1440 canvas (soft decoration; the upscale costs little)."""
    area = w * h
    return 3 if area < 120_000 else 2 if area < 400_000 else 1 if area < 600_000 else 0.5


def paint_mask(
    canvas: Image.Image,
    box: Box,
    color: RGB,
    opacity: float,
    shape: Callable[[ImageDraw.ImageDraw, int, int, float, int], None],
    key: tuple[object, ...] | None = None,
) -> None:
    """Draw ``shape`` (mask drawer, shape width, height, scale, fill value) in ``color``.

    ``key`` names a decoration whose mask depends only on its geometry: such masks are
    cached, so a batch of posters of one template draws each sunburst once.

    Only the part of the box inside the canvas is drawn: the drawer's coordinates are
    shifted so a shape bleeding off the edges costs no more than its visible part."""
    x, y, w, h = box
    if w <= 0 or h <= 0 or opacity <= 0:
        return
    cx0, cy0 = max(0, x), max(0, y)
    cx1, cy1 = min(canvas.width, x + w), min(canvas.height, y + h)
    if cx1 <= cx0 or cy1 <= cy0:
        return
    vw, vh = cx1 - cx0, cy1 - cy0
    cache_key = None if key is None else (*key, box, canvas.size, opacity)
    mask = _MASKS.get(cache_key) if cache_key else None
    if mask is None:
        s = _supersample(vw, vh)
        mw, mh = max(1, round(vw * s)), max(1, round(vh * s))
        mask = Image.new("L", (mw, mh), 0)
        shift = _Shifted(ImageDraw.Draw(mask), (x - cx0) * s, (y - cy0) * s)
        shape(shift, round(w * s), round(h * s), s, round(255 * opacity))  # type: ignore[arg-type]
        if (mw, mh) != (vw, vh):
            resample = Image.Resampling.BOX if s > 1 else Image.Resampling.BILINEAR
            mask = mask.resize((vw, vh), resample)
        if cache_key:
            if len(_MASKS) >= 48:
                _MASKS.pop(next(iter(_MASKS)))
            _MASKS[cache_key] = mask
    canvas.paste(color, (cx0, cy0, cx1, cy1), mask)


_MASKS: dict[tuple[object, ...], Image.Image] = {}


class _Shifted:
    """An ImageDraw whose coordinates are offset by (dx, dy)."""

    def __init__(self, draw: ImageDraw.ImageDraw, dx: float, dy: float) -> None:
        self.draw, self.dx, self.dy = draw, dx, dy

    def _xy(self, xy: Sequence[float] | Sequence[tuple[float, float]]) -> list[float]:
        flat: list[float] = []
        for item in xy:
            if isinstance(item, tuple):
                flat.extend(item)
            else:
                flat.append(item)
        return [v + (self.dx if i % 2 == 0 else self.dy) for i, v in enumerate(flat)]

    def ellipse(self, xy: Sequence[float], **kw: object) -> None:
        self.draw.ellipse(self._xy(xy), **kw)  # type: ignore[arg-type]

    def polygon(self, xy: Sequence[tuple[float, float]], **kw: object) -> None:
        self.draw.polygon(self._xy(xy), **kw)  # type: ignore[arg-type]

    def rounded_rectangle(self, xy: Sequence[float], **kw: object) -> None:
        self.draw.rounded_rectangle(self._xy(xy), **kw)  # type: ignore[arg-type]


def rect(canvas: Image.Image, box: Box, color: RGB, radius: float = 0, opacity: float = 1) -> None:
    """A rectangle with corner radius ``radius`` (fraction of the shorter side)."""
    x, y, w, h = box
    r = round(min(w, h) * radius)
    if opacity >= 1 and w > 0 and h > 0:
        # Opaque: solid fills for the body, anti-aliased masks only for the four corners.
        canvas.paste(color, _clip(canvas, (x + r, y, w - 2 * r, h)))
        canvas.paste(color, _clip(canvas, (x, y + r, r, h - 2 * r)))
        canvas.paste(color, _clip(canvas, (x + w - r, y + r, r, h - 2 * r)))
        if r > 0:
            for cx, cy in ((x, y), (x + w - r, y), (x, y + h - r), (x + w - r, y + h - r)):
                ox, oy = (0 if cx == x else -r), (0 if cy == y else -r)

                def corner(
                    d: ImageDraw.ImageDraw,
                    mw: int,
                    mh: int,
                    s: float,
                    v: int,
                    ox: int = ox,
                    oy: int = oy,
                ) -> None:
                    d.ellipse((ox * s, oy * s, (ox + 2 * r) * s - 1, (oy + 2 * r) * s - 1), fill=v)

                paint_mask(canvas, (cx, cy, r, r), color, 1, corner)
        return

    def shape(d: ImageDraw.ImageDraw, mw: int, mh: int, s: float, v: int) -> None:
        d.rounded_rectangle((0, 0, mw - 1, mh - 1), radius=round(r * s), fill=v)

    paint_mask(canvas, box, color, opacity, shape)


def _clip(canvas: Image.Image, box: Box) -> tuple[int, int, int, int]:
    x, y, w, h = box
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(canvas.width, x + max(0, w)), min(canvas.height, y + max(0, h))
    return (x0, y0, max(x0, x1), max(y0, y1))


def ellipse(canvas: Image.Image, box: Box, color: RGB, opacity: float = 1, stroke: int = 0) -> None:
    """A circle centred in ``box`` (diameter: the box's shorter side), so layouts that
    stretch with the aspect ratio never turn circles into ovals."""
    x, y, w, h = box
    d = min(w, h)
    box = (x + (w - d) // 2, y + (h - d) // 2, d, d)

    def shape(d: ImageDraw.ImageDraw, mw: int, mh: int, s: float, v: int) -> None:
        if stroke:
            d.ellipse((0, 0, mw - 1, mh - 1), outline=v, width=max(1, round(stroke * s)))
        else:
            d.ellipse((0, 0, mw - 1, mh - 1), fill=v)

    paint_mask(canvas, box, color, opacity, shape)


def dots(canvas: Image.Image, box: Box, color: RGB, step: int, opacity: float = 1) -> None:
    step = max(4, step)
    r = max(1.0, step * 0.16)

    def shape(d: ImageDraw.ImageDraw, mw: int, mh: int, s: float, v: int) -> None:
        st, rr = max(2, round(step * s)), r * s
        for row, yy in enumerate(range(st // 2, mh, st)):
            offset = st // 2 if row % 2 else 0
            for xx in range(st // 2 + offset, mw, st):
                d.ellipse((xx - rr, yy - rr, xx + rr, yy + rr), fill=v)

    paint_mask(canvas, box, color, opacity, shape, key=("dots", step))


def rays(canvas: Image.Image, box: Box, color: RGB, count: int, opacity: float = 1) -> None:
    """A sunburst from the box centre: ``count`` wedges."""

    def shape(d: ImageDraw.ImageDraw, mw: int, mh: int, s: float, v: int) -> None:
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
                fill=v,
            )

    paint_mask(canvas, box, color, opacity, shape, key=("rays", count))


def stripes(
    canvas: Image.Image, box: Box, color: RGB, count: int, angle: float, opacity: float = 1
) -> None:
    def shape(d: ImageDraw.ImageDraw, mw: int, mh: int, s: float, v: int) -> None:
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
                fill=v,
            )

    paint_mask(canvas, box, color, opacity, shape, key=("stripes", count, angle))


@lru_cache(maxsize=4)
def gradient(size: tuple[int, int], a: RGB, b: RGB, angle: float) -> Image.Image:
    """``a`` to ``b`` across the canvas; 90 degrees runs top to bottom, 0 left to right.
    Coloured at low resolution (one row or column when axis-aligned) and scaled up.
    Cached (a batch of one template and size repeats it): paste it, never draw on it."""
    w, h = size
    ramp = Image.linear_gradient("L")  # 256x256, black at the top
    turn = angle % 360
    if turn == 90:
        small, full = ramp.resize((1, h), Image.Resampling.BILINEAR), Image.Resampling.NEAREST
    elif turn == 0:
        row = ramp.rotate(90, expand=True)
        small, full = row.resize((w, 1), Image.Resampling.BILINEAR), Image.Resampling.NEAREST
    else:
        ramp = ramp.rotate(90 - angle, resample=Image.Resampling.BILINEAR, expand=True)
        side = ramp.width
        inner = round(side / math.sqrt(2))
        off = (side - inner) // 2
        ramp = ramp.crop((off, off, off + inner, off + inner))
        small = ramp.resize((max(2, w // 6), max(2, h // 6)), Image.Resampling.BILINEAR)
        full = Image.Resampling.BILINEAR
    bands = [
        small.point([round(a[i] + (b[i] - a[i]) * v / 255) for v in range(256)]) for i in range(3)
    ]
    return Image.merge("RGB", bands).resize((w, h), full)


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
