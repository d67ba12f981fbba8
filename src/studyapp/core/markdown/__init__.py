"""Markdown in and out: reading the notes people keep, writing meeting minutes."""
