"""Playbook content an RM never saw before (issue 17): each step's needs list, the closing
pitfalls at step 5, and suggested answers inside the call report's objection rows."""

from rmdesk import i18n
from rmdesk.gui.client.forms import SuggestedAnswer
from rmdesk.playbook import loader
from rmdesk.services import clients


def test_guidance_shows_the_steps_needs_and_at_closing_the_pitfalls(make_desk, store):
    desk = make_desk(store)
    cid = clients.create_client(store, {"name": "指引展示有限公司"})
    ws = desk.window.open_client(cid)
    pb = loader.load("zh_CN")
    text = ws.guidance.texts.toPlainText()
    assert "本步骤需要的资料" in text and all(n in text for n in pb.step(1).needs)
    assert "促成交易的误区" not in text
    ws.view_step(5)
    text = ws.guidance.texts.toPlainText()
    assert "促成交易的误区" in text and all(p.text in text for p in pb.closing_pitfalls)
    assert all(n in text for n in pb.step(5).needs)


def test_call_report_objection_rows_offer_the_playbooks_answers(qtbot):
    i18n.set_language("zh_CN")
    pb = loader.load("zh_CN")
    edit = SuggestedAnswer("price", "首年免费")
    qtbot.addWidget(edit)
    assert edit.text() == "首年免费"  # what was typed stays
    assert [edit.itemText(i) for i in range(edit.count())] == list(pb.objections["price"].answers)
    edit.setCurrentIndex(1)
    assert edit.text() == pb.objections["price"].answers[1]
    edit.setText("我自己的说法")
    edit.suggest("timing")  # the type changed: the suggestions follow, the typed answer stays
    assert edit.text() == "我自己的说法"
    assert [edit.itemText(i) for i in range(edit.count())] == list(pb.objections["timing"].answers)
