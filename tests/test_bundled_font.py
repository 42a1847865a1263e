"""The desktop bundle's font: on a computer with no usable TrueType Chinese font (a stock
Linux with only Noto CJK), PDFs embed the font the bundle carries in resources/fonts/."""

import shutil
from pathlib import Path

import pytest

from rmdesk.formats import fonts

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
def test_a_bundled_font_is_used_when_the_computer_has_none(tmp_path, monkeypatch):
    resources = tmp_path / "resources"
    shutil.copytree(Path(__file__).resolve().parent.parent / "resources", resources)
    (resources / "fonts").mkdir()
    (resources / "fonts" / WQY.name).symlink_to(WQY)
    monkeypatch.setenv("RMDESK_RESOURCES", str(resources))
    monkeypatch.setattr(fonts, "CANDIDATES", ())
    monkeypatch.delenv("RMDESK_PDF_FONT", raising=False)
    fonts.pdf_font.cache_clear()
    try:
        found = fonts.pdf_font()
        assert found.embedded and found.source == str(resources / "fonts" / WQY.name)
    finally:
        fonts.pdf_font.cache_clear()


def test_without_a_bundled_font_nothing_is_added(tmp_path, monkeypatch):
    monkeypatch.setenv("RMDESK_RESOURCES", str(tmp_path))
    assert fonts.bundled() == []
