"""The operator's terminal UI (Textual): a thin face over the core API.

Nothing here runs SQL, HTTP or Pillow; screens call ``Workbench`` (``workbench.app``) in
workers and post the results back as messages.
"""
