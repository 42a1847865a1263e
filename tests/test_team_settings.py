"""Each RM on a team database keeps their own profile (printed on their call plans), targets,
daily goal and reminder lead times; the book's rules (stale days, tier scheme, masking) are the
team's. The local book keeps one of each, as before."""

import pytest
from sqlalchemy import text

from rmdesk.services import masking, settings, targets
from rmdesk.store.engine import Store


@pytest.fixture
def team(team_setup):
    return team_setup.two_rms()


@pytest.mark.postgresql
def test_each_rm_keeps_their_own_profile_goals_and_reminders(team):
    admin = Store.open(url=team.url)
    settings.save_profile(admin, {"rm_name": "管理员", "phone": "13900000000"})  # the admin's own
    admin.close()
    a, b = Store.open(url=team.sign_in("a")), Store.open(url=team.sign_in("b"))
    try:
        # before saving one: the team's name for the RM, no one else's name or phone
        first = settings.get_profile(b)
        assert (first.rm_name, first.phone) == ("李娜", "")
        settings.save_profile(a, {"rm_name": "王强", "phone": "13800138000", "email": "wq@example.com"})
        settings.save_profile(b, {"phone": "13700137000"})
        assert (settings.get_profile(a).phone, settings.get_profile(b).phone) == ("13800138000", "13700137000")
        assert settings.get_profile(b).rm_name == "李娜" and settings.get_profile(b).email == ""
        # targets and the daily goal: one RM's do not overwrite the other's
        targets.save_targets(a, "2026-Q4", {"visits": "40"})
        targets.save_targets(b, "2026-Q4", {"visits": "25"})
        assert targets.get_targets(a, "2026-Q4")["visits"] == 40
        assert targets.get_targets(b, "2026-Q4")["visits"] == 25
        targets.save_daily_goal(a, 8)
        assert (targets.get_daily_goal(a), targets.get_daily_goal(b)) == (8, targets.DEFAULT_DAILY_ACTIVITIES)
        settings.save_reminder_days(b, 14)
        settings.save_calendar_alarm_minutes(b, 60)
        assert settings.get_reminder_days(a) == settings.DEFAULT_REMINDER_DAYS
        assert settings.get_calendar_alarm_minutes(a) == settings.DEFAULT_CALENDAR_ALARM_MINUTES
        assert (settings.get_reminder_days(b), settings.get_calendar_alarm_minutes(b)) == (14, 60)
        # the book's rules are the team's
        settings.save_stale_days(a, {2: 10})
        masking.set_enabled(a, True)
        assert settings.get_stale_days(b)[2] == 10 and masking.enabled(b)
    finally:
        a.close()
        b.close()


def test_the_local_book_keeps_one_profile_and_one_set_of_goals(store):
    settings.save_profile(store, {"rm_name": "张伟", "phone": "13800138000"})
    targets.save_targets(store, "2026-Q4", {"visits": "40"})
    with store.read() as s:
        keys = {k for (k,) in s.execute(text("SELECT key FROM settings"))}
    assert {"profile", "targets"} <= keys and not any("@" in k for k in keys)
    assert settings.get_profile(store).rm_name == "张伟"


@pytest.mark.postgresql
def test_raw_sql_on_an_rms_connection_reads_no_colleagues_profile(team):
    team.admin("team", "add-rm", f"lead_{team.suffix}", "--name", "赵组长", "--lead")
    team.logins["lead"] = f"lead_{team.suffix}"
    a, b, lead = (Store.open(url=team.sign_in(w)) for w in ("a", "b", "lead"))
    try:
        settings.save_profile(a, {"rm_name": "王强", "phone": "13800138000"})
        targets.save_targets(a, "2026-Q4", {"visits": "40"})
        settings.save_stale_days(a, {2: 10})  # the book's rule, a shared row
        mine = {f"profile@{team.logins['a']}", f"targets@{team.logins['a']}"}

        def keys(store):
            with store.read() as s:
                return {k for (k,) in s.execute(text("SELECT key FROM settings"))}

        assert mine <= keys(a) and mine <= keys(lead)
        seen_by_b = keys(b)
        assert not seen_by_b & mine and not any(k.endswith("@" + team.logins["a"]) for k in seen_by_b)
        assert "stale_days" in seen_by_b and settings.get_stale_days(b)[2] == 10
        with b.read() as s:  # not by a LIKE either, nor by writing over it
            assert s.scalar(text("SELECT count(*) FROM settings WHERE value LIKE '%13800138000%'")) == 0
        with pytest.raises(Exception, match="row-level security"):
            with b.write() as s:
                s.execute(text("INSERT INTO settings (key, value) VALUES (:k, '{}')"),
                          {"k": f"profile@{team.logins['a']}"})
        with b.write() as s:  # a colleague's row is not there to be updated either
            assert s.execute(text("UPDATE settings SET value = '{}' WHERE key = :k"),
                             {"k": f"profile@{team.logins['a']}"}).rowcount == 0
        assert settings.get_profile(a).phone == "13800138000"
    finally:
        for store in (a, b, lead):
            store.close()


@pytest.mark.postgresql
def test_a_team_database_upgraded_to_0030_gets_the_settings_policy(team):
    from sqlalchemy import create_engine

    from rmdesk.store import migrate

    engine = create_engine(team.url)
    policy = text("SELECT count(*) FROM pg_policies WHERE tablename = 'settings' AND policyname = 'rmdesk_access'")
    try:
        with engine.connect() as conn:
            assert conn.scalar(policy) == 1  # team init made it
        migrate.downgrade(engine, "0029_draft_versions")
        with engine.connect() as conn:
            assert conn.scalar(policy) == 0
            assert not conn.scalar(text("SELECT relrowsecurity FROM pg_class WHERE relname = 'settings'"))
        migrate.upgrade(engine, "head")  # as the admin: the team's policies refreshed, this one with them
        with engine.connect() as conn:
            assert conn.scalar(policy) == 1
    finally:
        engine.dispose()
    a, b = Store.open(url=team.sign_in("a")), Store.open(url=team.sign_in("b"))
    try:
        settings.save_profile(a, {"phone": "13800138000"})
        with b.read() as s:
            assert s.scalar(text("SELECT count(*) FROM settings WHERE key LIKE 'profile@%'")) == 0
    finally:
        a.close()
        b.close()
