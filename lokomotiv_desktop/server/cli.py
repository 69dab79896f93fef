"""`lokomotiv-server`: init, serve, adduser, revoke. Messages in Danish."""
from __future__ import annotations

import argparse
import getpass
import signal
import socket
import sys

from .accounts import (
    DEFAULT_TOKEN_IDLE_DAYS,
    ROLES,
    AccountError,
    add_user,
    parse_municipalities,
    revoke_user,
)
from .backend import Backend, open_backend
from .schema import is_initialized


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lokomotiv-server", description="Lokomotivs fælles lager, som bærbarene synkroniserer med."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("--db", required=True, metavar="URL",
                         help="sqlite:///sti/shared.db eller postgresql://bruger@vært/database")
        return sub

    command("init", "Opret databasens tabeller (kan køres igen uden skade).")
    serve = command("serve", "Start serveren.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765, help="0 = vælg en ledig port")
    serve.add_argument("--tls-cert", metavar="FIL")
    serve.add_argument("--tls-key", metavar="FIL")
    serve.add_argument("--min-schema", type=int, default=1,
                       help="ældste skemaversion hos klienten, der accepteres")
    serve.add_argument("--token-idle-days", type=_positive_days,
                       default=DEFAULT_TOKEN_IDLE_DAYS, metavar="DAGE",
                       help="et login, der ikke er brugt i så mange dage, udløber "
                            f"(standard {DEFAULT_TOKEN_IDLE_DAYS})")
    serve.add_argument("--trusted-proxy", metavar="ADRESSE",
                       help="adressen på en reverse proxy, hvis X-Forwarded-For-header "
                            "skal troes (ellers troes den aldrig)")
    adduser = command("adduser", "Opret en bruger (eller ret den med --update).")
    adduser.add_argument("name", metavar="NAVN")
    adduser.add_argument("--role", required=True, choices=ROLES)
    adduser.add_argument("--municipalities", default="", metavar="KODER",
                         help="kommunekoder adskilt af komma, fx 615,630")
    adduser.add_argument("--password-stdin", action="store_true",
                         help="læs adgangskoden fra standard input")
    adduser.add_argument("--full-name", default="", metavar="NAVN",
                         help="brugerens fulde navn, som det står som konsulent på "
                              "virksomhederne (fx \"Anne Holm\"); afgør, hvilke "
                              "ordblinderesultater konsulenten får")
    adduser.add_argument("--update", action="store_true", help="ret en eksisterende bruger")
    revoke = command("revoke", "Spær en bruger og tilbagekald alle brugerens tokens.")
    revoke.add_argument("name", metavar="NAVN")
    return parser


def _positive_days(text: str) -> float:
    try:
        days = float(text)
    except ValueError:
        days = 0.0
    if not days > 0:
        raise argparse.ArgumentTypeError(f"skal være et positivt antal dage, ikke {text!r}")
    return days


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        backend = open_backend(args.db)
    except Exception as exc:  # noqa: BLE001 - say why in Danish, no traceback
        print(f"Kan ikke åbne databasen {args.db}: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "init":
            backend.init_schema()
            print(f"Databasen er klar: {args.db}")
            return 0
        with backend.read() as db:
            ready = is_initialized(db, backend)
        if not ready:
            print(f"Databasen er ikke oprettet. Kør først: lokomotiv-server init --db {args.db}",
                  file=sys.stderr)
            return 2
        backend.init_schema()  # idempotent; brings a database of an older server up to date
        return {"serve": _serve, "adduser": _adduser, "revoke": _revoke}[args.command](
            backend, args)
    except AccountError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        backend.close()


def _adduser(backend: Backend, args) -> int:
    municipalities = parse_municipalities(args.municipalities)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Adgangskode: ")
        if getpass.getpass("Gentag adgangskode: ") != password:
            print("Adgangskoderne er ikke ens.", file=sys.stderr)
            return 1
    new = add_user(backend, args.name, password, args.role, municipalities,
                       update=args.update, full_name=args.full_name)
    print(f"Brugeren {args.name} er {'oprettet' if new else 'opdateret'} ({args.role}"
          + (f", kommuner {', '.join(municipalities)}" if municipalities else "") + ").")
    if not new:
        print("Er adgangskode, rolle eller kommuner ændret, skal brugeren logge ind igen "
              "på alle enheder.")
    return 0


def _revoke(backend: Backend, args) -> int:
    count = revoke_user(backend, args.name)
    print(f"Brugeren {args.name} er spærret; {count} token(s) tilbagekaldt.")
    return 0


def _serve(backend: Backend, args) -> int:
    import uvicorn

    from .app import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        print("Angiv både --tls-cert og --tls-key.", file=sys.stderr)
        return 2
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted sockets inherit this; without it every small answer waits ~40 ms (Nagle
    # against delayed ACK). uvicorn sets it only on sockets it binds itself.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        print(f"Kan ikke lytte på {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    sock.listen(128)  # connections wait in the backlog until uvicorn accepts them
    port = sock.getsockname()[1]
    scheme = "https" if args.tls_cert else "http"
    host = f"[{args.host}]" if family == socket.AF_INET6 else args.host
    config = uvicorn.Config(
        create_app(backend, min_schema=args.min_schema, token_idle_days=args.token_idle_days),
        log_level="warning", ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key,
        timeout_graceful_shutdown=10,
        # uvicorn believes X-Forwarded-For from 127.0.0.1 by default: anyone on the host
        # could then pose as any address and dodge the login limiter. Only a named proxy.
        proxy_headers=bool(args.trusted_proxy),
        forwarded_allow_ips=args.trusted_proxy or "",
    )
    server = uvicorn.Server(config)
    # uvicorn shuts down gracefully on SIGTERM/SIGINT, then re-raises the signal to the
    # previous handler: make that handler a clean exit instead of death by signal.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, _stop)
    print(f"Lytter på {scheme}://{host}:{port}", flush=True)
    try:
        server.run(sockets=[sock])
    except _Stopped:
        pass
    print("Serveren er stoppet.", flush=True)
    return 0


class _Stopped(Exception):
    pass


def _stop(signum, frame) -> None:
    raise _Stopped()


if __name__ == "__main__":
    sys.exit(main())
