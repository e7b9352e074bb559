"""Edit a variant as plain text: the body in a wrapping text area, the other fields in a
small form (one item per line for lists); saving makes a new version.

No YAML for the operator: ``workbench.tui.edit_fields`` turns the content into fields and
back. Only nested data with no plain form (video shots, live beats) keeps a YAML box.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from workbench.errors import WorkbenchError
from workbench.guards.text import for_display
from workbench.store.variantrecord import Variant
from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext
from workbench.tui.edit_fields import (
    EditField,
    attach_link,
    content_from,
    detach_link,
    fields_of,
    tracked_url,
)

FIELD_LABELS = {
    "title": "tui.edit.field.title",
    "body": "tui.edit.field.body",
    "cta": "tui.edit.field.cta",
    "hashtags": "tui.edit.field.hashtags",
    "headline": "tui.edit.field.headline",
    "subheadline": "tui.edit.field.subheadline",
    "bullets": "tui.edit.field.bullets",
    "badge": "tui.edit.field.badge",
    "titles": "tui.edit.field.titles",
    "text": "tui.edit.field.text",
    "angle": "tui.edit.field.angle",
}
HEIGHTS = {"text": 8, "lines": 4, "rows": 6, "yaml": 8}


def _tracked_url(ctx: TuiContext, variant: Variant) -> str | None:
    from workbench.tracking.attach import landing_urls

    wb = ctx.workbench
    landing = landing_urls(wb.store, [str(variant.campaign)]).get(str(variant.campaign))
    return tracked_url(variant, landing, wb.settings.tracking.base_url)


def _saving_key(variant: Variant) -> str:
    """What the dialog says while it saves: a poster is drawn again, which takes seconds."""
    from workbench.kinds import KINDS

    spec = KINDS.get(str(variant.kind))
    renders = spec is not None and spec.renders_image
    return "tui.edit.saving_poster" if renders else "tui.edit.saving"


class EditDialog(ModalScreen[int | None]):
    """Returns the new version's id, or None when cancelled. Problems keep it open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "save", "tui.key.save_version", id="edit.save", tooltip="tui.tip.save_version"
        ),
        Binding(
            "escape",
            "cancel",
            "tui.key.cancel",
            id="edit.cancel",
            tooltip="tui.tip.cancel",
            priority=True,
        ),
    ]

    def __init__(self, ctx: TuiContext, variant: Variant) -> None:
        super().__init__()
        self.ctx = ctx
        self.variant = variant
        self.link = _tracked_url(ctx, variant)
        self.link_token = ctx.t("tui.edit.link_token")
        self.fields: list[EditField]
        self.fields, self.link_keys = detach_link(
            fields_of(variant.content or {}), self.link, self.link_token
        )
        self.saving = False
        localize_bindings(self, ctx.t)

    def label(self, f: EditField) -> str:
        t = self.ctx.t
        name = t(FIELD_LABELS[f.key]) if f.key in FIELD_LABELS else f.key
        if f.kind == "lines":
            return t("tui.edit.one_per_line", field=name)
        if f.kind == "rows":
            return t("tui.edit.rows", field=name, columns=" | ".join(f.columns))
        if f.kind == "yaml":
            return t("tui.edit.yaml_field", field=name)
        return name

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        v = self.variant
        with Vertical(classes="dialog wide-dialog", id="edit-dialog"):
            yield Static(
                t("tui.edit.title", id=v.id, version=v.version or 1),
                classes="dialog-title",
            )
            with VerticalScroll(id="edit-fields"):
                for f in self.fields:
                    yield from self._field(f)
            if self.link_keys:  # shown, not edited: an edit cannot break the tracking
                text = t("tui.edit.link", url=self.link, token=self.link_token)
                yield Static(Text(for_display(text)), id="edit-link")
            yield Input(placeholder=t("tui.edit.comment"), id="edit-comment", compact=True)
            yield Static(t("tui.edit.hint"), id="edit-status", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    t("tui.key.save_version"), variant="primary", id="edit-save", compact=True
                )
                yield Button(t("tui.key.cancel"), id="edit-cancel", compact=True)

    def _field(self, f: EditField) -> ComposeResult:
        widget_id = f"edit-{f.key}"
        if f.kind in ("line", "number"):
            with Horizontal(classes="form-row edit-row"):
                yield Label(self.label(f), classes="form-label")
                yield Input(f.text, id=widget_id, compact=True)
            return
        yield Label(self.label(f), classes="edit-label")
        area = TextArea(
            f.text,
            id=widget_id,
            soft_wrap=True,
            language="yaml" if f.kind == "yaml" else None,
            show_line_numbers=f.kind == "yaml",
            classes=f"edit-area edit-{f.kind}",
        )
        area.styles.height = HEIGHTS[f.kind]
        yield area

    def on_mount(self) -> None:
        first = next((f for f in self.fields if f.kind == "text"), None)
        chosen = first or (self.fields[0] if self.fields else None)
        if chosen is not None:
            # not scrolled to: bringing the whole box into view pushed the labels above it
            # out at 24 rows (with the tracked link shown); the cursor is at its top anyway
            self.query_one(f"#edit-{chosen.key}").focus(scroll_visible=False)

    def typed(self) -> dict[str, str]:
        """What each field holds now, as text."""
        values: dict[str, str] = {}
        for f in self.fields:
            widget = self.query_one(f"#edit-{f.key}")
            values[f.key] = (
                widget.value if isinstance(widget, Input) else str(getattr(widget, "text", ""))
            )
        return values

    def action_save(self) -> None:
        if self.saving:
            return
        self.saving = True
        self.query_one("#edit-status", Static).update(
            Text(self.ctx.t(_saving_key(self.variant)), style="bold")
        )
        comment = self.query_one("#edit-comment", Input).value.strip() or None
        self._save(self.typed(), comment)

    @work(thread=True, exclusive=True, group="edit", exit_on_error=False)
    def _save(self, typed: dict[str, str], comment: str | None) -> None:
        from workbench.poster.batch import PosterFailed

        variant_id = int(self.variant.id)
        label = f"variant {variant_id}"
        try:
            if self.link and self.link_keys:
                missing = self.ctx.t("tui.edit.link_missing", token=self.link_token)
                typed = attach_link(
                    typed, self.link_keys, self.link, self.link_token, label, missing
                )
            content = content_from(self.variant.content or {}, self.fields, typed, label)
            new_id = self.ctx.workbench.edit(variant_id, content, comment=comment, label=label)
        except PosterFailed as exc:
            # the version is saved; only its picture failed: close and say so
            self.app.call_from_thread(self._report, exc)
            self.app.call_from_thread(self.dismiss, self._newest())
            return
        except WorkbenchError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self.dismiss, new_id)

    def _newest(self) -> int | None:
        vid = int(self.variant.id)
        return self.ctx.workbench.store.reviews.newest_versions([vid]).get(vid)

    def _report(self, error: BaseException) -> None:
        self.ctx.report_error(self, error)

    def _failed(self, error: BaseException) -> None:
        self._report(error)
        self.saving = False
        self.query_one("#edit-status", Static).update(
            Text(for_display(self.ctx.describe_error(error)), style="red")
        )

    @on(Button.Pressed, "#edit-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#edit-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
