import shutil
import tomllib

import pytest

from rmdesk import vocab
from rmdesk.errors import PlaybookError
from rmdesk.playbook import loader


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_shipped_playbook_loads_complete(lang):
    pb = loader.load(lang)
    assert pb.language == lang
    assert [s.number for s in pb.steps] == list(vocab.STEPS)
    for step in pb.steps:
        assert step.name and step.purpose and step.exit_rule
        assert len(step.checklist) >= 3 and step.tips and step.scripts and step.needs
    assert set(pb.objections) == set(vocab.OBJECTION_TYPES)
    assert all(len(o.answers) >= 2 for o in pb.objections.values())
    assert [w.id for w in pb.maintenance_ways] == list(loader.MAINTENANCE_WAYS)
    assert [s.id for s in pb.closing_strategies] == list(loader.CLOSING_STRATEGIES)


def test_languages_share_ids():
    zh, en = loader.check_all()
    assert loader.ids_of(zh) == loader.ids_of(en)


def test_short_names_fit_a_board_column():
    assert all(len(s.short) <= 5 for s in loader.load("zh_CN").steps)
    assert all(len(s.short) <= 14 for s in loader.load("en").steps)


def test_exit_rule_threshold_is_data():
    assert loader.rule_params()["min_qualification_score"] == 3


def _broken_copy(tmp_path, monkeypatch, edit):
    folder = tmp_path / "playbook"
    shutil.copytree(loader.playbook_dir(), folder)
    path = folder / "en.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr(loader, "playbook_dir", lambda: folder)
    return path


def test_missing_key_names_file_and_key(tmp_path, monkeypatch):
    path = _broken_copy(tmp_path, monkeypatch, lambda t: t.replace("exit_rule", "exit_rul", 1))
    with pytest.raises(PlaybookError) as info:
        loader.load_file(path)
    message = info.value.message("en")
    assert "en.toml" in message and "steps[0].exit_rule" in message and "missing" in message
    assert "营销指引文件 en.toml" in info.value.message("zh_CN")


def test_toml_syntax_error_is_a_playbook_error(tmp_path, monkeypatch):
    path = _broken_copy(tmp_path, monkeypatch, lambda t: t + "\n[[steps\n")
    with pytest.raises(PlaybookError) as info:
        loader.load_file(path)
    assert "en.toml" in info.value.message("en")


def test_wrong_type_and_missing_objection_type(tmp_path, monkeypatch):
    path = _broken_copy(tmp_path, monkeypatch, lambda t: t.replace("[objections.timing]", "[objections.later]"))
    with pytest.raises(PlaybookError) as info:
        loader.load_file(path)
    assert "objections.timing" in info.value.message("en")
    doc = tomllib.loads(loader.playbook_dir().joinpath("en.toml").read_text(encoding="utf-8"))
    assert isinstance(doc["steps"][0]["tips"], list)


def test_languages_with_different_ids_are_refused(tmp_path, monkeypatch):
    first_id = loader.load("en").steps[0].checklist[0].id
    _broken_copy(tmp_path, monkeypatch, lambda t: t.replace(f'"{first_id}"', '"s1_renamed"', 1))
    with pytest.raises(PlaybookError) as info:
        loader.check_all()
    assert "step1.checklist" in info.value.message("en")
