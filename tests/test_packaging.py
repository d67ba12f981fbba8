"""What a person installing studyapp gets: the wheel works in a fresh environment, and the
desktop entry and AppStream metadata are valid."""

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "resources" / "io.github.studyapp.studyapp.desktop"
METAINFO = ROOT / "resources" / "io.github.studyapp.studyapp.metainfo.xml"


def test_wheel_installs_into_a_fresh_environment_and_runs(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        timeout=600,
    )
    wheel = next(wheels.glob("studyapp-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=900)
    script = env_dir / ("Scripts" if os.name == "nt" else "bin") / "studyapp"
    env = {
        **os.environ,
        "STUDYAPP_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("PYTHONPATH", None)
    version = subprocess.run(
        [str(script), "--version"], env=env, check=True, capture_output=True, text=True, timeout=120
    )
    assert version.stdout.startswith("studyapp ")
    subprocess.run([str(script), "demo"], env=env, check=True, capture_output=True, timeout=300)
    listed = subprocess.run(
        [str(script), "list"], env=env, check=True, capture_output=True, text=True, timeout=120
    )
    assert "KD 스터디" in listed.stdout
    # The Korean translation and the migrations travel inside the wheel.
    shipped = subprocess.run(
        [
            str(python),
            "-c",
            "import studyapp, pathlib; p = pathlib.Path(studyapp.__file__).parent;"
            "print((p / 'i18n' / 'studyapp_ko.qm').is_file(), "
            "len(list((p / 'core' / 'migrations' / 'versions').glob('0*.py'))))",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    present, migrations = shipped.stdout.split()
    assert present == "True" and int(migrations) >= 3


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (CI installs it)",
)
def test_desktop_entry_is_valid():
    subprocess.run(["desktop-file-validate", str(DESKTOP)], check=True)


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None, reason="appstreamcli is not installed (CI installs it)"
)
def test_appstream_metadata_is_valid():
    subprocess.run(
        ["appstreamcli", "validate", "--pedantic", "--no-net", str(METAINFO)], check=True
    )
