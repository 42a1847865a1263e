"""The bench's save figures say what their p95 hides (bench.__main__.tail_note): the slowest
saves a user still feels, and the first save after opening that the timings leave out."""

from bench.__main__ import tail_note


def test_the_note_names_the_tail_and_the_first_save():
    values = [2.0] * 97 + [40.0, 150.0, 2030.0]
    note = tail_note(values, first=249.6)
    assert note == ("p99 150.0 ms, worst 2030 ms, 2 of 100 over 100 ms; "
                    "first save after opening 250 ms")


def test_a_calm_run_says_none_over_100_ms():
    note = tail_note([1.5, 2.5, 3.0], first=6.0)
    assert note.startswith("p99 3.0 ms, worst 3 ms, 0 of 3 over 100 ms;")
