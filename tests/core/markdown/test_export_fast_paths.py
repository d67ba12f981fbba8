"""The export's shortcuts give exactly what the long way gave."""

import datetime as dt
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.document import language
from studyapp.core.dto import PaperInfo, PresentationInfo, SessionDetail
from studyapp.core.markdown import exporter, front_matter_out

_FAST = settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))

# Characters PyYAML treats specially somewhere, mixed with ordinary Latin and Hangul text.
_PIECES = st.sampled_from(
    [
        *("a", "Z", "7", "가", "힣", "é", "漢", " ", "  ", "-", "- ", ":", ": ", "#", " #"),
        *("?", "? ", "'", '"', "!", "&", "*", "|", ">", "%", "@", "`", ",", "[", "]", "{"),
        *("}", "\n", "\t", "\x85", "\u2028", "\ufeff", "\x07", "---", "...", "~", "null"),
        *("yes", "No", "1e3", "0x1f", "2024-01-02", "12:30", ".inf", "<<", "=", "_", "'s"),
    ]
)
_TEXT = st.one_of(
    st.lists(_PIECES, max_size=8).map("".join),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.integers(110, 135).map(lambda n: "k" * n),  # around the longest simple key
)


def _safe_dump_line(key, value):
    """How every front matter line was written before the shortcut."""
    texts = value if isinstance(value, list) else [value]
    readable = not any(
        isinstance(text, str) and set("\x85\u2028\u2029") & set(text) for text in texts
    )
    return yaml.safe_dump(
        {key: value}, allow_unicode=readable, sort_keys=False, width=1 << 30,
        default_flow_style=False,
    ).rstrip("\n")  # fmt: skip


@_FAST
@given(key=_TEXT, value=st.one_of(_TEXT, st.lists(_TEXT, max_size=3)))
def test_plain_lines_are_what_safe_dump_writes(key, value):
    assert front_matter_out._yaml_line(key, value, None) == _safe_dump_line(key, value)


@_FAST
@given(key=_TEXT)
def test_keys_of_dates_are_what_safe_dump_writes(key):
    expected = yaml.safe_dump({key: 0}, allow_unicode=True, width=1 << 30)[: -len(": 0\n")]
    assert front_matter_out._key_text(key) == expected


_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+")


def _mostly_hangul(text):
    """The word-by-word count the byte count stands in for."""
    hangul = latin = 0
    for word in _WORD.findall(language._NOT_PROSE.sub(" ", text)):
        if _HANGUL.search(word):
            hangul += 1
        elif _LATIN.search(word):
            latin += 1
    return hangul > latin


_PROSE = st.lists(
    st.sampled_from(
        [
            *("ab", "Z", "가", "나다", "힣", "1", "_", " ", ".", "\n", "é", "漢", "ㄱ", "\u1100"),
            *("http://x.y/z", "`code`", "<b>", "](u)", ":", "a:b", "\x00", "\x7f", "~"),
            # Either side of the syllables' range, in UTF-8 too, and a lone surrogate.
            *("\uabff", "\uac00", "\ud7a3", "\ud7a4", "\ud7bf", "\ud7c0", "\ud7ff"),
            *("\ue000", "\U0001f600", "\ud800", "\u00e9", "\u3131"),
        ]
    ),
    max_size=30,
).map("".join)


@_FAST
@given(_PROSE)
def test_mostly_hangul_counts_words_as_the_word_loop_did(text):
    assert language.mostly_hangul(text) == _mostly_hangul(text)
    assert exporter.mostly_hangul is language.mostly_hangul  # re-exported, not a copy


_ANY = st.one_of(_TEXT, st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
_ZONES = st.sampled_from(
    [
        dt.UTC,
        dt.timezone(dt.timedelta(hours=9)),
        dt.timezone(-dt.timedelta(hours=3, minutes=30)),
        dt.timezone(dt.timedelta(seconds=5415)),  # an offset with seconds
    ]
)
_MOMENTS = st.builds(
    lambda day, seconds, zone: (
        dt.datetime.combine(day, dt.time(), zone) + dt.timedelta(seconds=seconds)
    ),
    st.dates(dt.date(1, 1, 2), dt.date(9999, 12, 30)),
    st.integers(0, 86_399),
    _ZONES,
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    title=_ANY,
    group=_ANY,
    kind=_ANY,
    status=_ANY,
    tags=st.lists(_ANY, max_size=3),
    people=st.lists(_ANY.filter(str.strip), max_size=3),
    slots=st.lists(st.tuples(_ANY, _ANY), max_size=3),
    start=st.one_of(st.none(), st.times()),
    created=st.one_of(st.none(), _MOMENTS),
    day=st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
)
def test_front_matter_from_values_alone_reads_back_as_a_mapping(
    title, group, kind, status, tags, people, slots, start, created, day
):
    # render_front_matter trusts this and only reads back what holds the user's own blocks.
    session = SessionDetail(
        id=1,
        title=title,
        date=day,
        start_time=start,
        timezone="+09:00",
        group=group,
        kind=kind,
        status=status,
        tags=tuple(tags),
        attendees=tuple(people),
        presentations=tuple(
            PresentationInfo(
                id=n,
                position=n,
                presenter=who,
                paper=PaperInfo(id=n, title=paper) if paper else None,
            )
            for n, (who, paper) in enumerate(slots)
        ),
        created_at=created,
        updated_at=created,
    )
    text = front_matter_out.render_front_matter(session)
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    assert (data["title"], data["group"], data["kind"], data["status"]) == (
        title,
        group,
        kind,
        status,
    )
