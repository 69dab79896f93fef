"""`lokomotiv enrol|unenrol|enrolment|attend`, `lesson move|cancel|restore` and `print
course-plan|notice|invitations|attendance`: a course's participants, its single lessons and
its printed documents. See docs/cli-courses.md."""
from __future__ import annotations

import sys
from pathlib import Path

from ..domain import course_catalog as catalog
from ..domain.danish_format import field_date
from ..domain.validation import ValidationError
from ..files import write_atomically
from ..services import courses as service
from ..services import enrolments
from ..services import person_privacy as privacy
from ..services.course_view import course_view, title_of
from ..services.participants import find_participant
from ..store.database import Store
from .common import EXIT_OK
from .people import fails_cleanly

# What the access log says when a document with a person's name is printed.
PRINTED = {"invitations": "udskrev invitation til hold",
           "attendance": "udskrev fremmødeliste for hold"}
DOCUMENTS = ("course-plan", "notice", "invitations", "attendance", "voting-list")


def register(subparsers) -> None:
    course_id = {"metavar": "HOLD", "help": "holdets id (eller de første tegn)"}
    person_id = {"metavar": "DELTAGER", "help": "deltagerens id (eller de første tegn)"}

    enrol = subparsers.add_parser(
        "enrol", help="tilmeld en deltager et hold",
        description="Kræver deltagerens samtykke til kursusplanlægning "
                    "(lokomotiv consent ID --purpose course ...).")
    enrol.add_argument("course", **course_id)
    enrol.add_argument("participant", **person_id)
    enrol.add_argument("--date", metavar="DATO", help="tilmeldt den (standard: i dag)")
    enrol.set_defaults(handler=enrol_command)

    unenrol = subparsers.add_parser("unenrol", help="fjern en deltager fra et hold")
    unenrol.add_argument("course", **course_id)
    unenrol.add_argument("participant", **person_id)
    unenrol.set_defaults(handler=unenrol_command)

    enrolment = subparsers.add_parser("enrolment", help="en deltagers status og resultat")
    enrolment.add_argument("course", **course_id)
    enrolment.add_argument("participant", **person_id)
    enrolment.add_argument("--status", metavar="STATUS",
                           help="tilmeldt, startet, gennemført eller udgået")
    enrolment.add_argument("--result", metavar="RESULTAT",
                           help="bestået, standpunkt eller ikke_afsluttet")
    svu = enrolment.add_mutually_exclusive_group()
    svu.add_argument("--svu-applied", dest="svu", action="store_const", const=True,
                     help="SVU er søgt")
    svu.add_argument("--svu-not-applied", dest="svu", action="store_const", const=False,
                     help="SVU er ikke søgt")
    enrolment.set_defaults(handler=enrolment_command, svu=None)

    attend = subparsers.add_parser("attend", help="registrer fremmøde til en lektion")
    attend.add_argument("course", **course_id)
    attend.add_argument("participant", **person_id)
    attend.add_argument("date", metavar="DATO", help="lektionens dato")
    attend.add_argument("--absent", action="store_true", help="deltageren var fraværende")
    attend.set_defaults(handler=attend_command)

    lesson = subparsers.add_parser("lesson", help="flyt, aflys eller genskab én lektion")
    lsub = lesson.add_subparsers(dest="lesson_command", metavar="move|cancel|restore",
                                 required=True)
    move = lsub.add_parser("move", help="flyt en lektion")
    move.add_argument("course", **course_id)
    move.add_argument("date", metavar="DATO", help="lektionens dato nu")
    move.add_argument("--to", required=True, metavar="DATO", help="den nye dato")
    move.add_argument("--time", metavar="KL", help="nye klokkeslæt, fx 08:00-10:30")
    move.add_argument("--reason", default="", metavar="TEKST", help="hvorfor")
    move.set_defaults(handler=lesson_move)
    cancel = lsub.add_parser("cancel", help="aflys en lektion")
    cancel.add_argument("course", **course_id)
    cancel.add_argument("date", metavar="DATO", help="lektionens dato")
    cancel.add_argument("--reason", required=True, metavar="TEKST", help="hvorfor")
    cancel.set_defaults(handler=lesson_cancel)
    restore = lsub.add_parser("restore", help="fortryd en flytning eller aflysning")
    restore.add_argument("course", **course_id)
    restore.add_argument("date", metavar="DATO", help="lektionens dato")
    restore.set_defaults(handler=lesson_restore)

    printing = subparsers.add_parser(
        "print", help="udskriv holdets dokumenter som PDF",
        description="course-plan: kursusplanen; notice: opslag uden navne; invitations: "
                    "en invitation pr. deltager; attendance: fremmødeliste; voting-list: "
                    "generalforsamlingens stemmeliste (uden HOLD).")
    printing.add_argument("document", choices=DOCUMENTS, metavar="DOKUMENT",
                          help=", ".join(DOCUMENTS))
    printing.add_argument("course", nargs="?", **course_id)  # not for voting-list
    printing.add_argument("--out", required=True, metavar="FIL.pdf", help="PDF-filen")
    printing.set_defaults(handler=print_command)


def _warn(warnings: list[str]) -> None:
    for text in warnings:
        print(f"Advarsel: {text}", file=sys.stderr)


@fails_cleanly
def enrol_command(args, store: Store) -> int:
    course = service.find_course(store, args.course)
    done = enrolments.enrol(store, course.id, args.participant, day=args.date)
    if done.already:
        print(done.warnings[0])
        return EXIT_OK
    person = find_participant(store, done.enrolment.participant_id)
    print(f"Tilmeldt: {person.name} på {title_of(course)} [{course.id}]")
    _warn(done.warnings)
    return EXIT_OK


@fails_cleanly
def unenrol_command(args, store: Store) -> int:
    course = service.find_course(store, args.course)
    person = find_participant(store, args.participant)
    enrolments.unenrol(store, course.id, person.id)
    print(f"Afmeldt: {person.name} fra {title_of(course)}")
    return EXIT_OK


@fails_cleanly
def enrolment_command(args, store: Store) -> int:
    course = service.find_course(store, args.course)
    person = find_participant(store, args.participant)
    found = enrolments.set_enrolment(store, course.id, person.id, status=args.status,
                                     result=args.result, svu_applied=args.svu)
    result = f", {catalog.result_label(found.result)}" if found.result else ""
    svu = ", SVU søgt" if found.svu_applied else ""
    print(f"{person.name}: {catalog.enrolment_status_label(found.status)}{result}{svu}")
    return EXIT_OK


@fails_cleanly
def attend_command(args, store: Store) -> int:
    course = service.find_course(store, args.course)
    person = find_participant(store, args.participant)
    enrolments.mark_attendance(store, course.id, person.id, args.date, not args.absent)
    state = "fraværende" if args.absent else "mødt"
    print(f"{person.name}: {state} {field_date(_date(args.date))}")
    return EXIT_OK


@fails_cleanly
def lesson_move(args, store: Store) -> int:
    calendar = service.move_lesson(store, args.course, args.date, args.to,
                                   time_span=args.time, reason=args.reason)
    moved = next(x for x in calendar.lessons if x.date.isoformat() == _iso(args.to))
    print(f"Lektionen er flyttet til {field_date(moved.date)} ({moved.note})")
    return EXIT_OK


@fails_cleanly
def lesson_cancel(args, store: Store) -> int:
    service.cancel_lesson(store, args.course, args.date, args.reason)
    print(f"Lektionen {field_date(_date(args.date))} er aflyst: {args.reason.strip()}")
    return EXIT_OK


@fails_cleanly
def lesson_restore(args, store: Store) -> int:
    service.restore_lesson(store, args.course, args.date)
    print(f"Lektionen {field_date(_date(args.date))} ligger igen, hvor den blev planlagt.")
    return EXIT_OK


def _date(text: str):
    from ..domain.outreach_rules import parse_date

    return parse_date("date", text, "Dato")


def _iso(text: str) -> str:
    return _date(text).isoformat()


# -- printing -------------------------------------------------------------------------------

def _builder(document: str):
    """Imported on demand: reportlab is slow to load and only printing needs it."""
    if document == "course-plan":
        from ..reports.course_plan import build_course_plan
        return build_course_plan
    if document == "notice":
        from ..reports.course_notice import build_course_notice
        return build_course_notice
    if document == "invitations":
        from ..reports.course_invitations import build_course_invitations
        return build_course_invitations
    from ..reports.attendance_sheet import build_attendance_sheet
    return build_attendance_sheet


def _target(text: str) -> Path:
    out = Path(text).expanduser()
    if out.is_dir():
        raise ValidationError("out", f"{text} er en mappe; angiv en fil, fx {text}/plan.pdf.")
    if out.suffix.lower() != ".pdf":
        raise ValidationError("out", f"Filen skal hedde .pdf, ikke «{out.name}».")
    if not out.parent.is_dir():
        raise ValidationError("out", f"Mappen {out.parent} findes ikke.")
    return out


@fails_cleanly
def print_command(args, store: Store) -> int:
    out = _target(args.out)
    if args.document == "voting-list":
        from .association import print_voting_list
        return print_voting_list(store, out, write_atomically)
    if not args.course:
        raise ValidationError("course", "Angiv holdet (HOLD), fx lokomotiv print course-plan "
                              "0193f --out plan.pdf.")
    course = service.find_course(store, args.course)
    view = course_view(store, course)
    if args.document in PRINTED and not view["participants"]:
        raise ValidationError("course", "Holdet har ingen deltagere endnu.")
    payload = _builder(args.document)(view)
    try:
        write_atomically(out, payload)
    except OSError as exc:
        raise ValidationError("out", f"Kan ikke skrive {out}: {exc.strerror}.") from None
    if args.document in PRINTED:  # names on paper: an access to personal data, logged
        for person in view["participants"]:
            privacy.log_view(store, person["id"], f"{PRINTED[args.document]} {view['title']}")
    print(f"{view['title']}: gemt i {out}")
    return EXIT_OK
