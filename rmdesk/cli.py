"""`rmdesk` entry point: the GUI without a sub-command, batch work with one.

Contract (other tools call these; extend, never rename):
  rmdesk [--data-dir DIR]                                  open the GUI
  (every command also takes --db-url postgresql://user@host/db, or $RMDESK_DB_URL: a team database)
  rmdesk demo --clients N [--seed S] [--force]             fill the store with a demo book
  rmdesk clients list [--step N] [--search Q] [--format table|csv|json]
  rmdesk version
  rmdesk agenda [--date YYYY-MM-DD] [--days N]
  rmdesk plan print --date YYYY-MM-DD [--days N] -o FILE.pdf | --visit ID -o FILE.pdf
  rmdesk calendar export [--from D] [--to D] [--alarm MINUTES] -o FILE.ics
  rmdesk due [--days N] [--format table|json]
  rmdesk tiers recompute
  rmdesk backup create|list|restore NAME
  rmdesk check
  rmdesk import FILE [--dry-run] [--mapping M] [--duplicates merge|skip|create] [--sheet NAME]
  rmdesk export --what clients|contacts|visits|deals|warnings|related|proposals|financials -o FILE.csv|FILE.xlsx
  rmdesk team init | add-rm LOGIN --name N [--lead] | share CLIENT --with LOGIN | reassign CLIENT --to LOGIN | list
  rmdesk report funnel|channels|objections|forecast|activity|coverage [--from D] [--to D]
                [--format table|json] [-o FILE.pdf|FILE.xlsx]
  rmdesk report daily|weekly|monthly [--date D | --week YYYY-Www | --month YYYY-MM] -o FILE.pdf|FILE.xlsx
  rmdesk report list [--rm LOGIN] [--status draft|submitted|signed_off] [--kind K] [--format table|json]
  rmdesk report show ID [--format table|json] [-o FILE.pdf|FILE.xlsx]
  rmdesk report comment ID --text T | sign-off ID          (the lead's review, team mode)
User errors print one line on stderr: exit 2 for bad usage, 1 for a failure.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from rmdesk import __version__, formatting, i18n
from rmdesk.errors import RmdeskError

log = logging.getLogger("rmdesk")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse would print the usage too)
        raise UsageError(f"{self.prog}: {message}")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def _build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="data directory (default: $RMDESK_DATA_DIR or the user data dir)")
    common.add_argument("--db-url", metavar="URL", default=argparse.SUPPRESS,
                        help="a team database: postgresql://user@host[:port]/database (default: $RMDESK_DB_URL; "
                             "the password from $RMDESK_DB_PASSWORD, ~/.pgpass or a prompt)")
    common.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                        help="language of messages (default: the system locale)")

    parser = _Parser(prog="rmdesk", parents=[common], description="Relationship manager's desk.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    sub.add_parser("version", parents=[common], help="print the version")

    demo = sub.add_parser("demo", parents=[common], help="fill the store with a deterministic demo book")
    demo.add_argument("--clients", type=_positive_int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument("--force", action="store_true", help="replace the clients already in the store")

    clients = sub.add_parser("clients", parents=[common], help="work with clients")
    clients_sub = clients.add_subparsers(dest="clients_command", parser_class=_Parser, required=True)
    listing = clients_sub.add_parser("list", parents=[common], help="list clients")
    listing.add_argument("--step", type=int, choices=range(1, 7), metavar="N")
    listing.add_argument("--status", choices=("active", "nurture", "won", "lost"))
    listing.add_argument("--search", metavar="Q")
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")
    listing.add_argument("--limit", type=_positive_int, metavar="N")
    agenda = sub.add_parser("agenda", parents=[common], help="print the visit agenda as text")
    agenda.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="first day (default: today)")
    agenda.add_argument("--days", type=_positive_int, default=1, metavar="N")

    plan = sub.add_parser("plan", parents=[common], help="call plans")
    plan_sub = plan.add_subparsers(dest="plan_command", parser_class=_Parser, required=True)
    printing = plan_sub.add_parser("print", parents=[common], help="print call plans to a PDF")
    which = printing.add_mutually_exclusive_group(required=True)
    which.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the visits of this day (and --days)")
    which.add_argument("--visit", type=_positive_int, metavar="ID", help="one visit")
    printing.add_argument("--days", type=_positive_int, default=1, metavar="N")
    printing.add_argument("-o", "--output", required=True, metavar="FILE.pdf")

    proposal = sub.add_parser("proposal", parents=[common], help="financial-service proposals (金融服务方案)")
    proposal_sub = proposal.add_subparsers(dest="proposal_command", parser_class=_Parser, required=True)
    proposal_print = proposal_sub.add_parser("print", parents=[common], help="print a proposal to a PDF "
                                             "(printing the newest draft freezes it as a version)")
    proposal_print.add_argument("--client", type=_positive_int, required=True, metavar="ID")
    proposal_print.add_argument("--version", type=_positive_int, metavar="N", help="a version (default: the newest)")
    proposal_print.add_argument("-o", "--output", required=True, metavar="FILE.pdf")

    calendar = sub.add_parser("calendar", parents=[common], help="calendar files")
    calendar_sub = calendar.add_subparsers(dest="calendar_command", parser_class=_Parser, required=True)
    export = calendar_sub.add_parser("export", parents=[common], help="export visits as .ics")
    export.add_argument("--from", dest="start", type=_date, metavar="D", help="first day (default: today)")
    export.add_argument("--to", dest="end", type=_date, metavar="D", help="last day (default: 90 days on)")
    export.add_argument("--alarm", type=_non_negative_int, metavar="MINUTES",
                        help="reminder this many minutes before each visit, 0 for none (default: the setting, 30)")
    export.add_argument("-o", "--output", required=True, metavar="FILE.ics")

    due = sub.add_parser("due", parents=[common], help="clients due for maintenance in the next N days")
    due.add_argument("--days", type=_non_negative_int, default=7, metavar="N",
                     help="look this many days ahead (overdue clients always show; default 7)")
    due.add_argument("--format", choices=("table", "json"), default="table")

    tiers = sub.add_parser("tiers", parents=[common], help="client tiers")
    tiers_sub = tiers.add_subparsers(dest="tiers_command", parser_class=_Parser, required=True)
    tiers_sub.add_parser("recompute", parents=[common], help="reapply the tier rules and print the changes")
    backups = sub.add_parser("backup", parents=[common], help="backups of the store")
    backups_sub = backups.add_subparsers(dest="backup_command", parser_class=_Parser, required=True)
    backups_sub.add_parser("create", parents=[common], help="back up the store now")
    backups_sub.add_parser("list", parents=[common], help="list the backups, newest first")
    restore = backups_sub.add_parser("restore", parents=[common], help="replace the store with a backup")
    restore.add_argument("name", metavar="NAME")

    sub.add_parser("check", parents=[common], help="full integrity and foreign-key check of the store")

    importing = sub.add_parser("import", parents=[common], help="import clients and contacts (CSV/XLSX)")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    importing.add_argument("--mapping", metavar="M",
                           help='columns to fields: "Header=field,..." or a JSON file {"Header": "field"}')
    importing.add_argument("--sheet", metavar="NAME",
                           help="the workbook's sheet to read (default: the first with a header row)")
    importing.add_argument("--duplicates", choices=("merge", "skip", "create"), default="skip",
                           help="rows matching a client by credit code or name (default: skip)")

    team = sub.add_parser("team", parents=[common], help="set up a team database (admin; needs --db-url)")
    team_sub = team.add_subparsers(dest="team_command", parser_class=_Parser, required=True)
    team_sub.add_parser("init", parents=[common], help="turn on the server's access rules (row-level security)")
    add_rm = team_sub.add_parser("add-rm", parents=[common], help="add an RM (a server login) to the team")
    add_rm.add_argument("login", metavar="LOGIN")
    add_rm.add_argument("--name", required=True, help="the name shown, e.g. 王强")
    add_rm.add_argument("--lead", action="store_true", help="a team lead: sees every client, reassigns")
    share = team_sub.add_parser("share", parents=[common], help="share a client with another RM")
    share.add_argument("client", type=_positive_int, metavar="CLIENT")
    share.add_argument("--with", dest="login", required=True, metavar="LOGIN")
    reassign = team_sub.add_parser("reassign", parents=[common], help="give a client to another RM (lead)")
    reassign.add_argument("client", type=_positive_int, metavar="CLIENT")
    reassign.add_argument("--to", dest="login", required=True, metavar="LOGIN")
    team_sub.add_parser("list", parents=[common], help="list the team")

    exporting = sub.add_parser("export", parents=[common], help="export a table to CSV or XLSX")
    exporting.add_argument("--what", required=True, choices=("clients", "contacts", "visits", "deals", "warnings",
                                                            "related", "proposals", "financials"))
    exporting.add_argument("-o", "--output", required=True, metavar="FILE")

    reports = sub.add_parser("report", parents=[common], help="insight reports and the work reports")
    reports_sub = reports.add_subparsers(dest="report_command", parser_class=_Parser, required=True)
    for name, text in (("funnel", "funnel, conversion, velocity, win rate and lost reasons"),
                       ("channels", "prospects, qualified, won and business per source channel and referral agent"),
                       ("objections", "per objection type: the answers used, how often each resolved it, closes"),
                       ("forecast", "open deals by expected closing month, weighted by step (default: the next six "
                                    "months from this one)"),
                       ("activity", "contacts per week against the activity goal"),
                       ("coverage", "kept clients per tier contacted as often as the tier's cadence asks")):
        insight = reports_sub.add_parser(name, parents=[common], help=text)
        insight.add_argument("--from", dest="start", type=_date, metavar="D",
                             help="first day (default: a year before --to)")
        insight.add_argument("--to", dest="end", type=_date, metavar="D", help="last day (default: today)")
        insight.add_argument("--format", choices=("table", "json"), default="table")
        insight.add_argument("-o", "--output", metavar="FILE.pdf|FILE.xlsx",
                             help="write the report as an A4 PDF with charts or as XLSX instead of printing it")
    for name, text in (("daily", "the daily work log"), ("weekly", "the weekly summary"),
                       ("monthly", "the monthly market report")):
        work = reports_sub.add_parser(name, parents=[common], help=f"{text} as PDF or XLSX")
        which = work.add_mutually_exclusive_group()
        which.add_argument("--date", type=_date, metavar="D", help="a day in the period (default: today)")
        which.add_argument("--week", metavar="YYYY-Www", help="an ISO week, e.g. 2026-W48")
        which.add_argument("--month", metavar="YYYY-MM")
        work.add_argument("-o", "--output", required=True, metavar="FILE.pdf|FILE.xlsx")
    listing = reports_sub.add_parser("list", parents=[common], help="the work reports you may read: your own; "
                                     "a lead's, every RM's submitted ones too")
    listing.add_argument("--rm", metavar="LOGIN", help="one RM's reports")
    listing.add_argument("--status", choices=("draft", "submitted", "signed_off"))
    listing.add_argument("--kind", choices=("daily", "weekly", "monthly"))
    listing.add_argument("--format", choices=("table", "json"), default="table")
    showing = reports_sub.add_parser("show", parents=[common], help="one work report (an ID of report list): "
                                     "its status, sign-off and comments")
    showing.add_argument("id", type=int, metavar="ID")
    showing.add_argument("--format", choices=("table", "json"), default="table")
    showing.add_argument("-o", "--output", metavar="FILE.pdf|FILE.xlsx", help="also write that version as a file")
    commenting = reports_sub.add_parser("comment", parents=[common], help="comment on a submitted report (team mode)")
    commenting.add_argument("id", type=int, metavar="ID")
    commenting.add_argument("--text", required=True)
    signing = reports_sub.add_parser("sign-off", parents=[common], help="sign off a submitted report (a team lead)")
    signing.add_argument("id", type=int, metavar="ID")
    return parser


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 3660:
        raise argparse.ArgumentTypeError(f"must be between 0 and 3660: {value}")
    return value


def _date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _password(directory: Path) -> str | None:
    """An encrypted store's password: $RMDESK_PASSWORD, else asked on the terminal."""
    from rmdesk.paths import STORE_FILENAME
    from rmdesk.store import crypto
    from rmdesk.store.engine import refuse_lost_store

    refuse_lost_store(directory)  # damage, not a password to ask for
    if not crypto.is_encrypted(directory / STORE_FILENAME):
        return None
    given = crypto.password_from_environment()
    if given is None and sys.stdin.isatty():
        import getpass

        given = getpass.getpass(i18n.message("store.password_needed") + ": ")
    return given or None


def _team_url(args: argparse.Namespace):
    """The team database's URL (--db-url, else $RMDESK_DB_URL), or None for the local book.
    The password: the URL's own, else $RMDESK_DB_PASSWORD, else libpq's ~/.pgpass/service file."""
    import os

    from rmdesk.store import server

    text = getattr(args, "db_url", None) or os.environ.get(server.URL_VARIABLE)
    if not text:
        return None
    url = server.parse(text)
    if url.password is None:
        given = server.password_from_environment()
        if given is not None:
            url = url.set(password=given)
    return url


def _open_team(args: argparse.Namespace, url):
    """Open the team database; asks for the password on a terminal when the server wants one."""
    from rmdesk.errors import StoreError
    from rmdesk.paths import data_dir
    from rmdesk.store.engine import Store

    directory = data_dir(getattr(args, "data_dir", None))
    try:
        return Store.open(directory, url=url)
    except StoreError as exc:
        if exc.key not in ("server.password_needed", "server.auth_failed") or url.password is not None \
                or not sys.stdin.isatty():
            raise
    import getpass

    given = getpass.getpass(i18n.message("server.password_prompt", user=url.username or "", host=url.host or "")
                            + ": ")
    return Store.open(directory, url=url.set(password=given))


def _open_store(args: argparse.Namespace, lock: bool = True, readonly: bool = False):
    """The store: the team database when --db-url or $RMDESK_DB_URL names one, else the local
    book; `readonly` for the commands that only read (they write nothing to the folder and
    work on a read-only one)."""
    from rmdesk.paths import data_dir
    from rmdesk.store.engine import Store

    url = _team_url(args)
    if url is not None:
        return _open_team(args, url)
    directory = data_dir(getattr(args, "data_dir", None))
    return Store.open(directory, lock=lock and not readonly, password=_password(directory), readonly=readonly)


def _cmd_team_backup(args: argparse.Namespace, url) -> int:
    """On a team database: `create` runs pg_dump into the backups folder (when pg_dump is
    installed here); restoring is the admin's pg_restore."""
    from rmdesk import clock
    from rmdesk.errors import StoreError
    from rmdesk.paths import data_dir
    from rmdesk.store import backup, server

    directory = data_dir(getattr(args, "data_dir", None))
    lang = i18n.language()
    if args.backup_command == "restore":
        raise StoreError("server.no_restore")
    if args.backup_command == "list":
        folder = backup.backup_dir(directory)
        for path in sorted(folder.glob("team-*.dump"), reverse=True) if folder.is_dir() else []:
            print(f"{path.name}  {path.stat().st_size}")
        return 0
    store = _open_team(args, url)  # the schema is checked (and brought up to date) first
    store.close()
    done = server.dump(store.engine.url, backup.backup_dir(directory), clock.now())
    if done is None:
        print(i18n.message("server.backup_server", lang))
        return 0
    print(i18n.message("backup.created", lang, name=done[0]))
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from rmdesk.paths import STORE_FILENAME, data_dir
    from rmdesk.store import backup, lock

    url = _team_url(args)
    if url is not None:
        return _cmd_team_backup(args, url)
    directory = data_dir(getattr(args, "data_dir", None))
    lang = i18n.language()
    key = None
    if args.backup_command != "list":
        from rmdesk.store import crypto

        key = _password(directory)
        crypto.verify(directory / STORE_FILENAME, key)
    if args.backup_command == "list":
        for b in backup.list_backups(directory):
            print(f"{b.name}  {b.local_time:%Y-%m-%d %H:%M:%S}  {b.size}")
        return 0
    if args.backup_command == "create":
        held = lock.acquire(directory)  # no password change or restore while the copy is taken
        try:
            info = backup.create_backup(directory, key=key)
        finally:
            lock.release(held)
        print(i18n.message("backup.created", lang, name=info.name))
        return 0
    held = lock.acquire(directory)  # restore: no other rmdesk may have the store open
    try:
        safety = backup.restore_backup(directory, args.name, key=key)
    finally:
        lock.release(held)
    print(i18n.message("backup.restored", lang, name=args.name))
    if safety is not None:
        print(i18n.message("backup.safety", lang, name=safety.name))
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from rmdesk.services import dataio

    lang = i18n.language()
    overrides = dataio.parse_mapping(args.mapping) if args.mapping else None
    store = _open_store(args, readonly=args.dry_run)
    try:
        plan, counts = dataio.import_file(store, args.file, overrides, args.duplicates, args.dry_run, lang=lang,
                                          sheet=args.sheet)
    finally:
        store.close()
    print(plan.report(lang), file=sys.stdout if plan.ok else sys.stderr)
    if not plan.ok:
        print(f"rmdesk: {i18n.message('import.nothing_written', lang)}", file=sys.stderr)
        return 1
    if counts is not None:
        if plan.kind == "clients":
            print(i18n.message("import.done", lang, **counts))
        else:
            print(i18n.message("import.done_records", lang, what=i18n.message(f"import.what_{plan.kind}", lang),
                               created=counts["created"], merged=counts["merged"]))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from rmdesk.services import dataio

    store = _open_store(args, readonly=True)
    try:
        count = dataio.export_file(store, args.what, args.output)
    finally:
        store.close()
    print(f"{args.output}: {count} {args.what}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from rmdesk.paths import data_dir
    from rmdesk.services.integrity import check_database

    url = _team_url(args)
    if url is not None:
        from rmdesk.services.integrity import check_server

        store = _open_team(args, url)
        try:
            report = check_server(store)
        finally:
            store.close()
        print(report.text(i18n.language()))
        return 0 if report.ok else 1
    directory = data_dir(getattr(args, "data_dir", None))
    report = check_database(directory, key=_password(directory))
    print(report.text(i18n.language()))
    return 0 if report.ok else 1


def _cmd_team(args: argparse.Namespace) -> int:
    import os

    from rmdesk.errors import StoreError
    from rmdesk.store import team

    url = _team_url(args)
    if url is None:
        raise StoreError("team.needs_server")
    lang = i18n.language()
    store = _open_team(args, url)
    try:
        if args.team_command == "add-rm":
            password = os.environ.get("RMDESK_RM_PASSWORD")
            if password is None and sys.stdin.isatty():
                import getpass

                password = getpass.getpass(i18n.message("team.new_password", lang, login=args.login) + ": ")
            with store.engine.begin() as conn:
                team.add_member(conn, args.login, args.name, args.lead, password or None)
            print(i18n.message("team.added", lang, login=args.login, name=args.name,
                               lead=i18n.message("team.lead_mark", lang) if args.lead else ""))
        elif args.team_command == "init":
            with store.engine.begin() as conn:
                tables = team.init(conn)
            print(i18n.message("team.initialised", lang, count=len(tables)))
        elif args.team_command == "share":
            with store.engine.begin() as conn:
                team.share(conn, args.client, args.login)
            print(i18n.message("team.shared", lang, id=args.client, login=args.login))
        elif args.team_command == "reassign":
            with store.engine.begin() as conn:
                team.reassign(conn, args.client, args.login)
            print(i18n.message("team.reassigned", lang, id=args.client, login=args.login))
        else:
            with store.engine.connect() as conn:
                for login, name, lead in team.members(conn):
                    print(f"{login}\t{name}" + ("\tlead" if lead else ""))
    finally:
        store.close()
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from rmdesk.services import demo

    store = _open_store(args)
    try:
        counts = demo.generate(store, args.clients, seed=args.seed, force=args.force)
    finally:
        store.close()
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    print(f"demo: {summary}")
    return 0


LIST_FIELDS = ("id", "name", "short_name", "industry", "tier", "step", "status", "owner", "district",
               "next_action_date")


def _clean(text: object) -> str:
    """A value as it may reach the terminal (no control characters acting there)."""
    from rmdesk.formatting import printable

    return printable("" if text is None else str(text))


def _csv_cell(value: object) -> str:
    """A CSV cell as the exports write it: formula-looking text escaped, no control characters."""
    from rmdesk.formats.tabular import escape

    return escape(_clean(value)) if isinstance(value, str) else ("" if value is None else str(value))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cmd_clients_list(args: argparse.Namespace) -> int:
    from rmdesk.services.clients import ClientQuery, list_clients

    store = _open_store(args, readonly=True)
    try:
        rows = list_clients(store, ClientQuery(step=args.step, status=args.status, search=args.search),
                            limit=args.limit)
    finally:
        store.close()
    out = sys.stdout
    if args.format == "json":
        data = [{f: (getattr(r, f).isoformat() if f == "next_action_date" and getattr(r, f) else getattr(r, f))
                 for f in LIST_FIELDS} for r in rows]
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(LIST_FIELDS)
        for r in rows:
            writer.writerow([_csv_cell(getattr(r, f)) for f in LIST_FIELDS])
    else:
        lang = i18n.language()
        head = ["ID", i18n.message("field.name", lang), i18n.message("field.step", lang),
                i18n.message("field.status", lang), i18n.message("field.tier", lang),
                i18n.message("field.industry", lang), i18n.message("field.owner", lang),
                i18n.message("field.next_action_date", lang)]
        table = [[str(r.id), _clean(r.name), str(r.step), i18n.label("status", r.status, lang),
                  i18n.label("tier", r.tier, lang), i18n.label("industry", r.industry, lang), _clean(r.owner),
                  r.next_action_date.isoformat() if r.next_action_date else ""] for r in rows]
        widths = [max(_width(row[i]) for row in [head, *table]) for i in range(len(head))]
        for row in [head, *table]:
            out.write("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n")
    return 0


def _cmd_agenda(args: argparse.Namespace) -> int:
    from rmdesk import clock
    from rmdesk.services.callplan import agenda_rows

    start = args.date or clock.today()
    store = _open_store(args, readonly=True)
    try:
        rows = agenda_rows(store, start, args.days)
    finally:
        store.close()
    lang = i18n.language()
    if not rows:
        print(i18n.message("plan.agenda_empty", lang, first=start.isoformat(), days=args.days))
        return 0
    day = None
    for v in rows:
        if v.planned_at.date() != day:
            day = v.planned_at.date()
            print(("" if v is rows[0] else "\n") + day.isoformat())
        parts = [v.planned_at.strftime("%H:%M"), v.client_name, v.place or i18n.label("visit_kind", v.kind, lang),
                 v.objective or "", v.contact_name or ""]
        flag = "" if v.confirmed or v.status != "planned" else f" ({i18n.message('plan.unconfirmed', lang)})"
        print("  " + "  ".join(_clean(p) for p in parts if p) + flag)
    return 0


def _cmd_proposal_print(args: argparse.Namespace) -> int:
    from rmdesk.errors import ValidationError
    from rmdesk.files import atomic_output
    from rmdesk.services import proposals

    lang = i18n.language()
    store = _open_store(args)
    try:
        with atomic_output(args.output) as tmp:  # a failure leaves an existing file as it was
            row = proposals.print_proposal(store, args.client, args.version, tmp, lang)
    except OSError as exc:
        raise ValidationError("error.cannot_write", None, path=args.output, reason=exc.strerror) from None
    finally:
        store.close()
    print(f"{args.output}: {i18n.message('proposal.version', lang, n=row.version)}, "
          f"{i18n.message('proposal.status_' + (row.frozen_how or 'draft'), lang, at=formatting.minute(row.frozen_at))}")
    return 0


def _cmd_plan_print(args: argparse.Namespace) -> int:
    from rmdesk.errors import ValidationError
    from rmdesk.files import atomic_output
    from rmdesk.formats.callplan_pdf import render_plans
    from rmdesk.services.callplan import plan_for_visit, plans_between

    lang = i18n.language()
    store = _open_store(args, readonly=True)
    try:
        if args.visit:
            plans, cover = [plan_for_visit(store, args.visit, lang)], False
        else:
            plans, cover = plans_between(store, args.date, args.days, lang), True
        if not plans:
            raise ValidationError("error.no_visits", None)
        failed: list = []
        with atomic_output(args.output) as tmp:  # a failure leaves an existing file as it was
            pages = render_plans(plans, tmp, lang, cover_agenda=cover, failed=failed)
    except OSError as exc:
        raise ValidationError("error.cannot_write", None, path=args.output, reason=exc.strerror) from None
    finally:
        store.close()
    print(f"{args.output}: " + i18n.message("cli.plans_written", lang, plans=len(plans) - len(failed), pages=pages))
    for plan, reason in failed:  # the batch printed the others
        print("rmdesk: " + _clean(i18n.message("plan.failed", lang, visit=plan.visit_id, client=plan.client_name,
                                               reason=reason)), file=sys.stderr)
    return 1 if failed else 0


def _cmd_calendar_export(args: argparse.Namespace) -> int:
    from datetime import timedelta
    from pathlib import Path as _Path

    from rmdesk import clock
    from rmdesk.errors import ValidationError
    from rmdesk.files import atomic_output
    from rmdesk.services.calendar_export import export_calendar

    start = args.start or clock.today()
    end = args.end or start + timedelta(days=90)
    if end < start:
        raise ValidationError("error.range_reversed", None)
    store = _open_store(args, readonly=True)
    try:
        data = export_calendar(store, start, end, alarm_minutes=args.alarm)
    finally:
        store.close()
    with atomic_output(_Path(args.output)) as tmp:  # a failure leaves an existing file as it was
        tmp.write_bytes(data)
    print(f"{args.output}: " + i18n.message("cli.visits_written", visits=data.count(b"BEGIN:VEVENT")))
    return 0


DUE_FIELDS = ("client_id", "client", "tier", "last_contact", "due", "nominal_due", "overdue_days", "reason",
              "rule", "calendar_covered", "moved_for")


def _table(rows: list[list[str]]) -> None:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        sys.stdout.write("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n")


def _cmd_due(args: argparse.Namespace) -> int:
    from rmdesk.services import workcal
    from rmdesk.services.cadence import due_within, reason_text

    store = _open_store(args)
    try:
        items = due_within(store, args.days)
        coming = workcal.coming_gap(store, max(args.days, workcal.COMING_DAYS))
    finally:
        store.close()
    lang = i18n.language()
    beyond = sorted(set(coming) | {d.due.year for d in items if not workcal.is_covered(d.due.year)}
                    | {d.nominal.year for d in items if not workcal.is_covered(d.nominal.year)})
    warnings = [i18n.message("cadence.calendar_beyond", lang, year=year) for year in beyond]
    if args.format == "json":
        data = [dict(zip(DUE_FIELDS, (d.client_id, d.client_name, d.tier,
                                      d.last_contact.isoformat() if d.last_contact else None, d.due.isoformat(),
                                      d.nominal.isoformat(), d.overdue_days, d.reason, d.rule, d.calendar_covered,
                                      d.moved_for), strict=True)) for d in items]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        for line in warnings:  # stdout stays valid JSON
            print(line, file=sys.stderr)
        return 0
    if not items:
        print(i18n.message("cli.nothing_due", lang, days=args.days))
    else:
        head = [i18n.message("field.due_date", lang), "ID", i18n.message("field.name", lang),
                i18n.message("field.tier", lang), i18n.message("field.last_contact", lang),
                i18n.message("field.reason", lang)]
        body = [[d.due.isoformat() + (f" (+{d.overdue_days})" if d.overdue_days else ""), str(d.client_id),
                 _clean(d.client_name), i18n.label("tier", d.tier, lang), d.last_contact.isoformat() if d.last_contact else "-",
                 reason_text(d, lang)] for d in items]
        _table([head, *body])
    for line in warnings:
        print(line)
    return 0


def _cmd_tiers_recompute(args: argparse.Namespace) -> int:
    from rmdesk.services.tiering import recompute

    store = _open_store(args)
    try:
        changes = recompute(store)
    finally:
        store.close()
    lang = i18n.language()
    for c in changes:
        old, new = i18n.label("tier", c.old, lang) or "-", i18n.label("tier", c.new, lang) or "-"
        key = "cli.tier_kept" if c.kept else "cli.tier_changed"
        print(i18n.message(key, lang, id=c.client_id, name=_clean(c.client_name), old=old, new=new, why=c.why))
    print(i18n.message("cli.tiers_summary", lang, changed=sum(not c.kept for c in changes),
                       kept=sum(c.kept for c in changes)))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    if args.report_command in ("daily", "weekly", "monthly"):
        return _cmd_work_report(args)
    if args.report_command in ("list", "show", "comment", "sign-off"):
        return _cmd_report_review(args)
    from rmdesk.services import insight_reports, insights, insights_text

    name = args.report_command
    if args.output:
        insight_reports.file_type(args.output)  # a wrong extension fails before any work
    period = insights.make_period(args.start, args.end)
    if name == "forecast":  # it looks ahead: by default this month and the five after it
        period = insight_reports.forecast_period(args.start, args.end)
    store = _open_store(args, lock=False)
    try:
        report = getattr(insights, name)(store, period)
        if args.output:
            lang = i18n.language()
            count = insight_reports.export(store, {name: report}, period, args.output, lang)
            unit = i18n.message("insight.pages" if args.output.lower().endswith(".pdf") else "insight.rows", lang)
            print(i18n.message("insight.written", lang, path=args.output, report=insight_reports.title(name, lang),
                               period=insights_text.period_line(period, lang), count=count, unit=unit))
            return 0
    finally:
        store.close()
    if args.format == "json":
        data = getattr(insights_text, f"{args.report_command}_json")(report)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    lang = i18n.language()
    tables = insights_text.tables(name, report, lang)
    print(insights_text.period_line(period, lang))
    for table in tables:
        print()
        print(table.title)
        if table.rows:
            _table([table.header, *table.rows])
        else:
            print(i18n.message("report.nothing", lang))
        if table.note:
            print(table.note)
    return 0


def _cmd_work_report(args: argparse.Namespace) -> int:
    from rmdesk.services import workreports

    kind = args.report_command
    if (args.week and kind != "weekly") or (args.month and kind != "monthly"):
        raise UsageError(f"rmdesk report {kind}: " + i18n.message("error.report_period_kind"))
    key = workreports.period_key(kind, day=args.date, week=args.week, month=args.month)
    store = _open_store(args, lock=False)
    try:
        count = workreports.export(store, kind, key, args.output, i18n.language())
        view = workreports.get(store, kind, key)
    finally:
        store.close()
    unit = "cli.pages_written" if args.output.lower().endswith(".pdf") else "cli.rows_written"
    status = i18n.message("work.status_submitted", at=formatting.minute(view.submitted_at), version=view.version) \
        if view.status == "submitted" else i18n.message("work.status_draft")  # in the user's words, not "new v0"
    print(f"{args.output}: {i18n.message(f'work.title_{kind}')} {key}, {status}, " + i18n.message(unit, n=count))
    return 0


def _minute(at) -> str | None:
    return at.strftime("%Y-%m-%d %H:%M") if at else None


def _cmd_report_review(args: argparse.Namespace) -> int:
    """The lead's review from the command line (services/workreport_review.py)."""
    from rmdesk.services import workreport_review as review

    lang = i18n.language()
    store = _open_store(args, lock=False)
    try:
        if args.report_command == "list":
            rows = review.team_reports(store, rm=args.rm, status=args.status, kind=args.kind)
            if args.format == "json":
                json.dump([{"id": r.id, "rm": r.owner, "rm_name": r.owner_name, "kind": r.kind, "period": r.period,
                            "version": r.version, "status": r.status, "submitted_at": _minute(r.submitted_at),
                            "signed_off_by": r.signed_off_by, "signed_off_at": _minute(r.signed_off_at),
                            "comments": r.comments} for r in rows], sys.stdout, ensure_ascii=False, indent=1)
                sys.stdout.write("\n")
            elif rows:
                _table([["ID", "RM", i18n.message("work.kind", lang), i18n.message("field.version", lang),
                         i18n.message("work.status", lang), i18n.message("review.comment_field", lang)]]
                       + [[str(r.id), r.owner_name or "—", f"{i18n.message(f'review.kind_{r.kind}', lang)} {r.period}",
                           str(r.version), i18n.message(f"review.status_{r.status}", lang)
                           + (f" ({r.signed_off_by} {_minute(r.signed_off_at)})" if r.signed_off_by else ""),
                           str(r.comments)] for r in rows])
            else:
                print(i18n.message("report.nothing", lang))
            return 0
        if args.report_command == "comment":
            said = review.comment(store, args.id, args.text)
            print(i18n.message("review.commented", lang, id=args.id, version=said.version))
            return 0
        if args.report_command == "sign-off":
            view = review.sign_off(store, args.id)
            print(i18n.message("review.signed", lang, id=args.id, rm=view.owner_name or view.owner,
                               kind=i18n.message(f"review.kind_{view.kind}", lang), period=view.period,
                               version=view.version))
            return 0
        view = review.open_report(store, args.id)
        if args.output:
            review.export(store, args.id, args.output, lang)
        if args.format == "json":
            json.dump({"id": view.id, "rm": view.owner, "rm_name": view.owner_name, "kind": view.kind,
                       "period": view.period, "version": view.version, "latest": view.latest, "status": view.status,
                       "submitted_at": _minute(view.submitted_at), "change_reason": view.change_reason,
                       "signed_off_by": view.signed_off_by, "signed_off_at": _minute(view.signed_off_at),
                       "notes": view.notes, "plan": view.plan,
                       "comments": [{"version": c.version, "author": c.author, "author_name": c.author_name,
                                     "at": _minute(c.at), "text": c.text} for c in view.comments]},
                      sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
            return 0
        doc = review.document(store, args.id, lang)
    finally:
        store.close()
    print(f"{doc.title} · {doc.period_text} · {doc.rm_name}")
    print(doc.status_text)
    for block in doc.texts:
        if block.text:
            print()
            print(block.title)
            print(block.text)
    return 0


GuiLauncher = Callable[..., int]  # (data_dir, lang[, db_url]) -> exit code


def main(argv: Sequence[str] | None = None, gui: GuiLauncher | None = None) -> int:
    """Run a sub-command; with none, start `gui(data_dir, lang)` (given by the entry
    point, rmdesk/__main__.py, so that this module never imports Qt)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _build_parser().parse_args(argv)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    lang = getattr(args, "lang", None)
    if lang is None and args.command not in (None, "version"):
        lang = _saved_language(args)  # the GUI's rule: --lang, the setting, the environment
    i18n.set_language(lang)
    # an object finalised after a failure (a ZipFile on a full disk) goes to the log, not the terminal
    sys.unraisablehook = lambda u: log.info("ignored while finalising: %s", u.exc_value)
    if not log.handlers:  # the one line on stderr is the user's; log records are not printed there
        log.addHandler(logging.NullHandler())
    try:
        if args.command is None:
            if gui is None:
                raise UsageError("rmdesk: a sub-command is required here")
            if getattr(args, "db_url", None):  # the GUI on the team database (over its saved choice)
                return gui(getattr(args, "data_dir", None), getattr(args, "lang", None), args.db_url)
            return gui(getattr(args, "data_dir", None), getattr(args, "lang", None))
        if args.command == "version":
            print(f"rmdesk {__version__}")
            return 0
        if args.command == "demo":
            return _cmd_demo(args)
        if args.command == "clients":
            return _cmd_clients_list(args)
        if args.command == "agenda":
            return _cmd_agenda(args)
        if args.command == "plan":
            return _cmd_plan_print(args)
        if args.command == "proposal":
            return _cmd_proposal_print(args)
        if args.command == "calendar":
            return _cmd_calendar_export(args)
        if args.command == "due":
            return _cmd_due(args)
        if args.command == "tiers":
            return _cmd_tiers_recompute(args)
        if args.command == "backup":
            return _cmd_backup(args)
        if args.command == "check":
            return _cmd_check(args)
        if args.command == "import":
            return _cmd_import(args)
        if args.command == "export":
            return _cmd_export(args)
        if args.command == "team":
            return _cmd_team(args)
        if args.command == "report":
            return _cmd_report(args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except RmdeskError as exc:
        print(f"rmdesk: {_clean(exc.message())}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `rmdesk clients list | head`
        return 0
    except Exception as exc:  # never a traceback for the user; keep it in the log file
        from rmdesk.errors import as_user_error
        from rmdesk.store import server

        # a team database's server went away mid-command; a full disk, an I/O error, a
        # read-only folder, damage
        known = server.translate(exc) or as_user_error(exc)
        if known is not None:
            print(f"rmdesk: {_clean(known.message())}", file=sys.stderr)
            return 1
        logpath = _log_unexpected(args)
        detail = f"{type(exc).__name__}: {exc}" + (f" ({logpath})" if logpath else "")
        print(f"rmdesk: {i18n.message('error.unexpected', detail=detail)}", file=sys.stderr)
        return 1
    return 2


def _saved_language(args: argparse.Namespace) -> str | None:
    from rmdesk.paths import data_dir

    try:
        return i18n.saved_language(data_dir(getattr(args, "data_dir", None)))
    except (OSError, ValueError, RuntimeError):
        return None


def _log_unexpected(args: argparse.Namespace) -> Path | None:
    """Write the traceback to <data dir>/rmdesk.log; the user sees one line."""
    try:
        from rmdesk.paths import data_dir

        path = data_dir(getattr(args, "data_dir", None)) / "rmdesk.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        try:
            log.exception("unexpected error in %s", sys.argv)
        finally:
            log.removeHandler(handler)
            handler.close()
        return path
    except OSError:
        return None
