"""The burst detector on its own: timestamps in, decisions out, no Qt.

Keys are fed with the times a scanner (a few ms a key) or a person (150 ms a key) would
produce; the tokens are the characters, so a replay can be compared with what was typed.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_oms.scanner.settings import ScannerSettings, Terminator
from desktop_oms.scanner.wedge import Burst, BurstDetector, Decision

#: Examples are not timed: a loaded CI machine is no reason to fail (timing is no property).
NO_DEADLINE = settings(deadline=None)
ENTER, TAB = Terminator.ENTER, Terminator.TAB


def detector(**changes: object) -> BurstDetector[str]:
    """A detector with default settings except ``changes``."""
    return BurstDetector(ScannerSettings(**changes))  # type: ignore[arg-type]


class Run:
    """Feeds keys to a detector at chosen times and collects what it lets through."""

    def __init__(self, wedge: BurstDetector[str]) -> None:
        self.wedge = wedge
        self.now = 0.0
        self.delivered: list[str] = []  # what reached the "widget", in order
        self.bursts: list[Burst] = []

    def _apply(self, decision: Decision[str], key: str | None) -> None:
        self.delivered.extend(decision.replay)
        if key is not None and not decision.consume:
            self.delivered.append(key)
        if decision.burst is not None:
            self.bursts.append(decision.burst)

    def type(self, text: str, ms: float, *, enter: bool = False) -> None:
        """Type ``text`` one key every ``ms`` (then Enter), expiring held keys as a timer would."""
        for char in text:
            self.wait(ms)
            self._apply(self.wedge.text(char, self.now, char), char)
        if enter:
            self.wait(ms)
            self._apply(self.wedge.terminator(ENTER, self.now, "⏎"), "⏎")

    def key(self, name: str, ms: float) -> None:
        """A key that is no text, ``ms`` after the last."""
        self.wait(ms)
        self._apply(self.wedge.other_key(name, self.now, name), name)

    def wait(self, ms: float) -> None:
        """Let ``ms`` pass; the timeout timer fires if it is due."""
        timeout = self.wedge.settings.timeout_ms
        if self.wedge.holding and ms > timeout:
            self._apply(self.wedge.expire(), None)
        self.now += ms


# --- scanners and people ---------------------------------------------------------------


def test_a_scanner_burst_is_one_scan_and_nothing_reaches_the_field() -> None:
    """13 digits at 8 ms and Enter: one burst with every character, no key delivered."""
    run = Run(detector())
    run.type("4006381333931", 8, enter=True)
    run.wait(200)
    assert run.delivered == []
    assert run.bursts == [Burst("4006381333931", (8.0,) * 13, "\r")]


def test_a_person_typing_gets_every_key_in_order() -> None:
    """150 ms a key: each key is given back (within the timeout), Enter goes through after."""
    run = Run(detector())
    run.type("WEB-1000234", 150, enter=True)
    run.wait(200)
    assert run.bursts == []
    assert "".join(run.delivered) == "WEB-1000234⏎"


def test_a_fast_person_with_a_short_word_is_not_a_scanner() -> None:
    """Even 20 ms a key is typing when it is shorter than ``min_length``."""
    run = Run(detector(min_length=4))
    run.type("ok", 20, enter=True)
    assert run.bursts == []
    assert run.delivered == ["o", "k", "⏎"]


def test_slow_keys_are_typing_even_when_long_and_ending_with_enter() -> None:
    """45 ms a key (inside the timeout, above the 30 ms average) is typing."""
    run = Run(detector())
    run.type("4006381333931", 45, enter=True)
    assert run.bursts == []
    assert "".join(run.delivered) == "4006381333931⏎"


def test_the_average_decides_so_one_slow_gap_does_not_split_a_scan() -> None:
    """A scanner's USB hiccup (one 55 ms gap among 8 ms gaps) still makes one scan."""
    run = Run(detector())
    for i, gap in enumerate([0, 8, 8, 8, 55, 8, 8, 8, 8]):
        run.wait(gap)
        run._apply(run.wedge.text(str(i), run.now, str(i)), str(i))
    run.wait(8)
    run._apply(run.wedge.terminator(ENTER, run.now, "⏎"), "⏎")
    assert run.delivered == []
    assert [b.text for b in run.bursts] == ["012345678"]


def test_a_burst_cut_off_half_way_is_dropped_and_reported() -> None:
    """No terminator: after the timeout the keys are a cut-off scan, never typed text."""
    run = Run(detector())
    run.type("4006381", 8)
    run.wait(200)
    assert run.delivered == []
    assert len(run.bursts) == 1
    assert run.bursts[0].text == "4006381"
    assert run.bursts[0].problem is not None
    assert "cut off" in run.bursts[0].problem
    assert "Enter or Tab" in run.bursts[0].problem


def test_without_a_terminator_the_timeout_ends_a_scan() -> None:
    """Scanners set to send no suffix: the silence after the burst completes it."""
    run = Run(detector(terminators=()))
    run.type("4006381333931", 8)
    run.wait(200)
    assert run.delivered == []
    assert run.bursts == [Burst("4006381333931", (8.0,) * 12, "")]
    run.type("hello", 150, enter=True)  # Enter is no terminator now: typing as ever
    run.wait(200)
    assert "".join(run.delivered) == "hello⏎"


def test_tab_ends_a_scan_only_when_it_is_a_terminator() -> None:
    """Tab is a terminator by default; with Enter only, a Tab-ended burst is given back."""
    run = Run(detector())
    run.type("OMS:B:AMS1:P-014", 5)
    run.wait(5)
    run._apply(run.wedge.terminator(TAB, run.now, "⇥"), "⇥")
    assert [(b.text, b.terminator) for b in run.bursts] == [("OMS:B:AMS1:P-014", "\t")]
    enter_only = Run(detector(terminators=(ENTER,)))
    enter_only.type("OMS:B:AMS1:P-014", 5)
    enter_only.wait(5)
    enter_only._apply(enter_only.wedge.terminator(TAB, enter_only.now, "⇥"), "⇥")
    assert enter_only.bursts == []
    assert "".join(enter_only.delivered) == "OMS:B:AMS1:P-014⇥"


def test_a_prefix_is_required_and_removed() -> None:
    """With a prefix set, only bursts that start with it are scans; it is not in the text."""
    run = Run(detector(prefix="\x02"))
    run.type("\x024006381333931", 8, enter=True)
    assert [b.text for b in run.bursts] == ["4006381333931"]
    run.type("4006381333931", 8, enter=True)
    assert len(run.bursts) == 1
    assert "".join(run.delivered) == "4006381333931⏎"


def test_min_length_counts_after_the_prefix() -> None:
    """``min_length`` 4 with prefix ``]``: ``]abc`` is too short, ``]abcd`` is a scan."""
    run = Run(detector(prefix="]", min_length=4))
    run.type("]abc", 5, enter=True)
    run.wait(200)
    assert run.bursts == []
    run.type("]abcd", 5, enter=True)
    assert [b.text for b in run.bursts] == ["abcd"]


def test_a_key_that_is_no_text_inside_a_burst_makes_it_a_bad_scan() -> None:
    """A scanner that sends F-keys or arrows: the burst is reported, not half-typed."""
    run = Run(detector())
    run.type("0109501", 4)
    run.key("F5", 4)
    run.type("101530003", 4, enter=True)
    assert run.delivered == []
    assert len(run.bursts) == 1
    assert run.bursts[0].text == "0109501101530003"
    assert run.bursts[0].problem == "the scanner sent keys that are not characters: F5"


def test_a_key_that_is_no_text_keeps_its_place_among_typed_keys() -> None:
    """A person's Backspace right after a letter is replayed after it, not before."""
    run = Run(detector())
    run.type("ab", 150)
    run.key("Backspace", 20)
    run.wait(200)
    assert run.delivered == ["a", "b", "Backspace"]
    run.key("Left", 200)  # nothing held: goes straight through
    assert run.delivered[-1] == "Left"
    assert not run.wedge.holding


def test_auto_repeat_and_clicks_give_held_keys_back_at_once() -> None:
    """A key held down is a person; a click lands after the keys typed before it."""
    wedge = detector()
    assert wedge.text("a", 0, "a").consume
    assert wedge.interrupt() == Decision(False, ("a",))
    assert wedge.text("b", 1000, "b").consume
    assert wedge.pointer() == Decision(False, ("b",))
    # ... but a click while a scanner is typing does not break its burst.
    for i, char in enumerate("40063813"):
        wedge.text(char, 2000 + 8 * i, char)
    assert wedge.pointer() == Decision(False)
    assert wedge.held_text == "40063813"
    assert wedge.held_tokens == tuple("40063813")
    assert wedge.reset() == tuple("40063813")
    assert not wedge.holding


def test_a_late_timer_is_made_up_by_the_next_key() -> None:
    """A key long after the last (the timer did not get to run) first ends the old candidate."""
    wedge = detector()
    wedge.text("x", 0, "x")
    decision = wedge.text("y", 500, "y")
    assert decision == Decision(True, ("x",))
    assert wedge.held_text == "y"
    decision = wedge.terminator(ENTER, 10_000, "⏎")
    assert decision == Decision(False, ("y",))
    assert wedge.expire() == Decision(False)
    assert wedge.terminator(ENTER, 10_001, "⏎") == Decision(False)
    assert wedge.other_key("F1", 10_002, "F1") == Decision(False)


def test_a_clock_that_jumps_back_ends_the_candidate() -> None:
    """A timestamp before the last key (another clock) is no part of the same burst."""
    wedge = detector()
    wedge.text("x", 1000, "x")
    assert wedge.text("y", 10, "y") == Decision(True, ("x",))


# --- properties ------------------------------------------------------------------------

printable = st.text(st.characters(codec="ascii", categories=["L", "N", "P", "S"]), min_size=1)


@NO_DEADLINE
@given(text=printable, ms=st.floats(61, 400), enter=st.booleans())
def test_typing_slower_than_the_timeout_is_always_delivered_intact(
    text: str, ms: float, enter: bool
) -> None:
    """Whatever a person types, at any speed below one key per timeout, arrives as typed."""
    run = Run(detector())
    run.type(text, ms, enter=enter)
    run.wait(1000)
    assert run.bursts == []
    assert "".join(run.delivered) == text + ("⏎" if enter else "")


@NO_DEADLINE
@given(
    text=printable.filter(lambda t: len(t) >= 4),
    gaps=st.lists(st.floats(0, 30), min_size=1),
    seed=st.integers(0, 10**6),
)
def test_any_scanner_burst_is_exactly_one_scan(text: str, gaps: list[float], seed: int) -> None:
    """Gaps up to 30 ms in any pattern: one scan with every character, nothing delivered."""
    run = Run(detector())
    for i, char in enumerate(text):
        run.wait(gaps[(i + seed) % len(gaps)] if i else 300)
        run._apply(run.wedge.text(char, run.now, char), char)
    run.wait(gaps[seed % len(gaps)])
    run._apply(run.wedge.terminator(ENTER, run.now, "⏎"), "⏎")
    run.wait(1000)
    assert run.delivered == []
    assert [b.text for b in run.bursts] == [text]
    assert run.bursts[0].problem is None
    assert len(run.bursts[0].gaps_ms) == len(text)
