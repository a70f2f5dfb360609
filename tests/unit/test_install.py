"""xzannot as a user installs it: a wheel in a fresh virtual environment, run from anywhere.

The rest of the suite runs against an editable install, whose import hook finds
``xzannot.resources`` even where a plain install would not. These tests build the wheel,
install it (without its dependencies, which the environment already has) into a virtual
environment that does not see that hook, and run the README's command from the top of the
source tree, where ``python -m xzannot`` imports the ``xzannot/`` folder itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
import venv
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.conftest import ROOT, SAMPLE_PDF

# one worker builds and installs the wheel once for every test here
pytestmark = pytest.mark.xdist_group("install")

# what a build needs from the source tree (a clone holds more; the build must not need it)
_SOURCES = ("pyproject.toml", "README.md", "LICENSE", "xzannot", "resources")


class Install(NamedTuple):
    wheel: Path
    python: Path  # the virtual environment's interpreter
    scripts: Path  # its bin/ (Scripts\\ on Windows)


def _run(cmd: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [str(c) for c in cmd],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
        **kwargs,
    )


@pytest.fixture(scope="module")
def install(tmp_path_factory: pytest.TempPathFactory) -> Install:
    """The wheel, built from a copy of the sources and installed into a new environment."""
    top = tmp_path_factory.mktemp("install")
    source = top / "source"
    source.mkdir()
    skip = shutil.ignore_patterns("__pycache__")
    for name in _SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=skip)
        else:
            shutil.copy2(ROOT / name, source / name)
    dist = top / "dist"
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                  "--no-index", "-w", dist, source])  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Warning" not in built.stderr + built.stdout, "the build warns"
    (wheel,) = dist.glob("xzannot-*.whl")

    env_dir = top / "venv"
    venv.create(env_dir, with_pip=False, symlinks=os.name != "nt")
    scripts = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    # the dependencies come from this environment as plain folders on the path: its
    # site-packages' .pth files (the editable install's import hook) are not run there
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
                .stdout.strip())  # fmt: skip
    folders = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (site / "dependencies.pth").write_text("\n".join(folders) + "\n", encoding="utf-8")
    installed = _run([sys.executable, "-m", "pip", "--python", python, "install",
                      "--no-deps", "--no-index", wheel])  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return Install(wheel, python, scripts)


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XZANNOT_DATA_DIR": str(tmp_path / "userdata"),
        "PYTHONIOENCODING": "utf-8",
    }


def test_the_wheel_holds_what_the_program_reads_and_nothing_else(install: Install) -> None:
    names = set(zipfile.ZipFile(install.wheel).namelist())
    for needed in (
        "xzannot/resources/labels.toml",
        "xzannot/resources/rules.toml",
        "xzannot/resources/fonts/NotoSansCJKsc-Regular-subset.otf",
        "xzannot/resources/i18n/xzannot_zh_CN.qm",
        "xzannot/resources/guide/guide.zh.md",
        "xzannot/resources/samples/xiuzhou-2022-sample.pdf",
        "xzannot/resources/icons/xzannot.svg",
        "xzannot/store/migrations/env.py",
        "xzannot/store/migrations/versions/0001_first_schema.py",
    ):
        assert needed in names
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "packaging/"))]
    assert not [n for n in names if n.endswith((".ts", ".pyc"))]
    licences = {Path(n).name for n in names if "/licenses/" in n}
    assert licences == {"LICENSE", "OFL.txt"}


def test_readme_command_opens_the_demo_from_the_top_of_the_clone(
    install: Install, tmp_path: Path
) -> None:
    """`python3 -m xzannot demo` typed in the folder of the clone (the source folder wins)."""
    env = {**_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen(
        [str(install.python), "-m", "xzannot", "demo"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    demo = tmp_path / "userdata" / "demo" / "demo.xzannot.sqlite"
    try:
        deadline = time.monotonic() + 120
        while not demo.exists() and window.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(3)  # the window is up: it must still be running, not stopped by an error
        assert window.poll() is None, window.communicate()[1]
    finally:
        window.kill()
        _out, err = window.communicate()
    assert demo.exists()
    assert "Traceback" not in err, err


@pytest.mark.parametrize("where", ["clone", "elsewhere"])
def test_commands_find_their_resources_from_any_folder(
    install: Install, tmp_path: Path, where: str
) -> None:
    folder = ROOT if where == "clone" else tmp_path
    db = tmp_path / "project.xzannot.sqlite"
    imported = _run([install.python, "-m", "xzannot", "import", SAMPLE_PDF, "--db", db],
                    cwd=folder, env=_env(tmp_path))  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    suggested = _run([install.scripts / "xzannot", "suggest", "--db", db],
                     cwd=folder, env=_env(tmp_path))  # fmt: skip
    assert suggested.returncode == 0, suggested.stderr
    assert "new suggestions on 3 pages" in suggested.stdout
