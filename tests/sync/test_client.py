"""SyncClient against the real server app (SQLite backend, in-process)."""
from __future__ import annotations

import json
import time

import httpx
import pytest

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.sync.client import SyncClient
from tests.cvrs import cvr_series

from .harness import Server, fast_passwords, local_state, server_state
from .network import BASE_URL, DownTransport


@pytest.fixture
def server(tmp_path, monkeypatch):
    fast_passwords(monkeypatch)
    srv = Server(f"sqlite:///{tmp_path}/shared.db").start()
    srv.add_user("anna", "konsulent", ["101"])
    srv.add_user("bo", "konsulent", ["101", "147"])
    srv.add_user("chef", "koordinator", [])
    yield srv
    srv.close()


@pytest.fixture
def stores(tmp_path):
    opened = [Store(tmp_path / f"{name}.db") for name in ("a", "b")]
    yield opened
    for s in opened:
        s.close()


_CVRS = cvr_series(20_000_000)  # one company per CVR: each call a new one


def add_company(store, name, municipality="101"):
    with store.transaction():
        return store.changes.insert("company", {"cvr": str(next(_CVRS)), "name": name,
                                                "municipality_code": municipality})


def rename(store, row_id, name):
    with store.transaction():
        store.changes.update("company", row_id, {"name": name})


def test_push_then_pull_brings_a_company_to_the_other_laptop(server, stores):
    a, b = stores
    ca, cb = server.login(a, "anna"), server.login(b, "bo")
    cid = add_company(a, "Bageriet")
    with store_contact(a, cid):
        pass
    report = ca.sync_once()
    assert (report.ok, report.pushed, a.pending_changes()) == (True, 2, 0)
    report = cb.sync_once()
    assert report.ok and report.pulled == 2
    assert local_state(b) == local_state(a)
    assert b.pending_changes() == 0
    runs = b.db.execute("SELECT pushed, pulled, error FROM sync_run").fetchall()
    assert runs == [(0, 2, None)]


class store_contact:
    def __init__(self, store, company_id):
        self.store, self.company_id = store, company_id

    def __enter__(self):
        with self.store.transaction():
            return self.store.changes.insert("contact", {"company_id": self.company_id,
                                                         "name": "Hanne"})

    def __exit__(self, *exc):
        return False


def test_concurrent_edit_lands_in_the_inbox_and_both_converge(server, stores):
    a, b = stores
    ca, cb = server.login(a, "anna"), server.login(b, "bo")
    cid = add_company(a, "Start")
    ca.sync_once()
    cb.sync_once()
    rename(a, cid, "Annas navn")
    time.sleep(0.003)  # in the same millisecond the device ids would decide the winner
    rename(b, cid, "Bos navn")  # b's write is later: it wins
    assert ca.sync_once().ok
    report = cb.sync_once()
    assert report.conflicts == 1
    ca.sync_once()
    assert local_state(a) == local_state(b)
    name = a.db.execute("SELECT name FROM company WHERE id = ?", [cid]).fetchone()[0]
    assert name == "Bos navn"
    [conflict] = inbox.list_conflicts(b)
    assert (conflict.mine, conflict.theirs, conflict.theirs_by) == ("Bos navn", "Annas navn",
                                                                    "anna")
    # Bo keeps Anna's value after all: it syncs to everyone with a new stamp.
    assert inbox.resolve(b, conflict.id, "theirs")
    cb.sync_once()
    ca.sync_once()
    assert a.db.execute("SELECT name FROM company WHERE id = ?", [cid]).fetchone()[0] \
        == "Annas navn"


def test_cursor_advances_and_a_sync_with_nothing_to_do_is_one_fast_request(server, stores):
    a, _ = stores
    ca = server.login(a, "anna")
    add_company(a, "X")
    ca.sync_once()
    cursor = ca.cursor()
    assert cursor > 0
    calls = []
    inner = server.transport

    class Counting(httpx.BaseTransport):
        def handle_request(self, request):
            calls.append(request.url.path)
            return inner.handle_request(request)

    idle = SyncClient(a, BASE_URL, ca.token, transport=Counting())
    idle.sync_once()  # warm up
    calls.clear()
    started = time.perf_counter()
    report = idle.sync_once()
    elapsed = time.perf_counter() - started
    assert report.ok and calls == ["/api/v1/pull"]
    assert idle.cursor() == cursor
    assert elapsed < 0.05, f"an idle sync took {elapsed * 1000:.0f} ms"


def test_out_of_scope_rows_are_not_pulled(server, stores):
    a, b = stores
    ca, cb = server.login(a, "anna"), server.login(b, "bo")
    add_company(b, "Frederiksberg ApS", municipality="147")
    cb.sync_once()
    ca.sync_once()
    assert a.db.execute("SELECT count(*) FROM company").fetchone()[0] == 0


def test_a_change_outside_scope_is_refused_and_kept_in_the_inbox(server, stores):
    a, _ = stores
    ca = server.login(a, "anna")
    add_company(a, "I scope")
    add_company(a, "Udenfor", municipality="147")
    report = ca.sync_once()
    assert report.ok and (report.pushed, report.rejected) == (1, 1)
    [entry] = inbox.list_conflicts(a)
    assert entry.rejected and entry.theirs_by == "scope" and entry.mine["name"] == "Udenfor"
    assert a.pending_changes() == 0


def test_erasure_reaches_the_other_laptop_and_drops_its_queued_changes(server, stores):
    a, b = stores
    ca, cb = server.login(a, "anna"), server.login(b, "bo")
    cid = add_company(a, "Firma")
    with store_contact(a, cid) as kid:
        pass
    ca.sync_once()
    cb.sync_once()
    with b.transaction():
        b.changes.update("contact", kid, {"phone": "12345674"})
    assert ca.erase("contact", kid) == [("contact", kid)]
    report = cb.sync_once()
    assert report.ok and report.rejected == 1  # the queued edit was refused: "erased"
    assert ("contact", kid) not in local_state(b)
    assert "12345674" not in json.dumps([c.mine for c in inbox.list_conflicts(b)])
    rows, erased = server_state(server, server.token("chef"))
    assert ("contact", kid) in erased and ("contact", kid) not in rows


@pytest.mark.parametrize(("transport", "kind", "words"), [
    ("down", "offline", "Kan ikke få forbindelse"),
    ("bad_token", "unauthorized", "Log ind igen"),
    ("old_client", "upgrade", "Opdater Lokomotiv"),
    ("forbidden", "forbidden", "Ingen adgang"),
    ("crash", "server", "Serverfejl (HTTP 500)"),
])
def test_failures_are_reported_in_danish_and_nothing_is_lost(stores, transport, kind, words):
    a, _ = stores
    add_company(a, "Ventende")
    statuses = {"bad_token": 401, "old_client": 426, "forbidden": 403, "crash": 500}
    fake = DownTransport() if transport == "down" else httpx.MockTransport(
        lambda request: httpx.Response(statuses[transport],
                                       json={"error": "nej", "code": "x"}))
    report = SyncClient(a, BASE_URL, "token", transport=fake).sync_once()
    assert report.error_kind == kind and words in report.error
    assert a.pending_changes() == 1
    assert a.db.execute("SELECT error FROM sync_run").fetchone()[0] == report.error


def test_a_real_426_from_the_server_asks_for_an_update(tmp_path, monkeypatch, stores):
    fast_passwords(monkeypatch)
    srv = Server(f"sqlite:///{tmp_path}/old.db").start(min_schema=99)
    try:
        with pytest.raises(Exception, match="Opdater Lokomotiv"):
            srv.login(stores[0], "nobody")
    finally:
        srv.close()


def test_login_with_a_wrong_password_says_so(server, stores):
    from lokomotiv_desktop.sync.errors import SyncError

    with pytest.raises(SyncError) as raised:
        SyncClient.login(stores[0], BASE_URL, "anna", "forkert-kode",
                         transport=server.transport)
    assert raised.value.kind == "unauthorized"
    assert "Forkert brugernavn" in raised.value.message


# -- bulk inserts queue their changes without the values (store/changes.py FIELDS_IN_ROW) --
class RecordingTransport(httpx.BaseTransport):
    """The server's transport, keeping every pushed change as it went over the wire."""

    def __init__(self, inner):
        self.inner, self.pushed = inner, []

    def handle_request(self, request):
        if request.url.path.endswith("/push"):
            self.pushed += json.loads(request.read())["changes"]
        return self.inner.handle_request(request)


COMPANY = {"cvr": "12345674", "name": "Importeret ApS", "municipality_code": "101",
           "city": "Aarhus", "employees": "10-19"}


def bulk_company(store, unit_names=("Lager",), company=COMPANY):
    from lokomotiv_desktop.store.bulk import NewCompany, insert_companies

    with store.transaction():
        [cid] = insert_companies(store, [NewCompany(company, [
            {"pnr": f"10000000{i:02d}", "name": name} for i, name in enumerate(unit_names)])])
    return cid


def pushed_by(server, store, user="anna"):
    recorder = RecordingTransport(server.transport)
    client = server.login(store, user, transport=recorder)
    report = client.sync_once()
    assert report.ok and store.pending_changes() == 0, report.error
    return recorder.pushed


def test_a_bulk_insert_goes_out_with_its_values_and_one_stamp_per_field(server, stores):
    a, _ = stores
    cid = bulk_company(a)
    pushed = pushed_by(server, a)
    company = next(c for c in pushed if c["row_id"] == cid)
    [stamp] = set(company["clocks"].values())
    assert company["fields"] == COMPANY and company["clocks"] == dict.fromkeys(COMPANY, stamp)
    assert company["base"] == {}
    unit = next(c for c in pushed if c["table"] == "production_unit")
    assert unit["fields"] == {"pnr": "1000000000", "name": "Lager", "company_id": cid}
    rows, _ = server_state(server, server.token("chef"))
    assert rows == local_state(a)


def test_a_field_edited_after_the_bulk_insert_travels_only_with_the_edit(server, stores):
    a, _ = stores
    cid = bulk_company(a)
    rename(a, cid, "Nyt Navn ApS")
    pushed = [c for c in pushed_by(server, a) if c["row_id"] == cid]
    assert [set(c["fields"]) for c in pushed] == [set(COMPANY) - {"name"}, {"name"}]
    assert pushed[1]["fields"] == {"name": "Nyt Navn ApS"}
    rows, _ = server_state(server, server.token("chef"))
    assert rows[("company", cid)][0]["name"] == "Nyt Navn ApS"
    assert rows == local_state(a)


def test_a_bulk_insert_then_deleted_reaches_the_server_deleted(server, stores):
    a, _ = stores
    cid = bulk_company(a)
    with a.transaction():
        a.changes.delete("company", cid)
    pushed = [c for c in pushed_by(server, a) if c["row_id"] == cid]
    assert [c["fields"] for c in pushed] == [COMPANY, {"deleted": 1}]
    rows, _ = server_state(server, server.token("chef"))
    assert rows[("company", cid)][0]["deleted"] == 1 and rows == local_state(a)


def test_a_bulk_insert_whose_fields_were_written_again_still_creates_the_row_first(
        server, stores):
    a, _ = stores
    cid = bulk_company(a)
    later = {"name": "Andet Navn", "municipality_code": "147", "city": "Vejle",
             "employees": "20-49"}
    with a.transaction():  # every field the insert wrote but its CVR, written again
        a.changes.update("company", cid, later)
    pushed = pushed_by(server, a, "chef")
    # the insert goes first with what is left of its own (the CVR, which never changes),
    # so the P-unit queued next finds its company; then the edit
    assert [(c["table"], c["fields"]) for c in pushed] == [
        ("company", {"cvr": COMPANY["cvr"]}), ("production_unit", pushed[1]["fields"]),
        ("company", later)]
    rows, _ = server_state(server, server.token("chef"))
    assert rows == local_state(a) and len(rows) == 2
    assert inbox.list_conflicts(a) == []


def test_a_bulk_insert_whose_row_is_gone_is_dropped_from_the_outbox(server, stores):
    a, _ = stores
    cid = bulk_company(a, unit_names=())
    kept = bulk_company(a, unit_names=(), company={**COMPANY, "cvr": "87654338"})
    with a.transaction():  # as if erased without its queue (erasure drops both itself)
        a.db.execute("DELETE FROM company WHERE id = ?", [cid])
    assert [c["row_id"] for c in pushed_by(server, a)] == [kept]
