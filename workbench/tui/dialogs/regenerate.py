"""Choose how to regenerate a variant: another prompt style, a copy framework, one line of
guidance for the prompt (更口语, 别提云盘, 用重庆话), fresh or not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from workbench.brief.models import FRAMEWORKS, INSTRUCTION_MAX, STYLES
from workbench.kinds import get_kind
from workbench.store.variantrecord import Variant
from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext
from workbench.tui.widgets.checks import CheckBox


@dataclass(frozen=True)
class RegenerateChoice:
    style: str
    framework: str | None
    fresh: bool
    instruction: str | None = None


def default_style(current: str | None) -> str:
    """Another style than the variant's (the next one in the list)."""
    if current not in STYLES:
        return STYLES[0]
    return STYLES[(STYLES.index(current) + 1) % len(STYLES)]


class RegenerateDialog(ModalScreen[RegenerateChoice | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "tui.key.cancel", id="regenerate.cancel", tooltip="tui.tip.cancel"
        ),
    ]

    def __init__(self, ctx: TuiContext, variant: Variant) -> None:
        super().__init__()
        self.ctx = ctx
        self.variant = variant
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        v = self.variant
        takes_framework = get_kind(str(v.kind)).frameworks
        with Vertical(classes="dialog", id="regenerate-dialog"):
            yield Static(
                t("tui.regen.title", id=v.id, style=v.style or "-"),
                classes="dialog-title",
            )
            with Horizontal(classes="form-row"):
                yield Label(t("col.style"), classes="form-label")
                yield Select(
                    [(s, s) for s in STYLES],
                    value=default_style(v.style),
                    allow_blank=False,
                    compact=True,
                    id="regen-style",
                )
            with Horizontal(classes="form-row"):
                yield Label(t("tui.variants.framework"), classes="form-label")
                yield Select(
                    [(f, f) for f in FRAMEWORKS],
                    value=v.framework if v.framework in FRAMEWORKS else Select.NULL,
                    prompt=t("tui.regen.no_framework"),
                    compact=True,
                    disabled=not takes_framework,
                    id="regen-framework",
                )
            with Horizontal(classes="form-row"):
                yield Label(t("tui.regen.instruction"), classes="form-label")
                yield Input(
                    placeholder=t("tui.regen.instruction.hint"),
                    max_length=INSTRUCTION_MAX,
                    id="regen-instruction",
                    compact=True,
                )
            yield CheckBox(t("tui.regen.fresh"), id="regen-fresh", compact=True)
            yield Static(t("tui.regen.hint"), classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    t("tui.button.regenerate"), variant="primary", id="regen-ok", compact=True
                )
                yield Button(t("tui.key.cancel"), id="regen-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#regen-style", Select).focus()

    def choice(self) -> RegenerateChoice:
        style = self.query_one("#regen-style", Select).value
        framework = self.query_one("#regen-framework", Select).value
        return RegenerateChoice(
            style=str(style),
            framework=framework if isinstance(framework, str) else None,
            fresh=self.query_one("#regen-fresh", Checkbox).value,
            instruction=self.query_one("#regen-instruction", Input).value.strip() or None,
        )

    @on(Button.Pressed, "#regen-ok")
    @on(Input.Submitted, "#regen-instruction")
    def _ok(self) -> None:
        self.dismiss(self.choice())

    @on(Button.Pressed, "#regen-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
