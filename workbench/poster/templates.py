"""Poster layout templates: YAML data in ``templates/posters/`` validated into models.

A template has a title and description (zh-CN, en-US), default colours for brands without
a palette, and one layout per aspect-ratio shape (``portrait`` and ``banner`` required;
``tall``, ``square`` and ``wide`` optional, see ``sizes.SHAPE_FALLBACK``). A layout is a
background plus elements drawn in order. Boxes are ``[x, y, w, h]`` fractions of the
canvas; font sizes are in units of 1% of the canvas's shorter side.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from workbench import locations
from workbench.brief.yamldoc import field_path, line_of, locate, parse, read_text
from workbench.errors import InputError, NotFoundError, Problem
from workbench.poster.palette import ROLE_NAMES, parse_hex
from workbench.poster.sizes import SHAPE_FALLBACK, SHAPES

TEXT_FIELDS = (
    "headline",
    "subheadline",
    "cta",
    "badge",
    "brand",
    "product",
    "price",
    "offer",
    "deadline",
    "bullets_inline",
    "qr_caption",
)
CONDITIONS = ("qr", "logo", "badge", "price", "offer", "deadline")
ElementType = Literal[
    "rect", "ellipse", "ring", "dots", "rays", "stripes", "text", "bullets", "qr", "logo"
]
_SHAPES_DRAWN = {"rect", "ellipse", "ring", "dots", "rays", "stripes"}


def _colour(value: str) -> str:
    if value.startswith("#"):
        parse_hex(value)
    elif value not in ROLE_NAMES:
        raise ValueError(f"unknown colour {value!r}; use #RRGGBB or one of {', '.join(ROLE_NAMES)}")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Background(_Strict):
    fill: str | None = None
    gradient: tuple[str, str] | None = None
    angle: float = Field(90, description="Gradient direction in degrees; 90 = top to bottom")
    image: str | None = Field(None, description="Image file relative to the template")

    @field_validator("fill")
    @classmethod
    def _fill(cls, v: str | None) -> str | None:
        return None if v is None else _colour(v)

    @field_validator("gradient")
    @classmethod
    def _gradient(cls, v: tuple[str, str] | None) -> tuple[str, str] | None:
        if v is not None:
            _colour(v[0])
            _colour(v[1])
        return v


class Element(_Strict):
    type: ElementType
    box: tuple[float, float, float, float]
    when: str | None = Field(None, description="Draw only if: qr, logo, badge, price... (!x: not)")
    fill: str | None = None
    opacity: float = Field(1.0, ge=0, le=1)
    radius: float = Field(0, ge=0, le=0.5, description="Corner radius, fraction of the box")
    stroke: float = Field(0, ge=0, description="Ring width in units")
    color: list[str] = Field(default_factory=lambda: ["auto"])
    field: str | None = None
    font: Literal["regular", "bold"] = "regular"
    size: tuple[float, float] = (4, 8)
    align: Literal["left", "center", "right"] = "left"
    valign: Literal["top", "center", "bottom"] = "center"
    max_lines: int = Field(0, ge=0)
    spacing: float = Field(1.25, ge=1.0, le=2.5)
    balance: bool = False
    padding: tuple[float, float] = (0, 0)
    hug: bool = Field(False, description="Text backing hugs the text instead of the box")
    marker: Literal["dot", "check", "number", "dash"] = "dot"
    marker_color: str | None = None
    step: float = Field(4, gt=0, description="Pattern spacing in units")
    count: int = Field(12, ge=1, le=90, description="Rays or stripes")
    angle: float = 0

    @field_validator("color", mode="before")
    @classmethod
    def _listify(cls, v: object) -> object:
        return [v] if isinstance(v, str) else v

    @field_validator("color")
    @classmethod
    def _colours(cls, v: list[str]) -> list[str]:
        return [c if c == "auto" else _colour(c) for c in v]

    @field_validator("fill", "marker_color")
    @classmethod
    def _fill(cls, v: str | None) -> str | None:
        return None if v is None else _colour(v)

    @field_validator("when")
    @classmethod
    def _when(cls, v: str | None) -> str | None:
        if v is not None and v.lstrip("!") not in CONDITIONS:
            raise ValueError(f"unknown condition {v!r}; use {', '.join(CONDITIONS)} or !name")
        return v

    @model_validator(mode="after")
    def _check(self) -> Element:
        x, y, w, h = self.box
        if w <= 0 or h <= 0:
            raise ValueError("box width and height must be positive")
        if self.type not in _SHAPES_DRAWN and (x < 0 or y < 0 or x + w > 1.0001 or y + h > 1.0001):
            raise ValueError(f"a {self.type} box must lie inside the canvas (0-1)")
        if self.type == "text" and self.field not in TEXT_FIELDS:
            raise ValueError(f"text needs field: one of {', '.join(TEXT_FIELDS)}")
        if self.type in _SHAPES_DRAWN and self.fill is None:
            raise ValueError(f"a {self.type} needs fill")
        if self.size[0] > self.size[1]:
            raise ValueError("size is [min, max]")
        return self


class Layout(_Strict):
    background: Background
    elements: list[Element] = Field(min_length=1)


class Template(_Strict):
    name: str
    title: dict[str, str]
    description: dict[str, str]
    palette: dict[str, str] = Field(default_factory=dict)
    layouts: dict[str, Layout]
    source: str = ""

    @field_validator("layouts")
    @classmethod
    def _layouts(cls, v: dict[str, Layout]) -> dict[str, Layout]:
        unknown = set(v) - set(SHAPES)
        if unknown:
            raise ValueError(f"unknown layout {sorted(unknown)[0]!r}; use {', '.join(SHAPES)}")
        for needed in ("portrait", "banner"):
            if needed not in v:
                raise ValueError(f"needs a {needed} layout")
        return v

    @field_validator("palette")
    @classmethod
    def _palette(cls, v: dict[str, str]) -> dict[str, str]:
        for key, value in v.items():
            if key not in ("primary", "secondary", "accent"):
                raise ValueError(f"palette keys are primary, secondary, accent (not {key!r})")
            parse_hex(value)
        return v

    def layout_for(self, shape: str) -> tuple[str, Layout]:
        for candidate in SHAPE_FALLBACK[shape]:
            if candidate in self.layouts:
                return candidate, self.layouts[candidate]
        return "portrait", self.layouts["portrait"]

    def text(self, mapping: dict[str, str], language: str) -> str:
        return mapping.get(language) or mapping.get("en-US") or next(iter(mapping.values()), "")


def load_template(path: Path) -> Template:
    label = str(path)
    doc = parse(read_text(path, label), label)
    if not isinstance(doc.data, dict) or doc.root is None:
        raise InputError(Problem(label, None, "", "expected a mapping (a poster template)"))
    data = dict(doc.data)
    data.setdefault("name", path.stem)
    data["source"] = str(path)
    try:
        return Template.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
            line = line_of(locate(doc.root, loc).node)
            problems.append(Problem(label, line, field_path(loc), err["msg"]))
        raise InputError(problems) from None


def templates_dir() -> Path:
    return locations.resource_dir("templates") / "posters"


@lru_cache(maxsize=8)
def load_library(folder: str | None = None) -> dict[str, Template]:
    """Every template in ``folder`` (default: the packaged ones), by name."""
    root = Path(folder) if folder else templates_dir()
    found: dict[str, Template] = {}
    for path in sorted(root.glob("*.yaml")):
        template = load_template(path)
        found[template.name] = template
    return found


def get_template(name: str, folder: str | None = None) -> Template:
    library = load_library(folder)
    if name not in library:
        raise NotFoundError(
            f"poster template {name!r} not found; known: {', '.join(sorted(library))}"
        )
    return library[name]
