"""Reading YAML with libyaml where it gives exactly what PyYAML's Python parser gives.

The Python parser is ten times slower and was most of the time spent on front matter in
imports and exports. The two parsers agree on ordinary YAML but not on every corner: libyaml
accepts tabs, a comment right after a block scalar header (``|#``), a byte order mark and
Unicode line breaks where the Python parser refuses them, and places the marks of explicit
``?`` keys differently. Text with any of those, text libyaml refuses, and installs without
libyaml all go to the Python parser, so results and error messages stay its own.
"""

from __future__ import annotations

import re

import yaml

_C_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
_DIVERGENT = re.compile(r"[\t\r\x85\ufeff\u2028\u2029]|\?(?:\s|$)|[|>][-+\d]*#")


def c_loader_class() -> type[yaml.CSafeLoader] | None:
    """A new CSafeLoader subclass to add constructors to; None without libyaml."""
    if _C_LOADER is None:
        return None
    return type("StudyappCSafeLoader", (_C_LOADER,), {})


def usable(text: str) -> bool:
    """Whether libyaml reads ``text`` as the Python parser would (when it reads it at all)."""
    return _C_LOADER is not None and _DIVERGENT.search(text) is None


def compose_mapping(
    loader_class: type[yaml.CSafeLoader] | None, text: str
) -> tuple[yaml.MappingNode, object] | None:
    """The top-level mapping node of ``text`` and its constructed value, read by libyaml.

    None whenever the Python parser has to decide: libyaml missing, text where the two may
    differ, anything but a mapping, and every error.
    """
    if loader_class is None or not usable(text):
        return None
    try:
        loader = loader_class(text)
    except Exception:
        return None
    try:
        node = loader.get_single_node()
        if not isinstance(node, yaml.MappingNode):
            return None
        return node, loader.construct_document(node)
    except Exception:
        return None
    finally:
        loader.dispose()


def safe_load(text: str) -> object:
    """``yaml.safe_load(text)``, through libyaml when that reads it the same."""
    if _C_LOADER is not None and usable(text):
        try:
            return yaml.load(text, Loader=_C_LOADER)  # a safe loader
        except Exception:
            pass  # the Python parser raises its own error below, as before
    return yaml.safe_load(text)
