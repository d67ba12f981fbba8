"""Screenshots of published minutes on a stock Jekyll blog, Korean and English.

Needs Debian's jekyll, jekyll-theme-minima and chromium (a headless browser):
    python scripts/make_blog_screenshots.py
It imports the sample notes into a temporary database, publishes them into a blog made by
`jekyll new`, builds it, serves it on 127.0.0.1 and photographs two posts.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SAMPLES = ROOT / "tests" / "fixtures" / "samples"
SHARED = ROOT.parent / "shared" / "samples"
SHOTS = {
    # The Korean log's meeting with the slide photo, and an English reading group.
    "blog-post-korean.png": "0317 스터디",
    "blog-post-english.png": "Vision reading group 250310",
}


def main() -> int:
    for tool in ("jekyll", "chromium"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ["STUDYAPP_DATA_DIR"] = str(work / "data")
        from studyapp.cli import main as studyapp

        database = ["--database", f"sqlite:///{work / 'minutes.sqlite3'}"]
        notes = [str(path) for path in (SAMPLES, SHARED) if path.is_dir()]
        studyapp(["import", *notes, *database])
        subprocess.run(["jekyll", "new", "--skip-bundle", str(work / "blog")], check=True)
        blog = work / "blog"
        (blog / "Gemfile").unlink(missing_ok=True)
        for post in (blog / "_posts").iterdir():
            post.unlink()
        studyapp(["publish", str(blog), *database])
        subprocess.run(["jekyll", "build", "--source", str(blog)], check=True, cwd=blog)
        handler = functools.partial(
            http.server.SimpleHTTPRequestHandler, directory=str(blog / "_site")
        )
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            for name, title in SHOTS.items():
                page = _page_of(blog / "_site", title)
                url = f"http://127.0.0.1:{server.server_address[1]}/{quote(page)}"
                OUT.mkdir(parents=True, exist_ok=True)
                subprocess.run(
                    [
                        "chromium",
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--hide-scrollbars",
                        "--window-size=1100,1300",
                        f"--screenshot={OUT / name}",
                        url,
                    ],
                    check=True,
                    capture_output=True,
                    timeout=120,
                )
                print(OUT / name)
        finally:
            server.shutdown()
    return 0


def _page_of(site: Path, title: str) -> str:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if f'itemprop="name headline">{title}</h1>' in text:
            return str(page.relative_to(site))
    raise SystemExit(f"no post titled {title!r} in the built blog")


if __name__ == "__main__":
    sys.exit(main())
