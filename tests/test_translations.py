"""zh_CN and en stay complete: the shipped .ts files hold every string of the code and
forms, finished; the core's message catalog has both languages for every key."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rmdesk import i18n, paths, vocab

ROOT = Path(__file__).resolve().parent.parent
TS_FILES = [ROOT / "resources" / "translations" / f"rmdesk_{lang}.ts" for lang in ("zh_CN", "en")]


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    out = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message
    return out


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str, str]]:
    """Run lupdate on the sources now, into a scratch file."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate not found next to the interpreter"
    target = tmp_path_factory.mktemp("ts") / "scratch_zh_CN.ts"
    sources = sorted(str(p) for p in (ROOT / "rmdesk").rglob("*.py") if "forms" not in p.parts)
    forms = sorted(str(p) for p in (ROOT / "ui").glob("*.ui"))
    subprocess.run([lupdate, *sources, *forms, "-locations", "none", "-ts", str(target)], check=True,
                   capture_output=True)
    return set(_messages(target))


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_in_the_code_is_in_the_shipped_ts(ts, extracted):
    missing = extracted - set(_messages(ts))
    assert not missing, f"run `make ts` and translate: {sorted(missing)[:10]}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_entry_is_finished(ts):
    unfinished = []
    for key, message in _messages(ts).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            unfinished.append(key)
            continue
        forms = [f.text for f in translation.iter("numerusform")] if message.get("numerus") == "yes" else [
            translation.text]
        if not all(f and f.strip() for f in forms):
            unfinished.append(key)
    assert not unfinished, unfinished[:10]


def test_zh_cn_translations_are_chinese():
    latin_only = [key for key, m in _messages(TS_FILES[0]).items()
                  if re.search(r"[A-Za-z]{3,}", key[1]) and not re.search(r"[\u4e00-\u9fff]", "".join(
                      m.find("translation").itertext())) and key[1] not in ("rmdesk",)]
    assert not latin_only, latin_only[:10]


def test_catalog_has_both_languages_for_every_key():
    for key, entry in i18n.catalog().items():
        for lang in i18n.LANGUAGES:
            assert entry[lang].strip(), (key, lang)
        # placeholders must agree between languages
        assert set(re.findall(r"{(\w+)}", entry["zh_CN"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_every_vocabulary_value_has_a_label():
    catalog = i18n.catalog()
    missing = [f"label.{name}.{value}" for name, values in vocab.ALL_LISTS.items() for value in values
               if f"label.{name}.{value}" not in catalog]
    assert not missing


def test_every_message_key_used_in_the_code_exists():
    catalog = i18n.catalog()
    used = set()
    for path in (ROOT / "rmdesk").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""["']((?:error|store|playbook|rule)\.[a-z_]+)["']""", text))
        used |= {f"field.{f}" for f in re.findall(r"""ValidationError\(\s*"[\w.]+",\s*"(\w+)\"""", text)}
        used |= {f"field.{f}" for f in re.findall(r"""v\.\w+\([^()]*?,\s*"(\w+)"[,)]""", text)}
        used |= {f"rule.{c}" for c in re.findall(r"Condition\(\s*\"(\w+)\"", text)}
        used |= {f"field.{f}" for f in re.findall(r"field: str = \"(\w+)\"", text)}  # validator defaults
    assert "rule.min_score" in used and "field.phone" in used  # the scan itself works
    missing = sorted(k for k in used if k not in catalog)
    assert not missing, missing


def test_no_tr_inside_f_strings():
    """lupdate does not extract tr() calls inside f-strings: such text would stay English."""
    offenders = []
    for path in (ROOT / "rmdesk" / "gui").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""\bf["'][^"']*\{[^}]*\btr\(""", line):
                offenders.append(f"{path.name}:{number}")
    assert not offenders


def test_the_compiled_catalogue_is_the_toml_and_never_an_older_build(tmp_path, monkeypatch):
    """messages.json (written by the build) holds exactly what messages.toml says; once the
    TOML is edited, the JSON of the older build is ignored and the TOML is read."""
    import tomllib

    folder = tmp_path / "i18n"
    folder.mkdir()
    source = paths.resources_dir() / "i18n" / "messages.toml"
    (folder / "messages.toml").write_bytes(source.read_bytes())
    i18n.compile_catalog(folder)
    assert not list(folder.glob(".*partial"))
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path)
    i18n.catalog.cache_clear()
    try:
        compiled = i18n.catalog()
        assert compiled == i18n._flatten(tomllib.loads(source.read_text("utf-8")))
        assert compiled["error.required"]["zh_CN"] == "不能为空"
        edited = source.read_text("utf-8").replace('required = { zh_CN = "不能为空"', 'required = { zh_CN = "必填"', 1)
        (folder / "messages.toml").write_text(edited, encoding="utf-8")
        i18n.catalog.cache_clear()
        assert i18n.catalog()["error.required"]["zh_CN"] == "必填"  # not the stale JSON's
        (folder / "messages.json").write_text("{not json", encoding="utf-8")
        i18n.catalog.cache_clear()
        assert i18n.catalog()["error.required"]["zh_CN"] == "必填"
    finally:
        i18n.catalog.cache_clear()
