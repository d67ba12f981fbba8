"""The plugin's recurrence wording ("every week on Monday, Friday") read as an rrule.

The plugin hands the rule to rrule.js ``RRule.parseText``; python-dateutil has no such
reader, so this is a small port of that grammar (rrule's ``nlp/parsetext.ts`` with its
English tokens): the same tokens, the longest one winning, the same rules and quirks, so
a rule reads here as it does in Obsidian. Anything it cannot read gives None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from dateutil import parser as date_parser
from dateutil import rrule

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# rrule's English tokens, in its order: on a tie in length the first one listed wins.
_TOKENS = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("SKIP", r"[ \r\n\t]+|\.\Z"),
        ("number", r"[1-9][0-9]*"),
        ("numberAsText", r"(one|two|three)"),
        ("every", r"every"),
        ("day(s)", r"days?"),
        ("weekday(s)", r"weekdays?"),
        ("week(s)", r"weeks?"),
        ("hour(s)", r"hours?"),
        ("minute(s)", r"minutes?"),
        ("month(s)", r"months?"),
        ("year(s)", r"years?"),
        ("on", r"(on|in)"),
        ("at", r"(at)"),
        ("the", r"the"),
        ("first", r"first"),
        ("second", r"second"),
        ("third", r"third"),
        ("nth", r"([1-9][0-9]*)(\.|th|nd|rd|st)"),
        ("last", r"last"),
        ("for", r"for"),
        ("time(s)", r"times?"),
        ("until", r"(un)?til"),
        ("monday", r"mo(n(day)?)?"),
        ("tuesday", r"tu(e(s(day)?)?)?"),
        ("wednesday", r"we(d(n(esday)?)?)?"),
        ("thursday", r"th(u(r(sday)?)?)?"),
        ("friday", r"fr(i(day)?)?"),
        ("saturday", r"sa(t(urday)?)?"),
        ("sunday", r"su(n(day)?)?"),
        ("january", r"jan(uary)?"),
        ("february", r"feb(ruary)?"),
        ("march", r"mar(ch)?"),
        ("april", r"apr(il)?"),
        ("may", r"may"),
        ("june", r"june?"),
        ("july", r"july?"),
        ("august", r"aug(ust)?"),
        ("september", r"sep(t(ember)?)?"),
        ("october", r"oct(ober)?"),
        ("november", r"nov(ember)?"),
        ("december", r"dec(ember)?"),
        ("comma", r"(,\s*|(and|or)\s*)+"),
    )
)
_DAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
_DAY_OF = dict(zip(_WEEKDAYS, _DAYS, strict=True))
_WORKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR]
# The plugin's own suffix: the next date counts from the day the task is done.
_WHEN_DONE = re.compile(r"^([a-zA-Z0-9, !]+?)( when done)?$", re.IGNORECASE)


_T = TypeVar("_T")
Frequency = Literal[0, 1, 2, 3, 4, 5, 6]  # rrule's YEARLY … SECONDLY


class _Unreadable(ValueError):
    pass


@dataclass
class RuleOptions:
    """The rrule options a rule's wording gives (dtstart comes from the task's dates)."""

    freq: Frequency = rrule.DAILY
    interval: int = 1
    byweekday: list[rrule.weekday] = field(default_factory=list)
    bymonthday: list[int] = field(default_factory=list)
    bymonth: list[int] = field(default_factory=list)
    byweekno: list[int] = field(default_factory=list)
    byhour: list[int] = field(default_factory=list)
    count: int | None = None
    until: dt.datetime | None = None

    def rule(self, dtstart: dt.datetime) -> rrule.rrule:
        return rrule.rrule(
            self.freq,
            dtstart=dtstart,
            interval=self.interval,
            wkst=rrule.MO,
            count=self.count,
            until=self.until,
            byweekday=list(dict.fromkeys(self.byweekday)) or None,
            bymonthday=self.bymonthday or None,
            bymonth=list(dict.fromkeys(self.bymonth)) or None,
            byweekno=self.byweekno or None,
            byhour=self.byhour or None,
        )


@dataclass(frozen=True)
class Rule:
    options: RuleOptions
    when_done: bool  # "… when done": count from the day it is done, not from its dates


def read_rule(text: str) -> Rule | None:
    """``"every 2 weeks on Monday when done"`` as rrule options, else None."""
    match = _WHEN_DONE.match(text)
    if match is None:
        return None
    try:
        options = _Reading(match[1].strip()).rule()
    except (_Unreadable, ValueError, OverflowError):
        return None
    return None if options is None else Rule(options, match[2] is not None)


class _Reading:
    """rrule's recursive descent over its tokens; method names follow its grammar."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.done = True
        self.symbol: str | None = None
        self.value: re.Match[str] | None = None
        self.options = RuleOptions()

    def rule(self) -> RuleOptions | None:
        self.done = False
        if not self.next_symbol():
            return None
        self.every()
        return self.options

    # -- the tokenizer --------------------------------------------------------------------

    def next_symbol(self) -> bool:
        self.symbol = self.value = None
        while True:
            if self.done:
                return False
            best: re.Match[str] | None = None
            name = ""
            for token, pattern in _TOKENS:
                found = pattern.match(self.text)
                if found and (best is None or len(found[0]) > len(best[0])):
                    best, name = found, token
            if best is None:
                self.done = True
                return False
            self.text = self.text[len(best[0]) :]
            self.done = self.text == ""
            if name != "SKIP":
                self.symbol, self.value = name, best
                return True

    def is_done(self) -> bool:
        return self.done and self.symbol is None

    def accept(self, name: str) -> re.Match[str] | None:
        if self.symbol != name:
            return None
        value = self.value
        self.next_symbol()
        return value

    def expect(self, name: str) -> None:
        if self.accept(name) is None:
            raise _Unreadable(f"expected {name} but found {self.symbol}")

    # -- the grammar ----------------------------------------------------------------------

    def every(self) -> None:
        options = self.options
        self.expect("every")
        number = self.accept("number")
        if number:
            options.interval = int(number[0])
        if self.is_done():
            raise _Unreadable("unexpected end")
        symbol = self.symbol or ""
        if symbol == "day(s)":
            options.freq = rrule.DAILY
            self.next_symbol()
            if not self.is_done():
                if self.accept("on"):
                    month = self.month()
                    if month:
                        options.bymonth = [month]
                        self.next_symbol()
                self.at()
                self.count_or_until()
        elif symbol == "weekday(s)":
            options.freq = rrule.WEEKLY
            options.byweekday = list(_WORKDAYS)
            self.next_symbol()
            self.at()
            self.count_or_until()
        elif symbol in ("week(s)", "hour(s)", "minute(s)", "month(s)", "year(s)"):
            frequencies: dict[str, Frequency] = {
                "week(s)": rrule.WEEKLY,
                "hour(s)": rrule.HOURLY,
                "minute(s)": rrule.MINUTELY,
                "month(s)": rrule.MONTHLY,
                "year(s)": rrule.YEARLY,
            }
            options.freq = frequencies[symbol]
            if self.next_symbol():
                self.on()
                if symbol == "week(s)":
                    self.at()
                self.count_or_until()
        elif symbol in _DAY_OF:
            options.freq = rrule.WEEKLY
            options.byweekday = [_DAY_OF[symbol]]
            if not self.next_symbol():
                return
            while self.accept("comma"):
                if self.is_done():
                    raise _Unreadable("unexpected end")
                options.byweekday.append(self.required(self.weekday(), "weekday"))
                self.next_symbol()
            self.at()
            self.month_days()
            self.count_or_until()
        elif symbol in _MONTHS:
            options.freq = rrule.YEARLY
            options.bymonth = [_MONTHS.index(symbol) + 1]
            if not self.next_symbol():
                return
            while self.accept("comma"):
                if self.is_done():
                    raise _Unreadable("unexpected end")
                options.bymonth.append(self.required(self.month(), "month"))
                self.next_symbol()
            self.on()
            self.count_or_until()
        else:
            raise _Unreadable(f"unknown symbol {symbol}")

    def on(self) -> None:
        options = self.options
        on = self.accept("on")
        the = self.accept("the")
        if not (on or the):
            return
        while True:
            nth = self.nth()
            weekday = self.weekday()
            month = self.month()
            if nth:
                if weekday:
                    self.next_symbol()
                    options.byweekday.append(weekday(nth))
                else:
                    options.bymonthday.append(nth)
                    self.accept("day(s)")
            elif weekday:
                self.next_symbol()
                options.byweekday.append(weekday)
            elif self.symbol == "weekday(s)":
                self.next_symbol()
                if not options.byweekday:
                    options.byweekday = list(_WORKDAYS)
            elif self.symbol == "week(s)":
                self.next_symbol()
                options.byweekno = [int(self.required(self.accept("number"), "week")[0])]
                while self.accept("comma"):
                    week = self.required(self.accept("number"), "week")
                    options.byweekno.append(int(week[0]))
            elif month:
                self.next_symbol()
                options.bymonth.append(month)
            else:
                return
            if not (self.accept("comma") or self.accept("the") or self.accept("on")):
                return

    def at(self) -> None:
        if not self.accept("at"):
            return
        while True:
            hour = self.required(self.accept("number"), "hour")
            self.options.byhour = [int(hour[0])]
            while self.accept("comma"):
                self.options.byhour.append(int(self.required(self.accept("number"), "hour")[0]))
            if not (self.accept("comma") or self.accept("at")):
                return

    def month_days(self) -> None:
        self.accept("on")
        self.accept("the")
        nth = self.nth()
        if not nth:
            return
        self.options.bymonthday = [nth]
        self.next_symbol()  # as rrule does, though nth() has already moved on
        while self.accept("comma"):
            self.options.bymonthday.append(self.required(self.nth(), "monthday"))
            self.next_symbol()

    def count_or_until(self) -> None:
        if self.symbol == "until":
            self.options.until = date_parser.parse(self.text)
        elif self.accept("for"):
            self.options.count = int(self.required(self.value, "count")[0])
            self.expect("number")

    def weekday(self) -> rrule.weekday | None:
        return _DAY_OF.get(self.symbol or "")

    def month(self) -> int | None:
        return _MONTHS.index(self.symbol) + 1 if self.symbol in _MONTHS else None

    def nth(self) -> int | None:
        symbol = self.symbol
        if symbol == "last":
            self.next_symbol()
            return -1
        if symbol == "first":
            self.next_symbol()
            return 1
        if symbol in ("second", "third", "nth"):
            value = self.required(self.value, "nth")
            number = 2 if symbol == "second" else 3 if symbol == "third" else int(value[1])
            if not -366 <= number <= 366:
                raise _Unreadable(f"nth out of range: {number}")
            self.next_symbol()
            return -number if self.accept("last") else number
        return None

    @staticmethod
    def required(value: _T | None, what: str) -> _T:
        if value is None:
            raise _Unreadable(f"expected {what}")
        return value
