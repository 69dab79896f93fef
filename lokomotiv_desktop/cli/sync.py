"""`lokomotiv login|logout|sync|conflicts`: sync with lokomotiv-server from a script.

Exit 1 when the server cannot be reached or refuses (the message says which); the local
data is never touched by a failed sync.
"""
from __future__ import annotations

import getpass
import sys

from ..services.sync import NotLoggedIn, SyncService
from ..store import quarantine
from ..store.database import Store
from ..sync.errors import SyncError
from ..sync.transport import refusal, unencrypted_remote
from .common import EXIT_BAD_INPUT, EXIT_OK, fail, print_json

EXIT_SYNC_FAILED = 1


def register(subparsers) -> None:
    login = subparsers.add_parser("login", help="log ind på den fælles server")
    login.add_argument("--server", required=True, metavar="URL",
                       help="serverens adresse, fx https://lokomotiv.example.dk:8765")
    login.add_argument("--user", required=True, metavar="NAVN")
    login.add_argument("--password-stdin", action="store_true",
                       help="læs adgangskoden fra standard input (ellers spørges der)")
    login.add_argument("--insecure", action="store_true",
                       help="tillad http:// til en anden maskine (ukrypteret; kun i et "
                            "lukket testnet)")
    login.set_defaults(handler=run_login)
    logout = subparsers.add_parser("logout", help="log ud og glem adgangen på denne maskine")
    logout.set_defaults(handler=run_logout)
    sync = subparsers.add_parser(
        "sync", help="synkronisér nu: send ændringer, hent de andres",
        description="Sender de lokale ændringer og henter de andres. Exit 1, hvis serveren "
                    "ikke kan nås eller afviser; dine data er så uændrede.")
    sync.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    sync.set_defaults(handler=run_sync)
    conflicts = subparsers.add_parser("conflicts", help="vis konflikter, der venter på dig")
    conflicts.add_argument("--json", action="store_true", help="skriv konflikterne som JSON")
    conflicts.add_argument("--all", action="store_true", help="også de løste")
    conflicts.set_defaults(handler=run_conflicts)


def run_login(args, store: Store) -> int:
    if unencrypted_remote(args.server) and not args.insecure:
        # Before the password is asked for: it must not be typed for nothing.
        return fail(refusal(args.server) + " (Eller brug --insecure, hvis du ved, at "
                    "netværket er lukket.)", EXIT_BAD_INPUT)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"Adgangskode for {args.user}: ")
    if not password:
        return fail("Adgangskoden må ikke være tom.", EXIT_BAD_INPUT)
    try:
        status = SyncService(store).login(args.server, args.user, password,
                                          insecure=args.insecure)
    except SyncError as exc:
        return fail(exc.message, EXIT_SYNC_FAILED)
    where = ", ".join(status.municipalities) or "alle kommuner"
    print(f"Logget ind på {status.server_url} som {status.user} ({status.role}: {where}).")
    return EXIT_OK


def run_logout(args, store: Store) -> int:
    service = SyncService(store)
    was = service.status()
    service.logout()
    print(f"Logget ud{f' ({was.user})' if was.user else ''}.")
    return EXIT_OK


def run_sync(args, store: Store) -> int:
    try:
        report = SyncService(store).sync_now()
    except NotLoggedIn as exc:
        return fail(str(exc), EXIT_SYNC_FAILED)
    if args.json:
        print_json({"ok": report.ok, "pushed": report.pushed, "pulled": report.pulled,
                    "conflicts": report.conflicts, "rejected": report.rejected,
                    "quarantined": report.quarantined, "in_quarantine": quarantine.count(store),
                    "pending": store.pending_changes(), "error": report.error,
                    "error_kind": report.error_kind})
    if not report.ok:
        return fail(report.error or "Synkroniseringen mislykkedes.", EXIT_SYNC_FAILED)
    if not args.json:
        print(f"Sendt: {report.pushed}  Hentet: {report.pulled}  "
              f"Nye konflikter: {report.conflicts}  Afvist: {report.rejected}")
        held = quarantine.count(store)  # also those of earlier runs: they stay until fixed
        if held:
            rows = "række" if held == 1 else "rækker"
            print(f"{held} {rows} fra serveren kunne ikke gemmes og ligger i karantæne "
                  "(se Synkronisering).")
    return EXIT_OK


def run_conflicts(args, store: Store) -> int:
    conflicts = SyncService(store).conflicts(include_resolved=args.all)
    if args.json:
        print_json([{
            "id": c.id, "table": c.table, "row_id": c.row_id, "label": c.label,
            "field": c.field, "mine": c.mine, "theirs": c.theirs, "theirs_by": c.theirs_by,
            "mine_stamp": c.mine_stamp, "theirs_stamp": c.theirs_stamp,
            "detected": c.detected, "resolved": c.resolved, "rejected": c.rejected,
        } for c in conflicts])
        return EXIT_OK
    if not conflicts:
        print("Ingen konflikter.")
    for c in conflicts:
        if c.rejected:
            print(f"[{c.id}] {c.label}: ændringen blev afvist af serveren: {c.theirs}")
        else:
            print(f"[{c.id}] {c.label}, {c.field}: din værdi {c.mine!r}, "
                  f"{c.theirs_by or 'en anden'}s værdi {c.theirs!r}")
    return EXIT_OK
