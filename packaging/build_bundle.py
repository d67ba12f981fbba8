"""Build the one-folder bundle and check that it starts: `python packaging/build_bundle.py`.

Needs `pip install pyinstaller` in the environment that has studyapp installed. The bundle
lands in build/dist/studyapp/; the check runs its `--version` and `demo` offscreen on a
temporary data folder and fails loudly if either does not work.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> int:
    dist, work = ROOT / "build" / "dist", ROOT / "build" / "pyinstaller"
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(HERE / "studyapp.spec"), "--noconfirm",
         "--distpath", str(dist), "--workpath", str(work)],
        check=True, cwd=HERE,
    )
    binary = dist / "studyapp" / ("studyapp.exe" if os.name == "nt" else "studyapp")
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDYAPP_DATA_DIR": data}
        version = subprocess.run([str(binary), "--version"], env=env, check=True,
                                 capture_output=True, text=True).stdout.strip()
        subprocess.run([str(binary), "demo"], env=env, check=True, capture_output=True)
        listed = subprocess.run([str(binary), "list"], env=env, check=True,
                                capture_output=True, text=True).stdout
    if "KD 스터디" not in listed:
        print("the bundle started but the demo group is missing", file=sys.stderr)
        return 1
    print(f"bundle OK: {binary} ({version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
