"""The desktop entry and AppStream metainfo that packages install validate with the tools
the Linux desktops use; the metainfo names the same program and licence as pyproject."""

from __future__ import annotations

import shutil
import subprocess
import tomllib

import pytest
from lxml import etree

from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "org.xzannot.xzannot.desktop"
METAINFO = PACKAGING / "org.xzannot.xzannot.metainfo.xml"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; .ci/run installs it)")
    return path


def test_desktop_entry_validates() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, DESKTOP], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates() -> None:
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--pedantic", "--no-net", METAINFO],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_metainfo_agrees_with_the_project() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    component = etree.parse(str(METAINFO)).getroot()
    assert component.findtext("project_license") == project["license"]
    assert component.find("releases/release").get("version") == project["version"]
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") in project["scripts"]
