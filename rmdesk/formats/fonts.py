"""A CJK font for PDFs. reportlab embeds (a subset of) TrueType fonts only: CFF/OTF fonts
(Noto CJK, Source Han) cannot be used, and DroidSansFallback has no Latin glyphs, so the
candidates are TrueType CJK fonts that also cover Latin. Without one, reportlab's built-in
Chinese CID font is used (not embedded: the reader supplies the glyphs)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONT_NAME = "RmdeskCJK"
FALLBACK_CID = "STSong-Light"

CANDIDATES = (
    # Windows
    r"C:\Windows\Fonts\msyh.ttc", r"C:\Windows\Fonts\simhei.ttf", r"C:\Windows\Fonts\simsun.ttc",
    # macOS (TrueType-flavoured only)
    "/Library/Fonts/Arial Unicode.ttf", "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    # Linux
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/arphic/ukai.ttc",
)


def bundled() -> list[str]:
    """The TrueType CJK font the desktop bundle carries (resources/fonts/, with its licence),
    used when the computer has none of the CANDIDATES (a stock Linux with only Noto CJK)."""
    from rmdesk.paths import resources_dir

    folder = resources_dir() / "fonts"
    if not folder.is_dir():
        return []
    return sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".ttc"))


@dataclass(frozen=True)
class PdfFont:
    name: str  # the name to use in styles
    source: str  # the file, or the built-in CID font
    embedded: bool


def _usable(path: str) -> bool:
    """A TrueType font (or collection) with Chinese and Latin glyphs that reportlab loads."""
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        font = TTFont("probe", path, subfontIndex=0) if path.lower().endswith(".ttc") else TTFont("probe", path)
    except Exception:  # CFF-based, broken, unreadable: try the next one
        return False
    widths = font.face.charWidths
    return all(ord(ch) in widths for ch in "中文Aa1")


@cache
def pdf_font() -> PdfFont:
    """Register and return the font for PDFs ($RMDESK_PDF_FONT overrides the search)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    wanted = os.environ.get("RMDESK_PDF_FONT")
    for path in ([wanted] if wanted else []) + list(CANDIDATES) + bundled():
        if path and Path(path).is_file() and _usable(path):
            kwargs = {"subfontIndex": 0} if path.lower().endswith(".ttc") else {}
            pdfmetrics.registerFont(TTFont(FONT_NAME, path, **kwargs))
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)  # one weight: <b> keeps the font
            return PdfFont(FONT_NAME, path, True)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FALLBACK_CID, bold, italic, FALLBACK_CID)
    return PdfFont(FALLBACK_CID, FALLBACK_CID, False)
