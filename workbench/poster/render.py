"""Render a poster: template layout for the size's shape + brand palette + copy -> image.

Deterministic: no randomness, no clocks; the same spec gives the same pixels, and
``encode_png`` writes no metadata, so the same spec gives byte-identical PNG files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from PIL import Image, ImageDraw

from workbench.poster import draw, png
from workbench.poster.fit import Fitted, fit_list, fit_text
from workbench.poster.fonts import load, typeface
from workbench.poster.palette import (
    BLACK,
    MIN_CONTRAST,
    RGB,
    WHITE,
    Palette,
    brand_palette,
    contrast,
    min_contrast,
    readable,
)
from workbench.poster.qr import qr_matrix
from workbench.poster.spec import PosterSpec
from workbench.poster.templates import Element, Layout, Template, get_template

PNG_COMPRESS_LEVEL = 2
BASELINE = 0.86  # baseline below the line's em-box top, in ems (Noto Sans CJK)
QR_QUIET = 3  # modules of light margin inside the QR card


@dataclass
class Rendered:
    image: Image.Image
    template: str
    shape: str
    notes: list[str] = field(default_factory=list)
    boxes: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    text_boxes: list[tuple[str, tuple[int, int, int, int], tuple[int, int, int, int]]] = field(
        default_factory=list
    )
    """(field, element box, ink box of the placed lines) for every text drawn."""


def _drawn(spec: PosterSpec, el: Element) -> bool:
    if not el.when:
        return True
    return spec.condition(el.when.lstrip("!")) == (not el.when.startswith("!"))


def with_price_shown(spec: PosterSpec, layout: Layout) -> PosterSpec:
    """The spec with the price as the first bullet when this layout has no price field (a
    poster always shows the price there is), unless the copy already says it."""
    price = spec.field_text("price")
    if not price or any(el.field == "price" and _drawn(spec, el) for el in layout.elements):
        return spec
    if any(price in t for t in (spec.headline, spec.subheadline, *spec.bullets)):
        return spec
    return replace(spec, bullets=(price, *spec.bullets[:3]))


class Renderer:
    def __init__(self, spec: PosterSpec, template: Template) -> None:
        self.spec = spec
        self.template = template
        self.w, self.h = spec.size.width, spec.size.height
        self.unit = min(self.w, self.h) / 100
        self.palette: Palette = brand_palette(spec.colors, template.palette)
        self.canvas = Image.new("RGB", (self.w, self.h), self.palette.get("paper"))
        self.pen = ImageDraw.Draw(self.canvas)
        self.dropped: set[str] = set()
        self.notes: list[str] = []

    # geometry -----------------------------------------------------------------
    def px(self, box: tuple[float, float, float, float]) -> draw.Box:
        x, y, w, h = box
        x0, y0 = round(x * self.w), round(y * self.h)
        return x0, y0, round((x + w) * self.w) - x0, round((y + h) * self.h) - y0

    def units(self, value: float) -> int:
        return max(1, round(value * self.unit))

    # drawing ------------------------------------------------------------------
    def run(self) -> Rendered:
        shape, layout = self.template.layout_for(self.spec.size.shape)
        self.spec = with_price_shown(self.spec, layout)
        result = Rendered(self.canvas, self.template.name, shape)
        self.background(layout)
        for element in layout.elements:
            if element.when:
                wanted = not element.when.startswith("!")
                if self.spec.condition(element.when.lstrip("!")) != wanted:
                    continue
            self.element(element, result)
        if self.dropped:
            chars = "".join(sorted(self.dropped))
            self.notes.append(f"dropped characters no bundled or system font draws: {chars}")
        result.notes = self.notes
        return result

    def background(self, layout: Layout) -> None:
        bg = layout.background
        if bg.image:
            base = os.path.dirname(self.template.source)
            path = os.path.join(base, bg.image)
            if os.path.isfile(path):
                self.canvas.paste(draw.cover_image(path, (self.w, self.h)))
                return
            self.notes.append(f"background image not found: {path}")
        if bg.gradient:
            a, b = (self.palette.get(c) for c in bg.gradient)
            self.canvas.paste(draw.gradient((self.w, self.h), a, b, bg.angle))
        elif bg.fill:
            self.canvas.paste(self.palette.get(bg.fill), (0, 0, self.w, self.h))

    def element(self, el: Element, result: Rendered) -> None:
        box = self.px(el.box)
        color = self.palette.get(el.fill) if el.fill else None
        if el.type == "rect" and color:
            draw.rect(self.canvas, box, color, el.radius, el.opacity)
        elif el.type == "ellipse" and color:
            draw.ellipse(self.canvas, box, color, el.opacity)
        elif el.type == "ring" and color:
            draw.ellipse(self.canvas, box, color, el.opacity, stroke=self.units(el.stroke or 1))
        elif el.type == "dots" and color:
            draw.dots(self.canvas, box, color, self.units(el.step), el.opacity)
        elif el.type == "rays" and color:
            draw.rays(self.canvas, box, color, el.count, el.opacity)
        elif el.type == "stripes" and color:
            draw.stripes(self.canvas, box, color, el.count, el.angle, el.opacity)
        elif el.type == "text":
            self.text(el, box, result)
        elif el.type == "bullets":
            self.bullets(el, box, result)
        elif el.type == "qr":
            self.qr(el, box, result)
        elif el.type == "logo":
            self.logo(el, box, result)

    def _text_color(self, el: Element, region: draw.Box) -> RGB:
        prefs: list[RGB] = []
        for name in el.color:
            if name == "auto":
                prefs += [self.palette.get("ink"), self.palette.get("white")]
            else:
                prefs.append(self.palette.get(name))
        return readable(prefs, self.samples(region))

    def _legible(self, el: Element, region: draw.Box) -> RGB:
        """The text colour for ``region``; when no colour reaches 4.5 against a busy
        background (gradients, patterns), a translucent scrim goes behind the text first."""
        color = self._text_color(el, region)
        if min_contrast(color, self.samples(region)) >= MIN_CONTRAST:
            return color
        x, y, w, h = region
        pad = self.units(1)
        scrim_box = (x - pad, y - pad, w + 2 * pad, h + 2 * pad)
        shade = BLACK if color == WHITE else WHITE
        for opacity in (0.35, 0.5, 0.65, 0.8, 1.0):
            draw.rect(self.canvas, scrim_box, shade, 0.2, opacity)
            if min_contrast(color, self.samples(region)) >= MIN_CONTRAST:
                break
        self.notes.append(f"{el.field or el.type}: added a scrim for contrast")
        return color

    def samples(self, region: draw.Box) -> list[RGB]:
        """Colours behind ``region`` (a coarse grid of the canvas as drawn so far)."""
        x, y, w, h = region
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(self.w, x + w), min(self.h, y + h)
        if x1 <= x0 or y1 <= y0:
            return []
        patch = self.canvas.crop((x0, y0, x1, y1))
        small = patch.resize((min(24, x1 - x0), min(12, y1 - y0)), Image.Resampling.NEAREST)
        colors = small.getcolors(maxcolors=24 * 12) or []
        return sorted(c for _, c in colors)  # type: ignore[misc]

    def text(self, el: Element, box: draw.Box, result: Rendered) -> None:
        assert el.field is not None
        face = typeface(el.font)
        text, dropped = face.clean(self.spec.field_text(el.field))
        self.dropped |= dropped
        text = text.strip()
        if not text:
            return
        x, y, w, h = box
        px, py = (
            self.units(el.padding[0]) if el.padding[0] else 0,
            (self.units(el.padding[1]) if el.padding[1] else 0),
        )
        inner_w, inner_h = w - 2 * px, h - 2 * py
        fitted = fit_text(
            text,
            face,
            inner_w,
            inner_h,
            self.units(el.size[0]),
            self.units(el.size[1]),
            max_lines=el.max_lines,
            spacing=el.spacing,
            balance=el.balance,
            keep=self.spec.keep,
        )
        if not fitted.lines:
            return
        if fitted.truncated:
            self.notes.append(f"{el.field}: shortened to fit ({''.join(fitted.lines)})")
        widths = [face.measure(line, fitted.size) for line in fitted.lines]
        block_w, block_h = round(max(widths)), fitted.height
        bx = x + px + _offset(el.align, inner_w, block_w)
        by = y + py + _offset(el.valign, inner_h, block_h)
        if el.fill:
            back = (bx - px, by - py, block_w + 2 * px, block_h + 2 * py) if el.hug else box
            draw.rect(self.canvas, back, self.palette.get(el.fill), el.radius, el.opacity)
        color = self._legible(el, (bx, by, block_w, block_h))
        self._lines(fitted, widths, face.weight, color, bx, by, block_w, el.align)
        result.boxes[el.field] = (bx, by, block_w, block_h)
        result.text_boxes.append((el.field, box, (bx, by, block_w, block_h)))

    def _lines(
        self,
        fitted: Fitted,
        widths: list[float],
        weight: str,
        color: RGB,
        bx: int,
        by: int,
        block_w: int,
        align: str,
    ) -> None:
        face = typeface(weight)
        size, lh = fitted.size, fitted.line_height
        for i, (line, lw) in enumerate(zip(fitted.lines, widths, strict=True)):
            lx = bx + _offset(align, block_w, round(lw))
            baseline = by + i * lh + (lh - size) / 2 + BASELINE * size
            cursor = float(lx)
            for run in face.runs(line):
                font = load(run.ref, size)
                self.pen.text((cursor, baseline), run.text, font=font, fill=color, anchor="ls")
                cursor += font.getlength(run.text)

    def bullets(self, el: Element, box: draw.Box, result: Rendered) -> None:
        face = typeface(el.font)
        items: list[str] = []
        for item in self.spec.bullets:
            text, dropped = face.clean(item)
            self.dropped |= dropped
            if text.strip():
                items.append(text.strip())
        if not items:
            return
        x, y, w, h = box
        indent, gap = 1.35, 0.5
        size, laid = fit_list(
            items,
            face,
            w,
            h,
            self.units(el.size[0]),
            self.units(el.size[1]),
            indent=indent,
            gap=gap,
            spacing=el.spacing,
            max_lines=el.max_lines or 2,
        )
        if len(laid) < len(items):
            self.notes.append(f"bullets: {len(items) - len(laid)} left out to fit")
        if not laid:
            return
        lh = max(size, round(size * el.spacing))
        gap_px = round(gap * size)
        total = sum(lh * len(lines) for lines in laid) + gap_px * (len(laid) - 1)
        top = y + _offset(el.valign, h, total)
        text_x = x + round(indent * size)
        text_w = w - round(indent * size)
        color = self._legible(el, (x, top, w, total))
        marker = self.palette.get(el.marker_color) if el.marker_color else color
        cursor_y = top
        for n, lines in enumerate(laid):
            widths = [face.measure(line, size) for line in lines]
            self._marker(el.marker, n, x, cursor_y, size, lh, marker)
            self._lines(
                Fitted(lines, size, lh),
                widths,
                face.weight,
                color,
                text_x,
                cursor_y,
                text_w,
                "left",
            )
            cursor_y += lh * len(lines) + gap_px
        result.boxes["bullets"] = (x, top, w, total)
        result.text_boxes.append(("bullets", box, (x, top, w, total)))

    def _marker(self, mark: str, n: int, x: int, top: int, size: int, lh: int, color: RGB) -> None:
        cy = top + lh / 2
        r = size * 0.42
        cx = x + r
        if mark == "dot":
            rr = size * 0.2
            draw.ellipse(
                self.canvas, (round(cx - rr), round(cy - rr), round(2 * rr), round(2 * rr)), color
            )
        elif mark == "dash":
            self.pen.line([(cx - r, cy), (cx + r * 0.6, cy)], fill=color, width=max(2, size // 8))
        elif mark == "check":
            pts = [(cx - r * 0.75, cy), (cx - r * 0.2, cy + r * 0.55), (cx + r * 0.8, cy - r * 0.6)]
            self.pen.line(pts, fill=color, width=max(2, size // 7), joint="curve")
        else:  # number in a disc
            draw.ellipse(
                self.canvas, (round(cx - r), round(cy - r), round(2 * r), round(2 * r)), color
            )
            digit_color = readable([(255, 255, 255), self.palette.get("ink")], [color])
            font = load(typeface("bold").runs("1")[0].ref, max(6, round(size * 0.55)))
            self.pen.text((cx, cy), str(n + 1), font=font, fill=digit_color, anchor="mm")

    def qr(self, el: Element, box: draw.Box, result: Rendered) -> None:
        url = self.spec.qr_url
        if not url:
            return
        matrix = qr_matrix(url)
        n = len(matrix) + 2 * QR_QUIET
        x, y, w, h = box
        side = min(w, h)
        module = side // n
        if module < 2:
            self.notes.append("qr: box too small for a scannable code; left out")
            return
        card = module * n
        cx = x + _offset(el.align, w, card)
        cy = y + _offset(el.valign, h, card)
        light = self.palette.get(el.fill) if el.fill else (255, 255, 255)
        draw.rect(self.canvas, (cx, cy, card, card), light, el.radius)
        dark = readable([self.palette.get("ink")], [light])
        if contrast(dark, light) < 7:
            dark = (0, 0, 0)
        origin = (cx + QR_QUIET * module, cy + QR_QUIET * module)
        draw.qr(self.canvas, origin, matrix, module, dark)
        result.boxes["qr"] = (origin[0], origin[1], module * len(matrix), module * len(matrix))

    def logo(self, el: Element, box: draw.Box, result: Rendered) -> None:
        path = self.spec.logo_path
        if not path or not os.path.isfile(path):
            return
        img, (lx, ly) = draw.contain_image(path, box, el.align)
        self.canvas.paste(img, (lx, ly), img)
        result.boxes["logo"] = (lx, ly, img.width, img.height)


def _offset(align: str, room: int, used: int) -> int:
    if align in ("center",):
        return (room - used) // 2
    if align in ("right", "bottom"):
        return room - used
    return 0


def render(spec: PosterSpec, template: Template | None = None) -> Rendered:
    """Draw one poster."""
    return Renderer(spec, template or get_template(spec.template)).run()


def encode_png(image: Image.Image) -> bytes:
    """PNG bytes with no metadata (no time, no text chunks): stable for the same pixels."""
    return png.encode(image, PNG_COMPRESS_LEVEL)
