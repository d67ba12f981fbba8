"""A session's body: one Markdown document, and the structure recognised in it.

``lines`` walks the text (fences, headings), ``outline`` finds the talks, to-dos and the
attendance line in it, ``edits`` rewrites single lines or sections of it for the panels.
The importer and the window's save both derive rows from :func:`outline.derive`.
"""
