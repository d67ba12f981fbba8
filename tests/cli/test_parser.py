"""The parser of one command built alone reads and helps exactly as the whole tree does."""

import argparse

import pytest

from studyapp.cli.parser import build_parser, command_word


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


FULL = _subparsers(build_parser())


@pytest.mark.parametrize("name", sorted(FULL))
def test_a_command_built_alone_has_the_same_help(name):
    alone = _subparsers(build_parser(only=name))
    assert list(alone) == [name]
    assert alone[name].format_help() == FULL[name].format_help()


def test_a_command_built_alone_reads_arguments_the_same():
    argv = ["--database", "x.sqlite3", "search", "교사 group:KD", "--all", "--json"]
    assert build_parser(only="search").parse_args(argv) == build_parser().parse_args(argv)


def test_an_unknown_word_gets_the_whole_tree():
    assert _subparsers(build_parser(only="nosuch")).keys() == FULL.keys()


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["search", "x"], "search"),
        (["--database", "list", "search", "x"], "search"),  # a value is not the command
        (["--data", "f.sqlite3", "show", "1"], "show"),  # an abbreviation takes one too
        (["--database=f.sqlite3", "--as", "Alice", "todo"], "todo"),
        (["--no-backup", "backup"], "backup"),
        (["--version"], None),
        (["--", "search"], None),
        (["-h", "search"], None),  # the top-level help, with every command
        (["--hel", "search"], None),
        ([], None),
    ],
)
def test_the_command_word_is_found_as_argparse_finds_it(argv, word):
    assert command_word(argv) == word
    if word is not None and "-h" not in argv:
        assert build_parser().parse_known_args(argv)[0].command == word
