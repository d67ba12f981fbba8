"""libyaml stands in for PyYAML's Python parser only where both read the text alike."""

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.markdown import fast_yaml, frontmatter

pytestmark = pytest.mark.skipif(
    getattr(yaml, "CSafeLoader", None) is None, reason="PyYAML built without libyaml"
)

# Pieces of YAML, ordinary and odd, that lines are made of.
_ATOMS = [
    *("title", "key", "a", "교사", "é", "\u00a0", "\U0001f600", "null", "yes", "~", "1e3"),
    *("0x1f", "0o7", "-.inf", ".nan", "1_000", "2024-01-02", "2024-02-30", "10:00"),
    *("19:00:00 +09:00", ":", ": ", " ", "  ", "- ", "-", "'", '"', "''", "[", "]", "{", "}"),
    *(",", ", ", "#", " #", "\n", "\n  ", "\n- ", "  - ", "&x", "*x", "!!str", "!x", "?"),
    *("? ", "|", "|-", ">", ">+", "|2", "%", "@", "`", "\\", "\\n", '"a\\tb"', "---", "..."),
    *("=", "<<", "<<: *a", "&a [1]", "{a: 1}", "[a, b]", "http://x.y/z?a=b", "\t", "\r"),
    *("\ufeff", "\x85", "\u2028", "\x00", "\x07"),
]
_TEXT = st.lists(st.lists(st.sampled_from(_ATOMS), max_size=10).map("".join), max_size=10).map(
    "\n".join
)
_FAST = settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))


def _outcome(load, text):
    try:
        return "ok", repr(load(text))
    except Exception as error:  # the same error class, whichever parser raised it
        return "error", type(error).__name__


@_FAST
@given(_TEXT)
def test_safe_load_is_yaml_safe_load(text):
    assert _outcome(fast_yaml.safe_load, text) == _outcome(yaml.safe_load, text)


@_FAST
@given(_TEXT)
def test_front_matter_reads_the_same_with_and_without_libyaml(text):
    note = f"---\n{text}\n---\nbody\n"
    fast = _outcome(frontmatter.split_front_matter, note)
    saved = frontmatter._FAST_LOADER
    frontmatter._FAST_LOADER = None
    try:
        slow = _outcome(frontmatter.split_front_matter, note)
    finally:
        frontmatter._FAST_LOADER = saved
    assert fast == slow


def test_text_the_parsers_disagree_on_goes_to_the_python_parser():
    # libyaml reads a comment glued to a block scalar header; PyYAML refuses it.
    assert not fast_yaml.usable("a: >#\n b")
    with pytest.raises(yaml.YAMLError):
        fast_yaml.safe_load("a: >#\n b")
    assert not fast_yaml.usable("a:\tb") and not fast_yaml.usable("? key")
    assert fast_yaml.usable("title: 'Week 1: 교사'\ntags:\n- a\n")
    assert fast_yaml.safe_load("title: 'Week 1: 교사'\ntags:\n- a\n") == {
        "title": "Week 1: 교사",
        "tags": ["a"],
    }
