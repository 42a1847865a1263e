"""The screen walk of issue 17 held by tests: at 1280×720 and 1366×768 in both languages every page
(each tab), a client workspace at each step and the usual dialogs show no English
words in the Chinese UI (names and codes aside), no button, tick box or one-line label cuts
its text, no disabled button is silent about why, and no page needs a horizontal scrollbar."""

import pytest
from gui_walk import clipped, horizontal_scroll, silent_disabled, too_big, untranslated, walk

from rmdesk import i18n
from rmdesk.services import clients
from rmdesk.store.models import Client


def _one_per_step(store) -> list[int]:
    with store.read() as s:
        rows = s.query(Client.id, Client.step).filter(Client.deleted_at.is_(None)).order_by(Client.id).all()
    out = {}
    for cid, step in rows:
        out.setdefault(step, cid)
    return [out[k] for k in sorted(out)]


def _data_names(store) -> set[str]:
    """Texts that are the RM's data (client and contact names, notes): not UI words."""
    with store.read() as s:
        names = {n for (n,) in s.query(Client.name)}
        names |= {n for (n,) in s.query(Client.short_name) if n}
    return names | {str(store.data_dir)}


@pytest.mark.parametrize(("lang", "size"), [("zh_CN", (1280, 720)), ("zh_CN", (1366, 768)), ("en", (1280, 720)),
                                             ("en", (1366, 768))])
def test_the_walk_finds_nothing(make_desk, demo_store, lang, size):
    desk = make_desk(demo_store, lang)
    desk.window.resize(*size)
    found = []
    names = _data_names(demo_store)

    def look(where, widget):
        if lang == "zh_CN":
            found.extend(untranslated(widget, where, names))
        found.extend(clipped(widget, where))
        found.extend(silent_disabled(widget, where))
        if where.startswith("page-"):
            found.extend(horizontal_scroll(widget, where))
        found.extend(too_big(widget, where, size))

    walk(desk, _one_per_step(demo_store), look)
    i18n.set_language("zh_CN")
    assert not found, "\n".join(map(str, found))
    assert clients  # the walk opened real clients of the demo book


def test_the_checks_see_what_a_person_sees(qtbot):
    """The walk's checks are not blind: a cut button, a silent disabled one and English in
    Chinese are found; names, codes and paths are not English text."""
    from gui_walk import english_left
    from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

    root = QWidget()
    layout = QVBoxLayout(root)
    cut = QPushButton("Plan a visit for this client")
    cut.setFixedWidth(60)
    quiet = QPushButton("保存")
    quiet.setEnabled(False)
    told = QPushButton("删除")
    told.setEnabled(False)
    told.setToolTip("请先选中一行")
    for w in (cut, quiet, told):
        layout.addWidget(w)
    qtbot.addWidget(root)
    root.show()
    assert [f.text for f in clipped(root, "t")] == ["Plan a visit for this client"]
    assert [f.text for f in silent_disabled(root, "t")] == ["保存"]
    assert [f.text for f in untranslated(root, "t", set())] == ["Plan a visit for this client"]
    assert english_left("导出 PDF、CSV 到 /tmp/a b/数据，规则 FREQ=MONTHLY;INTERVAL=3，版本 0017_volume_measures") == []
    assert english_left("已保存 Saved") == ["Saved"]
