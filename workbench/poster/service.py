"""Posters of stored variants: build specs from the brief, render to files (a process pool
for large batches), record them as assets. Both faces and the batch runner call in here.

Files go to ``<workspace>/output/<campaign>/<segment>/<template>-<size>-<uid>.png``.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from workbench import locations
from workbench.brief.models import Campaign, Deliverable, PosterDeliverable
from workbench.brief.yamldoc import parse
from workbench.errors import InputError, Problem
from workbench.fsio import atomic_write_bytes
from workbench.kinds import get_kind
from workbench.poster.sizes import PosterSize, parse_sizes
from workbench.poster.spec import PosterSpec
from workbench.store import Store
from workbench.store.assets import BriefSource
from workbench.store.variantrecord import Variant
from workbench.tracking.links import variant_link

POOL_THRESHOLD = 8  # more posters than this render in worker processes
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True)
class RenderTask:
    variant_id: int
    spec: PosterSpec
    path: str


@dataclass(frozen=True)
class RenderedFile:
    variant_id: int
    path: str
    sha256: str
    bytes: int
    width: int
    height: int
    template: str
    qr_url: str | None
    preset: str | None
    notes: tuple[str, ...]


def _safe(part: str) -> str:
    return _UNSAFE.sub("-", part).strip("-.") or "_"


def poster_path(
    out_dir: Path, campaign: str, segment: str | None, template: str, size: PosterSize, uid: str
) -> Path:
    name = f"{_safe(template)}-{_safe(size.label)}-{_safe(uid)}.png"
    return out_dir / _safe(campaign) / _safe(segment or "all") / name


def build_spec(
    variant: Variant,
    campaign: Campaign,
    template: str,
    size: PosterSize,
    qr: bool,
    brief_dir: Path | None,
    keep_words: tuple[str, ...] = (),
    base_url: str = "",
) -> PosterSpec:
    """The spec for one variant at one size (QR: the variant's tracked link, see
    ``workbench.tracking.links``: the short link with ``base_url``, else the landing URL
    with ``utm_content``; the brand's own UTM parameters kept, the size never a source)."""
    product = campaign.product
    brand = campaign.brand
    logo = None
    if brand.logo:
        candidate = (brief_dir / brand.logo) if brief_dir else Path(brand.logo)
        logo = str(candidate.resolve()) if candidate.is_file() else None
    url = None
    if qr and product.landing_url:
        url = variant_link(
            product.landing_url,
            base_url=base_url,
            uid=str(variant.uid),
            campaign=campaign.key,
            kind="poster",
            channel=None,
        ).url
    return PosterSpec.from_content(
        variant.content,
        template=template,
        size=size,
        brand=brand.name,
        colors=tuple(brand.colors),
        language=campaign.language,
        product=product.name,
        price=product.price,
        currency=product.currency,
        price_unit=product.price_unit,
        offer=product.offer,
        deadline=product.deadline.isoformat() if product.deadline else None,
        logo_path=logo,
        qr_url=url,
        keep_words=keep_words,
    )


def render_file(task: RenderTask) -> RenderedFile:
    """Render one poster and write it (atomically); runs in worker processes too."""
    from workbench.poster.render import encode_png, render

    result = render(task.spec)
    data = encode_png(result.image)
    path = Path(task.path)
    atomic_write_bytes(path, data)
    return RenderedFile(
        variant_id=task.variant_id,
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        bytes=len(data),
        width=result.image.width,
        height=result.image.height,
        template=task.spec.template,
        qr_url=task.spec.qr_url,
        preset=task.spec.size.preset,
        notes=tuple(result.notes),
    )


def render_files(tasks: Sequence[RenderTask], workers: int | None = None) -> list[RenderedFile]:
    """Render every task, in order; more than POOL_THRESHOLD use a process pool."""
    if workers is None:
        workers = min(os.cpu_count() or 1, 8)
    if len(tasks) <= POOL_THRESHOLD or workers <= 1:
        return [render_file(t) for t in tasks]
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        return list(pool.map(render_file, tasks, chunksize=max(1, len(tasks) // (workers * 4))))


def record(store: Store, files: Sequence[RenderedFile]) -> list[dict[str, Any]]:
    for f in files:
        store.assets.save(
            f.variant_id,
            f.path,
            f.sha256,
            f.bytes,
            f.template,
            f.width,
            f.height,
            f.qr_url,
            f.preset,
        )
    return [f.__dict__ for f in files]


@dataclass(frozen=True)
class BriefFacts:
    campaign: Campaign
    deliverables: list[Any]
    brief_dir: Path | None


def brief_facts(source: BriefSource) -> BriefFacts:
    """Campaign and deliverables of a stored brief (segments are not needed here)."""
    label = source.path or "brief"
    doc = parse(source.raw, label)
    data = doc.data if isinstance(doc.data, dict) else {}
    try:
        campaign = Campaign.model_validate(data.get("campaign"))
    except ValidationError as exc:
        raise InputError(Problem(label, None, "campaign", str(exc).splitlines()[0])) from None
    brief_dir = Path(source.path).parent if source.path else None
    return BriefFacts(campaign, list(data.get("deliverables") or []), brief_dir)


def poster_deliverable(facts: BriefFacts, index: int | None) -> PosterDeliverable:
    raw = (
        facts.deliverables[index] if index is not None and index < len(facts.deliverables) else None
    )
    if isinstance(raw, dict):  # a poster's deliverable validates as a PosterDeliverable
        try:
            found = TypeAdapter(Deliverable).validate_python(raw)
            if isinstance(found, PosterDeliverable):
                return found
        except ValidationError:
            pass  # an edited brief: fall back to the defaults below
    return PosterDeliverable.model_validate({"kind": "poster"})


def render_variant(
    store: Store,
    variant_id: int | str,
    *,
    workspace: Path | None = None,
    template: str | None = None,
    sizes: Sequence[str] | None = None,
    qr: bool | None = None,
    base_url: str = "",
) -> list[RenderedFile]:
    """(Re-)render one poster variant; template, sizes and QR default to its deliverable's."""
    from workbench.poster.templates import get_template

    variant = store.variants.get(variant_id)
    if not get_kind(variant.kind).renders_image:
        raise InputError(
            Problem("VARIANT_ID", None, str(variant_id), f"is a {variant.kind}, not a poster")
        )
    facts = brief_facts(store.assets.brief_source(variant_id=variant.id))
    deliverable = poster_deliverable(facts, variant.deliverable_index)
    name = template or deliverable.template
    get_template(name)  # unknown names fail before anything is drawn
    chosen = parse_sizes(list(sizes), "--size") if sizes else parse_sizes(deliverable.size)
    out = locations.output_dir(workspace)
    tasks = [
        RenderTask(
            variant.id,
            build_spec(
                variant,
                facts.campaign,
                name,
                size,
                deliverable.qr if qr is None else qr,
                facts.brief_dir,
                base_url=base_url,
            ),
            str(poster_path(out, variant.campaign, variant.segment, name, size, variant.uid)),
        )
        for size in chosen
    ]
    from workbench.poster.batch import PosterFailed, render_each

    files, failures = render_each(tasks)
    record(store, files)
    if failures:
        raise PosterFailed("\n".join(failures))
    return files
