"""``studyapp publish`` and the options a blog's posts take (also ``export --flavor jekyll``).

``commands.py`` merges :data:`PUBLISH_COMMANDS` into its table.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.cli import shaping

if TYPE_CHECKING:
    from studyapp.cli.commands import Context
    from studyapp.core.markdown.jekyll import JekyllOptions

LIQUID_CHOICES = {"4": "front matter", "3": "raw"}


def add_blog_options(parser: argparse.ArgumentParser) -> None:
    """How a Jekyll blog wants its posts: layout, Liquid, images, line breaks."""
    blog = parser.add_argument_group("jekyll posts")
    blog.add_argument(
        "--layout", default="post", metavar="NAME", help="the posts' layout (default: post)"
    )
    blog.add_argument(
        "--jekyll",
        choices=sorted(LIQUID_CHOICES),
        default="4",
        help="the Jekyll the blog builds with: 4 (render_with_liquid: false, the default) or "
        "3 / GitHub Pages (the text wrapped in {%% raw %%})",
    )
    blog.add_argument(
        "--assets",
        metavar="DIR",
        help="where images go, relative to the posts' folder (export default: assets; "
        "publish: the site's assets/)",
    )
    blog.add_argument(
        "--assets-url",
        metavar="URL",
        help="where the blog serves those images (default: /assets, under the site's baseurl)",
    )
    blog.add_argument(
        "--soft-line-breaks",
        dest="line_breaks",
        action="store_false",
        help="let single line breaks run together, as plain Markdown does",
    )


def add_publish_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    publishing = command(
        "publish", "write the minutes into a Jekyll site or an Obsidian vault and commit them"
    )
    publishing.add_argument("site", type=Path, metavar="SITE_DIR")
    publishing.add_argument("--flavor", choices=("jekyll", "obsidian"), default="jekyll")
    publishing.add_argument("--group", metavar="NAME", help="only this group's sessions")
    publishing.add_argument(
        "--dry-run", action="store_true", help="list the files that would change, write nothing"
    )
    publishing.add_argument(
        "--push", action="store_true", help="push the commit when SITE_DIR is a git repository"
    )
    add_blog_options(publishing)


def blog_options(args: argparse.Namespace) -> JekyllOptions:
    from studyapp.core.markdown.jekyll import JekyllOptions

    options = JekyllOptions(
        layout=args.layout.strip(), liquid=LIQUID_CHOICES[args.jekyll], line_breaks=args.line_breaks
    )
    if args.assets:
        options = replace(options, assets_dir=args.assets)
    if args.assets_url:
        options = replace(options, assets_url=args.assets_url)
    return options


def cmd_publish(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.publish import PublishService

    site: Path = args.site
    result = PublishService(ctx.database(writes=True)).publish(
        site,
        flavor=args.flavor,
        group=args.group,
        jekyll=blog_options(args),
        dry_run=args.dry_run,
        push=args.push,
    )
    for path in result.changed:
        ctx.print(f"{'would write' if args.dry_run else 'wrote'}  {_shown(path, site)}")
    files = shaping.plural(len(result.changed), "file")
    if args.dry_run:
        ctx.print(f"Dry run, nothing written: {files} would change in {site}")
    elif not result.changed:
        ctx.print(f"Nothing to publish: {site} already has these minutes")
    else:
        ctx.print(f"Published {files} to {site}")
    if result.committed:
        pushed = " and pushed" if result.pushed else ""
        ctx.print(f"Committed {result.committed[:10]}{pushed}")
    return 0


def _shown(path: Path, site: Path) -> str:
    try:
        return str(path.relative_to(site))
    except ValueError:
        return str(path)


PUBLISH_COMMANDS: dict[str, Callable[[argparse.Namespace, Context], int]] = {
    "publish": cmd_publish,
}
