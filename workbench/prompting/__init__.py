"""Prompt templates: render a job into chat messages through the styles in ``prompts/``."""

from workbench.prompting.environment import PromptTemplateError, TemplateInfo
from workbench.prompting.library import PromptLibrary, RenderedPrompt

__all__ = ["PromptLibrary", "PromptTemplateError", "RenderedPrompt", "TemplateInfo"]
