"""Crash safety: a writer process is killed with SIGKILL at random moments, 120 times.

Each transaction of the writer saves a client and its contact together and the
writer acknowledges (prints the client id) only after the commit returned. After
every kill the store must pass integrity_check, hold every acknowledged client, and
hold no client without its contact (no half-written transaction).

The writer is a fork of the test process (Linux/macOS), so each round costs
milliseconds instead of a Python start-up.
"""

import os
import random
import select
import signal
import sqlite3
import time

import pytest

from rmdesk.paths import STORE_FILENAME
from rmdesk.store.engine import Store

KILLS = 120

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")


def _writer(data_dir, ack_fd: int, seed: int) -> None:
    """Child process: write client+contact pairs forever, acknowledging each commit."""
    from rmdesk.store.models import Client, Contact

    rng = random.Random(seed)
    store = Store.open(data_dir)
    n = 0
    while True:
        n += 1
        now = __import__("datetime").datetime(2026, 11, 23, 9, 30)
        with store.write() as s:
            client = Client(name=f"崩溃测试{seed}-{n}", step=1, status="active", step_entered_at=now,
                            created_at=now, updated_at=now, intel_notes="x" * rng.randrange(0, 20000))
            s.add(client)
            s.flush()
            s.add(Contact(client_id=client.id, name=f"联系人{client.id}", preferences="y" * rng.randrange(0, 5000)))
        os.write(ack_fd, f"{client.id}\n".encode())


def _run_and_kill(data_dir, seed: int, rng: random.Random) -> list[int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_fd)
        try:
            _writer(data_dir, write_fd, seed)
        finally:
            os._exit(1)
    os.close(write_fd)
    want = rng.randrange(0, 12)  # acknowledged saves to wait for before the kill (0: kill at start-up)
    buffer = b""
    deadline = time.monotonic() + 20
    while buffer.count(b"\n") < want and time.monotonic() < deadline:
        ready, _, _ = select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break  # a stuck writer must not hang the suite: kill it and check all the same
        chunk = os.read(read_fd, 4096)
        if not chunk:
            break
        buffer += chunk
    time.sleep(rng.random() * 0.004)  # land somewhere inside the next transaction
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while True:  # what was acknowledged before the kill
        chunk = os.read(read_fd, 4096)
        if not chunk:
            break
        buffer += chunk
    os.close(read_fd)
    return [int(line) for line in buffer.decode().split()]


def test_sigkill_at_random_moments_loses_no_acknowledged_save_and_leaves_no_half(data_dir):
    Store.open(data_dir).close()  # create the schema first
    rng = random.Random(20261123)
    acknowledged: set[int] = set()
    path = data_dir / STORE_FILENAME
    survived = 0
    for round_ in range(KILLS):
        acknowledged.update(_run_and_kill(data_dir, round_, rng))
        con = sqlite3.connect(path)
        try:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"round {round_}"
            stored = {r[0] for r in con.execute("SELECT id FROM clients")}
            missing = acknowledged - stored
            assert not missing, f"round {round_}: acknowledged but lost: {sorted(missing)[:5]}"
            halves = con.execute("SELECT count(*) FROM clients c WHERE (SELECT count(*) FROM contacts p "
                                 "WHERE p.client_id = c.id) != 1").fetchone()[0]
            assert halves == 0, f"round {round_}: {halves} client(s) without their contact"
            assert con.execute("SELECT count(*) FROM contacts WHERE client_id NOT IN (SELECT id FROM clients)"
                               ).fetchone()[0] == 0
        finally:
            con.close()
        survived += 1
    assert survived == KILLS and len(acknowledged) > KILLS  # the writer did real work between kills
    print(f"\ncrash test: {survived} SIGKILLs survived, {len(acknowledged)} acknowledged saves all present")
    # and the app still opens it normally
    store = Store.open(data_dir)
    store.close()
