"""The wheel must carry every package and the seeds, or an installed `crossread` breaks."""

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_every_python_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("reader", "annotations")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert found <= listed
    assert config["package-dir"]["reader.seeds"] == "seeds"
    assert len(list((ROOT / "seeds").glob("*.txt"))) == 5


def test_the_installed_package_declares_its_license_with_the_text() -> None:
    # The table form (`license = {text = ...}`) built with a wall of deprecation warnings at
    # every `pip install .`, and setuptools stops building it in February 2027.
    from importlib.metadata import distribution

    meta = distribution("crossread").metadata
    assert meta["License-Expression"] == "MIT"
    assert "LICENSE" in (meta.get_all("License-File") or [])
