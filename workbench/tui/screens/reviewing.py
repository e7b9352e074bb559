"""Review actions for a screen that shows variants: approve (with a ban override reason),
reject, request changes, comment, edit as a new version, regenerate in another style or
framework, and export the campaign. The core work runs in workers; errors notify."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button

from workbench.i18n import Catalog
from workbench.store.variantrecord import Variant
from workbench.tui.dialogs.reason import ReasonDialog
from workbench.tui.screens.base import WorkbenchScreen

if TYPE_CHECKING:  # the core's review, lint and export modules load on first use
    from workbench.generate.regenerate import Regenerated
    from workbench.review import ReviewResult
    from workbench.tui.dialogs.regenerate import RegenerateChoice


def _binding(key: str, action: str, name: str, show: bool = True) -> Binding:
    return Binding(
        key, action, f"tui.key.{name}", id=f"variants.{name}", tooltip=f"tui.tip.{name}", show=show
    )


REVIEW_BINDINGS: list[BindingType] = [
    _binding("a", "approve", "approve"),
    _binding("r", "reject", "reject"),
    _binding("n", "request_changes", "request_changes", show=False),
    _binding("m", "comment", "comment", show=False),
    _binding("e", "edit", "edit"),
    _binding("g", "regenerate", "regenerate"),
    _binding("x", "export", "export", show=False),
]
BUTTONS = ("approve", "reject", "request_changes", "comment", "edit", "regenerate", "export")
NEEDS_REASON = {
    "reject": "tui.review.reject_title",
    "request_changes": "tui.review.changes_title",
    "comment": "tui.review.comment_title",
}


class ReviewBar(Horizontal):
    """One button per review action (the same actions as the keys)."""

    def __init__(self, t: Catalog, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.t = t

    def compose(self) -> ComposeResult:
        for name in BUTTONS:
            yield Button(
                self.t.get(f"tui.button.{name}", self.t(f"tui.key.{name}")),
                id=f"review-{name}",
                compact=True,
                tooltip=self.t(f"tui.tip.{name}"),
                variant="success" if name == "approve" else "default",
            )


class ReviewingScreen(WorkbenchScreen):
    """Subclasses show variants and implement ``current_variant`` and ``after_change``."""

    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS

    def current_variant(self) -> Variant | None:
        raise NotImplementedError

    def current_campaign(self) -> str | None:
        variant = self.current_variant()
        return None if variant is None else str(variant.campaign)

    def after_change(self, select_id: int | None) -> None:
        """Reload what is shown; put the cursor on ``select_id`` when given."""
        raise NotImplementedError

    def _picked(self) -> Variant | None:
        variant = self.current_variant()
        if variant is None:
            self.notify(self.t("tui.review.pick"), severity="warning")
        return variant

    def targets(self) -> list[Variant]:
        """The variants a status change applies to: here the current one."""
        variant = self._picked()
        return [] if variant is None else [variant]

    def clear_marks(self) -> None:
        """Forget what was marked for a batch action (nothing is marked here)."""

    def _title(self, key: str, variants: list[Variant]) -> str:
        return self.t(key, id=", #".join(str(v.id) for v in variants))

    @on(Button.Pressed, "ReviewBar Button")
    async def _button(self, event: Button.Pressed) -> None:
        event.stop()
        name = (event.button.id or "").removeprefix("review-")
        if name in BUTTONS:
            await self.run_action(name)

    # -- status changes ------------------------------------------------------------------

    def action_approve(self) -> None:
        variants = self.targets()
        if not variants:
            return
        if len(self.ctx.workbench.settings.review.steps) > 1:
            self._ask_step(variants)
        else:
            self._approve(variants, None)

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def _ask_step(self, variants: list[Variant]) -> None:
        default = self.ctx.workbench.next_step(variants[0].id)
        self.app.call_from_thread(self._step_dialog, variants, default)

    def _step_dialog(self, variants: list[Variant], default: str) -> None:
        from workbench.tui.dialogs.review_step import StepDialog

        def chosen(step: str | None) -> None:
            if step is not None:
                self._approve(variants, step)

        steps = list(self.ctx.workbench.settings.review.steps)
        title = self._title("tui.review.step_title", variants)
        self.app.push_screen(StepDialog(self.ctx, title, steps, default), chosen)

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def _approve(self, variants: list[Variant], step: str | None) -> None:
        from workbench.lint import has_ban, stored_findings

        terms: set[str] = set()
        for variant in variants:
            stored = variant.lint
            findings = stored_findings(stored)
            if stored is None:
                findings = self.ctx.workbench.lint().lint(variant)
            if has_ban(findings):
                terms |= {f.term for f in findings if f.is_ban}
        if terms:
            self.app.call_from_thread(self._ask_override, variants, sorted(terms), step)
            return
        self._apply_action(variants, "approve", None, step)

    def _ask_override(self, variants: list[Variant], terms: list[str], step: str | None) -> None:
        dialog = ReasonDialog(
            self.ctx,
            self._title("tui.review.override_title", variants),
            self.t("tui.review.override_prompt"),
            warning=self.t("tui.review.override_warning", terms="、".join(terms)),
        )
        self.app.push_screen(
            dialog, lambda reason: self._reasoned(variants, "approve", reason, step)
        )

    def _ask_reason(self, action: str) -> None:
        variants = self.targets()
        if not variants:
            return
        dialog = ReasonDialog(
            self.ctx, self._title(NEEDS_REASON[action], variants), self.t("tui.review.reason")
        )
        self.app.push_screen(dialog, lambda reason: self._reasoned(variants, action, reason))

    def _reasoned(
        self,
        variants: list[Variant],
        action: str,
        reason: str | None,
        step: str | None = None,
    ) -> None:
        if reason is not None:
            self._review(variants, action, reason, step)

    def action_reject(self) -> None:
        self._ask_reason("reject")

    def action_request_changes(self) -> None:
        self._ask_reason("request_changes")

    def action_comment(self) -> None:
        self._ask_reason("comment")

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def _review(
        self, variants: list[Variant], action: str, reason: str | None, step: str | None
    ) -> None:
        self._apply_action(variants, action, reason, step)

    def _apply_action(
        self, variants: list[Variant], action: str, reason: str | None, step: str | None
    ) -> None:
        ids = [int(v.id) for v in variants]
        results = self.ctx.workbench.review(ids, action, step=step, reason=reason)
        if len(results) == 1:
            self.app.call_from_thread(self._reviewed, results[0])
        else:
            self.app.call_from_thread(self._reviewed_many, action, results)

    def status_name(self, status: str) -> str:
        """A review status in the workspace's language (the raw name if the catalog has none)."""
        key = f"cal.status.{status}"
        return self.t.get(key, status)

    def _reviewed(self, r: ReviewResult) -> None:
        pending = ""
        if r.to_status == "in_review" and r.pending_steps:
            pending = self.t("review.pending", steps=", ".join(r.pending_steps))
        step = (f" [{r.step}]" if r.step else "") + pending
        self.notify(
            self.t(
                "review.done",
                id=r.variant_id,
                from_status=self.status_name(r.from_status),
                to_status=self.status_name(r.to_status),
                step=step,
            )
        )
        self.clear_marks()
        self.after_change(r.variant_id)

    def _reviewed_many(self, action: str, results: list[ReviewResult]) -> None:
        statuses = ", ".join(sorted({self.status_name(r.to_status) for r in results}))
        self.notify(
            self.t(
                "tui.review.done_many",
                action=self.t(f"tui.key.{action}"),
                count=len(results),
                status=statuses,
            )
        )
        self.clear_marks()
        self.after_change(None)

    # -- edit, regenerate, export --------------------------------------------------------

    def action_edit(self) -> None:
        variant = self._picked()
        if variant is not None:
            from workbench.tui.dialogs.edit_content import EditDialog

            self.app.push_screen(
                EditDialog(self.ctx, variant), lambda new_id: self._edited(variant, new_id)
            )

    def _edited(self, variant: Variant, new_id: int | None) -> None:
        if new_id is not None:
            self.notify(self.t("review.edited", id=variant.id, new_id=new_id))
            self.after_change(new_id)

    def action_regenerate(self) -> None:
        variant = self._picked()
        if variant is None:
            return
        from workbench.tui.dialogs.regenerate import RegenerateDialog

        def chosen(choice: RegenerateChoice | None) -> None:
            if choice is not None:
                self.notify(self.t("tui.regen.running", id=variant.id, style=choice.style))
                self._regenerate(variant, choice)

        self.app.push_screen(RegenerateDialog(self.ctx, variant), chosen)

    @work(thread=True, exclusive=True, group="regenerate", exit_on_error=False)
    def _regenerate(self, variant: Variant, choice: RegenerateChoice) -> None:
        done = self.ctx.workbench.regenerate(
            int(variant.id),
            choice.style,
            choice.framework,
            fresh=choice.fresh,
            overrides=self.ctx.overrides,
            instruction=choice.instruction,
        )
        self.app.call_from_thread(self._regenerated, done)

    def _regenerated(self, done: Regenerated) -> None:
        ids = ", ".join(f"#{i}" for i in done.new_ids)
        key = "tui.regen.cached" if done.cached else "tui.regen.done"
        self.notify(self.t(key, id=done.source_id, new=ids))
        self.after_change(done.new_ids[0] if done.new_ids else None)

    def action_export(self) -> None:
        campaign = self.current_campaign()
        if campaign is None:
            self.notify(self.t("tui.review.pick"), severity="warning")
            return
        from workbench.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(self.ctx, campaign))
