"""The lead's review of the work reports (issue 18 item 3): two RMs and a lead, each signed in
as their own PostgreSQL role on a team database set up by `rmdesk team init`. Who reads,
comments and signs off is decided by the server: raw SQL on an RM's connection gets the
same answer as the services. On the local book the review is not offered (and says why)."""

import json
import os
from datetime import datetime

import pytest
from sqlalchemy import URL, create_engine, text
from sqlalchemy.exc import DBAPIError

from rmdesk import clock
from rmdesk.cli import main
from rmdesk.errors import Conflict, NotFound, ValidationError
from rmdesk.services import workreport_review as review
from rmdesk.services import workreports
from rmdesk.store.engine import Store

WEEK = "2026-W48"


@pytest.fixture
def team(team_setup, data_dir):
    t = team_setup
    t.admin("team", "init")
    t.add("a", "rm_a", "王强")
    t.add("b", "rm_b", "李娜")
    t.add("lead", "lead", "张经理", lead=True)
    t.add("lead2", "lead2", "赵行长", lead=True)
    stores = {}

    def store(who):
        if who not in stores:
            stores[who] = Store.open(data_dir / who, url=t.sign_in(who))
        return stores[who]

    yield t.url, t.logins, t.sign_in, store
    for s in stores.values():
        s.close()


def _cli(url, login, *argv):
    who = URL.create("postgresql", username=login, host=url.host, port=url.port, database=url.database)
    return main(["--data-dir", os.environ["RMDESK_TEST_DATA"], "--db-url", who.render_as_string(), *argv])


@pytest.mark.postgresql
def test_each_rm_has_their_own_reports_and_the_lead_reads_the_handed_in_ones(team):
    url, logins, sign_in, store = team
    a, b, lead = store("a"), store("b"), store("lead")
    workreports.submit(a, "weekly", WEEK, notes="A 的周报：拜访 3 家", plan="下周跟进华能")
    workreports.submit(b, "weekly", WEEK, notes="B 的周报")  # the same week: each RM has their own
    workreports.save_draft(a, "daily", "2026-11-23", notes="A 的草稿")
    assert workreports.get(a, "weekly", WEEK).notes == "A 的周报：拜访 3 家"
    assert workreports.get(b, "weekly", WEEK).notes == "B 的周报"
    assert workreports.get(lead, "weekly", WEEK).status == "new"  # the lead's own: none yet

    mine = review.team_reports(a)
    assert sorted((r.kind, r.status, r.owner) for r in mine) == [("daily", "draft", logins["a"]),
                                                                 ("weekly", "submitted", logins["a"])]
    listed = review.team_reports(lead)
    assert sorted((r.owner_name, r.kind, r.status) for r in listed) == [("李娜", "weekly", "submitted"),
                                                                        ("王强", "weekly", "submitted")]
    assert [r.owner for r in review.team_reports(lead, rm=logins["b"])] == [logins["b"]]
    assert review.team_reports(lead, status="signed_off") == []
    assert review.reviewer(lead).lead and not review.reviewer(a).lead and review.reviewer(a).team

    theirs = next(r for r in listed if r.owner == logins["b"])
    with pytest.raises(NotFound):  # A cannot open B's report by its id
        review.open_report(a, theirs.id)
    view = review.open_report(lead, theirs.id)
    assert (view.notes, view.owner_name, view.editable) == ("B 的周报", "李娜", False)
    doc = review.document(lead, theirs.id, "zh_CN")
    assert doc.rm_name == "李娜"  # the RM's name on the lead's print, not the lead's profile

    # raw SQL on A's connection: only A's own rows, and A cannot write as B
    raw = create_engine(sign_in("a"))
    with raw.connect() as conn:
        assert sorted(conn.execute(text("SELECT owner, kind FROM work_reports")).all()) == [
            (logins["a"], "daily"), (logins["a"], "weekly")]
        assert conn.execute(text("UPDATE work_reports SET notes = 'x' WHERE id = :i"),
                            {"i": theirs.id}).rowcount == 0
        conn.commit()
        with pytest.raises(DBAPIError, match="row-level security"):
            conn.execute(text("INSERT INTO work_reports (owner, kind, period, version, status, created_at, "
                              "updated_at) VALUES (:o, 'daily', '2026-11-24', 1, 'draft', now(), now())"),
                         {"o": logins["b"]})
        conn.rollback()
        own = conn.execute(text("SELECT id FROM work_reports WHERE kind = 'weekly'")).scalar()
        with pytest.raises(DBAPIError, match="kept as it was"):  # a submitted version stays as handed in
            conn.execute(text("UPDATE work_reports SET notes = '改过' WHERE id = :i"), {"i": own})
        conn.rollback()
    raw.dispose()
    # the lead does not read drafts: a draft is the RM's until submitted
    raw = create_engine(sign_in("lead"))
    with raw.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM work_reports WHERE status = 'draft'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM work_reports")).scalar() == 2
        with pytest.raises(DBAPIError, match="as its RM wrote it"):  # the lead cannot rewrite it
            conn.execute(text("UPDATE work_reports SET notes = '行长改的' WHERE id = :i"), {"i": theirs.id})
        conn.rollback()
    raw.dispose()


@pytest.mark.postgresql
def test_comments_sign_off_conflicts_and_a_new_version_after_the_sign_off(team):
    url, logins, sign_in, store = team
    a, b, lead, lead2 = store("a"), store("b"), store("lead"), store("lead2")
    v1 = workreports.submit(a, "weekly", WEEK, notes="本周拜访 3 家")
    workreports.submit(b, "weekly", WEEK, notes="B")
    with pytest.raises(ValidationError, match="Only a team lead"):
        review.sign_off(a, v1.id)
    with pytest.raises(ValidationError, match="Only a team lead"):  # nor B, on A's report
        review.sign_off(b, v1.id)

    clock.pin(datetime(2026, 11, 23, 10, 0))
    said = review.comment(lead, v1.id, "华能的授信进度请在周三前补充")
    assert (said.version, said.author, said.author_name) == (1, logins["lead"], "张经理")
    clock.pin(datetime(2026, 11, 23, 10, 5))
    review.comment(a, v1.id, "好的，周三前补充")  # the RM answers
    seen = workreports.get(a, "weekly", WEEK)
    assert [(c.author_name, c.text) for c in seen.comments] == [("张经理", "华能的授信进度请在周三前补充"),
                                                                ("王强", "好的，周三前补充")]
    with pytest.raises(ValidationError):
        review.comment(lead, v1.id, "   ")
    # B reads none of it, by the service or by raw SQL
    raw = create_engine(sign_in("b"))
    with raw.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM work_report_comments")).scalar() == 0
        with pytest.raises(DBAPIError, match="row-level security"):
            conn.execute(text("INSERT INTO work_report_comments (report_id, author, at, text) "
                              "VALUES (:r, :a, now(), '偷看')"), {"r": v1.id, "a": logins["b"]})
        conn.rollback()
    raw.dispose()
    raw = create_engine(sign_in("lead"))
    with raw.connect() as conn:  # a comment is in its writer's own name, and stays as written
        conn.execute(text("INSERT INTO work_report_comments (report_id, author, at, text) "
                          "VALUES (:r, :a, now(), '冒名')"), {"r": v1.id, "a": logins["a"]})
        assert conn.execute(text("SELECT author FROM work_report_comments WHERE text = '冒名'")).scalar() \
            == logins["lead"]
        assert conn.execute(text("UPDATE work_report_comments SET text = 'x'")).rowcount == 0
        assert conn.execute(text("DELETE FROM work_report_comments")).rowcount == 0
        conn.rollback()
    raw.dispose()

    # the RM hands in version 2 while the lead reads version 1: the lead's sign-off is refused
    clock.pin(datetime(2026, 11, 23, 11, 0))
    v2 = workreports.amend(a, "weekly", WEEK, "补充华能授信进度", notes="本周拜访 3 家；华能授信已上会")
    with pytest.raises(Conflict, match="version 2") as refused:
        review.sign_off(lead, v1.id)
    assert refused.value.params["who"] == "王强"
    with pytest.raises(Conflict):
        review.comment(lead, v1.id, "看的是旧版")
    assert review.open_report(lead, v1.id).status == "submitted"  # nothing was written

    clock.pin(datetime(2026, 11, 23, 14, 0))
    done = review.sign_off(lead, v2.id)
    assert (done.status, done.signed_off_by, done.signed_off_at) == ("signed_off", "张经理",
                                                                    datetime(2026, 11, 23, 14, 0))
    with pytest.raises(Conflict, match="already signed"):  # the second lead was too late
        review.sign_off(lead2, v2.id)
    mine = workreports.get(a, "weekly", WEEK)
    assert (mine.status, mine.signed_off_by, mine.editable) == ("signed_off", "张经理", False)
    assert [r.status for r in review.team_reports(lead, rm=logins["a"])] == ["signed_off"]

    # the PDF of the signed-off version names the lead, the sign-off and the comments
    doc = workreports.document(a, "weekly", WEEK, "zh_CN")
    assert "张经理 已于 2026-11-23 14:00 签阅" in doc.status_text
    block = doc.texts[-1]
    assert block.title == "负责人审阅" and "华能的授信进度请在周三前补充" in block.text and "（第 1 版）" in block.text
    pdf, pages = workreports.pdf_bytes(a, "weekly", WEEK, "zh_CN")
    assert pdf.startswith(b"%PDF") and pages >= 1

    # raw SQL: an RM cannot sign off (not even their own), a lead not their own, and a sign-off is final
    raw = create_engine(sign_in("b"))
    with raw.connect() as conn:
        own = conn.execute(text("SELECT id FROM work_reports")).scalar()
        with pytest.raises(DBAPIError, match="only a team lead"):
            conn.execute(text("UPDATE work_reports SET status = 'signed_off', signed_off_by = current_user, "
                              "signed_off_at = now() WHERE id = :i"), {"i": own})
        conn.rollback()
        with pytest.raises(DBAPIError, match="only a team lead"):
            conn.execute(text("INSERT INTO work_reports (kind, period, version, status, signed_off_by, "
                              "signed_off_at, created_at, updated_at) VALUES ('daily', '2026-11-20', 1, "
                              "'signed_off', current_user, now(), now(), now())"))
        conn.rollback()
    raw.dispose()
    raw = create_engine(sign_in("lead2"))
    with raw.connect() as conn:
        with pytest.raises(DBAPIError, match="only a team lead"):  # undo the sign-off
            conn.execute(text("UPDATE work_reports SET status = 'submitted', signed_off_by = NULL, "
                              "signed_off_at = NULL WHERE id = :i"), {"i": v2.id})
        conn.rollback()
    raw.dispose()
    workreports.submit(lead, "weekly", WEEK, notes="行长自己的周报")
    with pytest.raises(ValidationError, match="your own report"):
        review.sign_off(lead, workreports.get(lead, "weekly", WEEK).id)

    # a change after the sign-off needs a reason and is a new version, to be signed off again
    with pytest.raises(ValidationError):
        workreports.amend(a, "weekly", WEEK, "", notes="再改")
    v3 = workreports.amend(a, "weekly", WEEK, "补录周五拜访", notes="再改")
    assert (v3.version, v3.status, v3.signed_off_by) == (3, "submitted", None)
    assert [(x.version, x.status, x.signed_off_by) for x in v3.versions] == [
        (1, "submitted", None), (2, "signed_off", "张经理"), (3, "submitted", None)]
    assert len(v3.comments) == 2  # the comments stay, each with its version
    boss = Store.open(url=url)  # the database's admin (a superuser) is no team lead
    try:
        assert not review.reviewer(boss).lead
        with pytest.raises(ValidationError, match="Only a team lead"):
            review.sign_off(boss, v3.id)
        with boss.engine.connect() as conn, pytest.raises(DBAPIError, match="only a team lead"):
            conn.execute(text("UPDATE work_reports SET status = 'signed_off', signed_off_by = current_user, "
                              "signed_off_at = now() WHERE id = :i"), {"i": v3.id})
    finally:
        boss.close()
    assert review.sign_off(lead2, v3.id).signed_off_by == "赵行长"


@pytest.mark.postgresql
def test_the_review_from_the_command_line(team, capsys, monkeypatch, data_dir):
    url, logins, sign_in, store = team
    monkeypatch.setenv("RMDESK_DB_PASSWORD", "s3cret@%:")
    monkeypatch.setenv("RMDESK_TEST_DATA", str(data_dir / "cli"))
    a = store("a")
    v1 = workreports.submit(a, "weekly", WEEK, notes="本周拜访 3 家")
    assert _cli(url, logins["lead"], "report", "list", "--status", "submitted", "--format", "json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["id"], row["rm"], row["rm_name"], row["status"], row["comments"]) == (
        v1.id, logins["a"], "王强", "submitted", 0)
    assert _cli(url, logins["lead"], "report", "comment", str(v1.id), "--text", "请补充授信进度") == 0
    capsys.readouterr()
    code = _cli(url, logins["a"], "report", "sign-off", str(v1.id))
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "lead" in err and "Traceback" not in err
    assert _cli(url, logins["lead"], "report", "sign-off", str(v1.id)) == 0
    assert "signed off" in capsys.readouterr().out
    assert _cli(url, logins["a"], "report", "show", str(v1.id), "--format", "json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "signed_off" and shown["signed_off_by"] == "张经理"
    assert [c["text"] for c in shown["comments"]] == ["请补充授信进度"]
    assert _cli(url, logins["a"], "report", "list") == 0
    out = capsys.readouterr().out
    assert "signed off (张经理" in out and "王强" in out


def test_on_a_single_laptop_the_report_is_handed_in_as_a_file_and_the_review_is_not_offered(store, data_dir,
                                                                                           capsys):
    view = workreports.submit(store, "weekly", WEEK, notes="本周拜访 3 家")
    assert view.owner == "" and not review.reviewer(store).team
    [row] = review.team_reports(store)
    assert (row.id, row.owner, row.status, row.comments) == (view.id, "", "submitted", 0)
    for act in (lambda: review.comment(store, view.id, "好"), lambda: review.sign_off(store, view.id)):
        with pytest.raises(ValidationError) as refused:
            act()
        assert refused.value.key == "review.needs_team" and "PDF" in refused.value.message("en")
    assert workreports.get(store, "weekly", WEEK).comments == []
    assert [t.title for t in workreports.document(store, "weekly", WEEK, "en").texts] == ["My notes",
                                                                                           "Next period's plan"]
    store.close()
    assert main(["--data-dir", str(data_dir), "report", "list", "--format", "json"]) == 0
    assert [r["status"] for r in json.loads(capsys.readouterr().out)] == ["submitted"]
    assert main(["--data-dir", str(data_dir), "report", "sign-off", str(view.id)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "single laptop" in err
    assert main(["--data-dir", str(data_dir), "report", "show", "999"]) == 1
    assert "there is no report 999" in capsys.readouterr().err.lower()


def test_a_book_from_before_the_review_keeps_its_reports_and_the_revision_runs_again(tmp_path):
    from alembic import command

    from rmdesk.paths import STORE_FILENAME
    from rmdesk.store import migrate

    directory = tmp_path / "旧 账本 #?%"
    directory.mkdir()
    engine = create_engine(URL.create("sqlite", database=str(directory / STORE_FILENAME)))
    migrate.upgrade(engine, "0020_financial_years")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO work_reports (id, kind, period, version, status, notes, created_at, "
                          "updated_at, submitted_at) VALUES (1, 'weekly', '2026-W48', 1, 'submitted', '旧周报', "
                          "'2026-11-23 09:00:00', '2026-11-23 09:00:00', '2026-11-23 09:00:00')"))
    engine.dispose()
    s = Store.open(directory)
    view = workreports.get(s, "weekly", WEEK)
    assert (view.id, view.notes, view.status, view.owner, view.comments) == (1, "旧周报", "submitted", "", [])
    assert workreports.amend(s, "weekly", WEEK, "补充", notes="新").version == 2
    s.close()
    # idempotent: walked back to before it (the columns and table kept), the revision runs again
    engine = create_engine(URL.create("sqlite", database=str(directory / STORE_FILENAME)))
    with engine.begin() as conn:
        command.stamp(migrate.config(conn), "0020_financial_years")
    migrate.upgrade(engine)
    # and down and up again
    migrate.downgrade(engine, "0020_financial_years")
    with engine.connect() as conn:
        assert "owner" not in {c[1] for c in conn.execute(text("PRAGMA table_info(work_reports)"))}
    migrate.upgrade(engine)
    engine.dispose()
    s = Store.open(directory)
    assert [x.version for x in workreports.get(s, "weekly", WEEK).versions] == [1, 2]
    s.close()


@pytest.mark.postgresql
def test_a_sign_off_racing_the_rms_new_version_is_refused(team):
    """The RM's amend holds the report's rows (FOR UPDATE) while it writes version 2; the
    lead's sign-off of version 1 waits for it, then sees version 2 and is refused."""
    import threading
    import time

    url, logins, sign_in, store = team
    a, lead = store("a"), store("lead")
    v1 = workreports.submit(a, "weekly", WEEK, notes="v1")
    outcome = {}
    raw = create_engine(sign_in("a"))
    with raw.connect() as conn:
        conn.execute(text("SELECT id FROM work_reports WHERE kind = 'weekly' FOR UPDATE"))
        conn.execute(text("INSERT INTO work_reports (kind, period, version, status, notes, change_reason, "
                          "created_at, updated_at, submitted_at) VALUES ('weekly', :p, 2, 'submitted', 'v2', "
                          "'补录', now(), now(), now())"), {"p": WEEK})

        def lead_signs():
            try:
                outcome["view"] = review.sign_off(lead, v1.id)
            except Exception as exc:  # noqa: BLE001 - checked below
                outcome["error"] = exc

        worker = threading.Thread(target=lead_signs)
        worker.start()
        time.sleep(1.5)
        assert worker.is_alive()  # waiting on the RM's lock
        conn.commit()
    worker.join(30)
    raw.dispose()
    assert isinstance(outcome.get("error"), Conflict) and outcome["error"].params["version"] == 2
    assert [x.status for x in workreports.get(a, "weekly", WEEK).versions] == ["submitted", "submitted"]


@pytest.mark.postgresql
def test_a_team_database_from_before_the_review_is_protected_by_the_upgrade(pg_server, monkeypatch, data_dir):
    """A team set up by an older `rmdesk team init` (no work-report rules): the upgrade itself
    grants the new table and protects the reports; no second `team init` is needed."""
    from rmdesk.store import migrate, team, team_reports

    url = pg_server.new_database(empty=True)
    suffix = f"{os.getpid()}_{url.database.rsplit('_', 1)[-1]}_old"
    engine = create_engine(url)
    migrate.upgrade(engine, "0020_financial_years")
    monkeypatch.setattr(team_reports, "init", lambda conn, is_lead: [])  # the older team init
    with engine.begin() as conn:
        team.init(conn)
        for who, name in (("a", "王强"), ("b", "李娜")):
            team.add_member(conn, f"rm_{who}_{suffix}", name, password="s3cret@%:")
    monkeypatch.undo()
    engine.dispose()
    Store.open(data_dir / "admin", url=url).close()  # the admin's rmdesk upgrades the database
    stores = {w: Store.open(data_dir / w, url=url.set(username=f"rm_{w}_{suffix}", password="s3cret@%:"))
              for w in ("a", "b")}
    try:
        workreports.submit(stores["a"], "weekly", WEEK, notes="A")
        workreports.submit(stores["b"], "weekly", WEEK, notes="B")
        raw = create_engine(url.set(username=f"rm_a_{suffix}", password="s3cret@%:"))
        with raw.connect() as conn:
            assert conn.execute(text("SELECT notes FROM work_reports")).scalars().all() == ["A"]
            assert conn.execute(text("SELECT count(*) FROM work_report_comments")).scalar() == 0
        raw.dispose()
        with pytest.raises(ValidationError, match="Only a team lead"):
            review.sign_off(stores["a"], workreports.get(stores["a"], "weekly", WEEK).id)
    finally:
        for s in stores.values():
            s.close()
        pg_server.drop_database(url)
