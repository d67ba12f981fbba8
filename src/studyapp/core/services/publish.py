"""Publishing the minutes into a Jekyll site or an Obsidian vault, committed with git.

A Jekyll site gets its posts in ``_posts/`` and their images in ``assets/<post>/``; a vault
gets the notes and images at its top. Nothing else in the folder is touched. When the folder
is a git repository the files that changed are committed (pushed only when asked); a
publish that changes nothing commits nothing.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from studyapp.core.db import Database
from studyapp.core.errors import ExportError
from studyapp.core.markdown import fast_yaml
from studyapp.core.markdown.jekyll import JekyllOptions
from studyapp.core.markdown.writer import ExportResult
from studyapp.core.services.exports import ExportService

POSTS = "_posts"
ASSETS = "assets"
PUBLISH_FLAVORS = ("jekyll", "obsidian")
_GIT_TIMEOUT = 120


@dataclass
class PublishResult:
    changed: list[Path] = field(default_factory=list)  # files written (or, dry, to write)
    unchanged: int = 0  # sessions whose page was already as written
    committed: str | None = None  # the commit made, when the folder is a git repository
    pushed: bool = False
    repository: bool = False


class PublishService:
    def __init__(self, database: Database) -> None:
        self.exports = ExportService(database)

    def publish(
        self,
        site: Path,
        *,
        flavor: str = "jekyll",
        group: str | None = None,
        jekyll: JekyllOptions | None = None,
        dry_run: bool = False,
        push: bool = False,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> PublishResult:
        site = Path(site).expanduser()
        if flavor not in PUBLISH_FLAVORS:
            raise ExportError(
                "Publishing writes jekyll or obsidian, not {flavor!r}.", flavor=flavor
            )
        if not site.is_dir():
            raise ExportError(
                "{site} is not a folder; name a Jekyll site or an Obsidian vault.", site=site
            )
        options = _site_options(site, jekyll or JekyllOptions())
        result = PublishResult(repository=_is_repository(site))
        if dry_run:
            with tempfile.TemporaryDirectory(prefix="studyapp-publish-") as scratch:
                copy = Path(scratch)
                self._write(copy, flavor, group, options, (since, until))
                result.changed = _differences(copy, site)
            return result
        written = self._write(site, flavor, group, options, (since, until))
        result.changed = [Path(os.path.normpath(p)) for p in (*written.written, *written.images)]
        result.unchanged = len(written.unchanged)
        if result.repository and result.changed:
            result.committed = _commit(site, result.changed)
            if push and result.committed:
                _git(site, "push")
                result.pushed = True
        return result

    def _write(
        self,
        site: Path,
        flavor: str,
        group: str | None,
        options: JekyllOptions,
        dates: tuple[dt.date | None, dt.date | None],
    ) -> ExportResult:
        folder = site / POSTS if flavor == "jekyll" else site
        since, until = dates
        return self.exports.export(
            folder, flavor=flavor, group=group, since=since, until=until, jekyll=options
        )


def _site_options(site: Path, options: JekyllOptions) -> JekyllOptions:
    """Posts in ``_posts``, images in the site's ``assets``, served under its baseurl
    (unless the options name other places)."""
    default = JekyllOptions()
    if (options.assets_dir, options.assets_url) != (default.assets_dir, default.assets_url):
        return options
    baseurl = ""
    try:
        config = fast_yaml.safe_load((site / "_config.yml").read_text(encoding="utf-8"))
        if isinstance(config, dict) and isinstance(config.get("baseurl"), str):
            baseurl = config["baseurl"].strip().rstrip("/")
    except Exception:  # no _config.yml, or one YAML cannot read: the site's root then
        baseurl = ""
    return replace(options, assets_dir=f"../{ASSETS}", assets_url=f"{baseurl}/{ASSETS}")


def _differences(written: Path, site: Path) -> list[Path]:
    """Files under ``written`` that ``site`` lacks or holds otherwise, as paths in ``site``."""
    changed = []
    for path in sorted(p for p in written.rglob("*") if p.is_file()):
        target = site / path.relative_to(written)
        if not target.is_file() or not filecmp.cmp(path, target, shallow=False):
            changed.append(target)
    return changed


def _is_repository(site: Path) -> bool:
    if shutil.which("git") is None:
        return False
    try:
        return _git(site, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except ExportError:  # not a repository (or git refuses it): publish without committing
        return False


def _commit(site: Path, changed: list[Path]) -> str | None:
    """Commit exactly the files published; None when git sees nothing new in them."""
    relative = [str(path.resolve().relative_to(site.resolve())) for path in changed]
    _git(site, "add", "--", *relative)
    staged = _git(site, "diff", "--cached", "--name-only", "--", *relative)
    if not staged.strip():
        return None
    posts = [Path(name).stem for name in relative if name.endswith((".md", ".markdown"))]
    more = f" and {len(posts) - 3} more" if len(posts) > 3 else ""
    subject = f"Minutes: {', '.join(posts[:3])}{more}" if posts else "Minutes: images"
    message = f"{subject}\n\nPublished by studyapp on {dt.date.today().isoformat()}."
    _git(site, "commit", "-q", "-m", message, "--", *relative)
    return _git(site, "rev-parse", "HEAD").strip()


def _git(site: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(site), *args], capture_output=True, text=True, timeout=_GIT_TIMEOUT
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise ExportError("git {command} failed: {error}", command=args[0], error=error) from error
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise ExportError(
            "git {command} failed: {reason}",
            command=args[0],
            reason=reason[-1] if reason else done.returncode,
        )
    return done.stdout
