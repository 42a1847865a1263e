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
def test_raw_sql_on_an_rms_connection_reads_only_the_teams_rows_and_their_own(team):
    """Row-level security on the settings (migration 0030, team init): raw SQL as an RM reads
    the team's rows and only their own personal rows, and cannot write a colleague's; a lead
    reads all of them."""
    from sqlalchemy import create_engine

    from rmdesk.store import migrate

    lead = team.add("lead", "lead", "张主管", lead=True)
    a_login, b_login = team.logins["a"], team.logins["b"]
    a, b = Store.open(url=team.sign_in("a")), Store.open(url=team.sign_in("b"))
    try:
        settings.save_profile(a, {"rm_name": "王强", "phone": "13800138000"})
        settings.save_profile(b, {"phone": "13700137000"})
        targets.save_daily_goal(b, 9)
        settings.save_stale_days(a, {2: 10})  # the team's
        assert settings.get_profile(a).phone == "13800138000" and settings.get_stale_days(b)[2] == 10
    finally:
        a.close()
        b.close()

    def keys(who: str) -> set[str]:
        engine = create_engine(team.sign_in(who))
        try:
            with engine.connect() as conn:
                return set(conn.scalars(text("SELECT key FROM settings")))
        finally:
            engine.dispose()

    seen_a, seen_b, seen_lead = keys("a"), keys("b"), keys("lead")
    assert f"profile@{a_login}" in seen_a and f"profile@{b_login}" not in seen_a
    assert f"daily_activities@{b_login}" not in seen_a
    assert {f"profile@{b_login}", f"daily_activities@{b_login}"} <= seen_b and f"profile@{a_login}" not in seen_b
    assert "stale_days" in seen_a and "stale_days" in seen_b  # the team's rows: everyone's
    assert {f"profile@{a_login}", f"profile@{b_login}", f"daily_activities@{b_login}", "stale_days"} <= seen_lead
    assert all("@" not in k or k.endswith("@" + a_login) for k in seen_a)
    # writing a colleague's row: the policy refuses it (a new one) or finds nothing (theirs)
    engine = create_engine(team.sign_in("a"))
    try:
        with engine.begin() as conn:
            assert conn.execute(text("UPDATE settings SET value = '{}' WHERE key = :k"),
                                {"k": f"profile@{b_login}"}).rowcount == 0
        with pytest.raises(Exception, match="row-level security"):
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, '{}')"), {"k": f"targets@{b_login}"})
    finally:
        engine.dispose()
    assert lead in team.logins.values()
    # the migration goes back (no policy: one table for all) and up again (the policy back)
    admin = create_engine(team.url)
    try:
        migrate.downgrade(admin, "0029_draft_versions")
        assert f"profile@{b_login}" in keys("a")
        migrate.upgrade(admin, "head")
        assert f"profile@{b_login}" not in keys("a")
    finally:
        admin.dispose()
