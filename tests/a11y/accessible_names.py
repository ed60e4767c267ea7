#!/usr/bin/python3
"""a11y_accessible_names: every focusable control of every page and dialog
has an accessible name, the words a screen reader says for it.

The real certdesk on the demo database, read over AT-SPI: the sign-in window
and its location dialog; then for a platform admin, a manager and a learner
every page of the navigation (Ctrl+<n>) and the dialogs reachable from them
(import, certificate details, renew, correct and send again, revoke, a
profile and its tabs, requirements, failed emails, a validation task). In
each, every showing control with the focusable state and an empty name is
listed with its role and the path of its parents; any such control fails the
test. Item views are checked as a whole (their rows are named by their text).

  dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/python3 \
      accessible_names.py CERTDESK CERTDESK_CLI ARTIFACTS_DIR
"""
import sys
import time

import pyatspi

from a11y_support import Failure, FocusEvents, Harness, log, main, walk

ADMIN = "admin"
MANAGER = "maria.schmidt"
LEARNER = "emma.wilson"


class Walker:
    def __init__(self, h):
        self.h = h
        self.unnamed = {}  # (where, role, path) -> count
        self.unreachable = {}  # (where, control) -> count
        h.focus_events = h.focus_events or FocusEvents()
        self.focus = h.focus_events
        self.places = []

    def collect(self, where, root=None):
        h = self.h
        root = root or h.wait(h.active_window, "an active window")
        # Let a page's first reads arrive.
        time.sleep(0.3)
        seen = unnamed = 0
        stops = []
        for node, path in walk(root):
            states = node.getState()
            if not states.contains(pyatspi.STATE_FOCUSABLE):
                continue
            seen += 1
            if is_tab_stop(node, states):
                stops.append(((node.getRoleName(), node.name or ""), path))
            if (node.name or "").strip():
                continue
            parents = " > ".join("%s “%s”" % (role, name) if name else role
                                 for role, name in path)
            key = (where, node.getRoleName(), parents)
            self.unnamed[key] = self.unnamed.get(key, 0) + 1
            unnamed += 1
            log("    unnamed %s under %s" % (node.getRoleName(), parents))
        self.places.append((where, seen))
        log("%-48s %3d focusable controls, %d without a name" % (where, seen, unnamed))
        self.tab_cycle(where, root, stops)

    def tab_cycle(self, where, root, stops):
        """Tab round the window: every tab stop takes the focus (none is out of
        the keyboard's reach, nothing keeps the focus for itself)."""
        h = self.h
        self.focus.take()
        # A date takes a Tab per part (day, month, year) before it lets go.
        presses = 3 * len(stops) + 6
        h.key_sequence(["Tab"] * presses, delay_ms=15)
        reached = {(n.getRoleName(), n.name or "") for n in self.focus.take() if n is not None}
        missed = sorted({key for key, path in stops if not tab_reaches(key, path, stops, reached)})
        for role, name in missed:
            key = (where, "%s “%s”" % (role, name))
            self.unreachable[key] = self.unreachable.get(key, 0) + 1
            log("    not reached by %d Tabs: %s “%s”" % (presses, role, name))

    def press(self, root, name, what=None):
        """A button's action (opening a dialog, not what this test is about)."""
        h = self.h
        button = h.wait(lambda: h.find(root, name=name, role=pyatspi.ROLE_PUSH_BUTTON),
                        what or "the button “%s”" % name)
        h.wait(lambda: button.getState().contains(pyatspi.STATE_ENABLED),
               "“%s” enabled" % name)
        button.queryAction().doAction(0)
        return button

    def new_window(self, before, what):
        h = self.h
        return h.wait(lambda: (lambda w: w if w is not None and w != before else None)(
            h.active_window()), what)

    def close(self, window, what):
        h = self.h
        h.key("Escape")
        h.wait(lambda: h.active_window() != window, "%s to close (Escape)" % what)

    def open_first_row(self, window, role=pyatspi.ROLE_TABLE, contains=None):
        """Focus the window's table, go to a row, Enter: the row's dialog."""
        h = self.h
        table = h.wait(lambda: h.find(window, role=role), "a table")
        h.tab_to(lambda n: n.getRole() == role and n.name == table.name,
                 "the table “%s”" % table.name)
        h.key("ctrl+Home")
        if contains is not None:
            for _ in range(60):
                if contains in current_row_text(table):
                    break
                h.key("Down")
                time.sleep(0.05)
            else:
                raise Failure("no row with “%s”" % contains)
        h.key("Return")
        return self.new_window(window, "the dialog of the row")


# Focusable but not tab stops: labels take the focus from the mouse (to select
# their text); rows, cells and tabs are reached inside their view with arrows.
NOT_TAB_STOPS = {pyatspi.ROLE_LABEL, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LIST_ITEM,
                 pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_TREE_ITEM}


def is_tab_stop(node, states):
    if node.getRole() in NOT_TAB_STOPS or not states.contains(pyatspi.STATE_ENABLED):
        return False
    return True


def tab_reaches(key, path, stops, reached):
    """Whether the Tabs reached this stop: itself, or a control of its group,
    or a control inside it (a tab widget hands its focus to its tab bar), or
    the editable combo box that the field belongs to."""
    if key in reached:
        return True
    # Radio buttons and exclusive chips (check boxes to AT-SPI) side by side are
    # one tab stop, the checked one; the arrows move between them.
    if key[0] in ("radio button", "check box") and any(
            other[0] == key[0] and other_path == path and other in reached
            for other, other_path in stops):
        return True
    inside = path + (key,)
    if any(other_path[:len(inside)] == inside and other in reached
           for other, other_path in stops):
        return True
    return bool(path) and path[-1][0] == "combo box" and path[-1] in reached


def current_row_text(table):
    """The text of the table's selected row (the current one)."""
    cells = table.queryTable()
    texts = []
    for row in cells.getSelectedRows():
        for column in range(cells.nColumns):
            cell = cells.getAccessibleAt(row, column)
            if cell is not None:
                texts.append(cell.name or "")
    return " ".join(texts)


def sign_in_window(w):
    h = w.h
    window = h.wait_window("Sign in")
    w.collect("sign-in window", window)
    w.press(window, "Change the database")
    dialog = w.new_window(window, "the location dialog")
    w.collect("location dialog", dialog)
    w.close(dialog, "the location dialog")


def pages(w, user, main_window):
    h = w.h
    for index, label in enumerate(h.navigation(main_window)):
        page = label.split(",")[0]
        h.key("ctrl+%d" % (index + 1))
        h.wait(lambda: h.find(main_window, role=pyatspi.ROLE_LABEL, name=page),
               "the page “%s”" % page)
        w.collect("%s: %s page" % (user, page), main_window)
        yield page


def results_dialogs(w, user, main_window):
    h = w.h
    h.key("ctrl+i")
    dialog = w.new_window(main_window, "the import dialog")
    w.collect("%s: import dialog" % user, dialog)
    w.close(dialog, "the import dialog")
    if user != LEARNER:
        return
    # Emma's rejected certificate: its details and "Correct and send again";
    # an expiring one: "Renew…".
    for status, button, what in (("Rejected", "Correct and send again", "resubmit dialog"),
                                 ("Expires in", "Renew", "renew dialog")):
        details = w.open_first_row(main_window, contains=status)
        w.collect("%s: certificate details (%s)" % (user, status.lower()), details)
        w.press(details, button)
        form = w.new_window(details, "the %s" % what)
        w.collect("%s: %s" % (user, what), form)
        w.close(form, "the %s" % what)
        w.close(details, "the certificate details")


def users_dialogs(w, user, main_window):
    h = w.h
    # A managee's profile, its tabs, a certificate of hers and Revoke….
    h.key("ctrl+f")
    h.wait_focus(lambda n: n.getRole() == pyatspi.ROLE_TEXT, "the search field (Ctrl+F)")
    h.type("Emma")
    time.sleep(1.0)
    h.wait(lambda: h.find(main_window, role=pyatspi.ROLE_TABLE), "the users table")
    h.tab_to(lambda n: n.getRole() == pyatspi.ROLE_TABLE and n.name == "Users", "the users table")
    h.key("ctrl+Home")
    w.press(main_window, "View profile")
    profile = w.new_window(main_window, "the profile dialog")
    w.collect("%s: profile dialog" % user, profile)
    tabs = h.find(profile, role=pyatspi.ROLE_PAGE_TAB_LIST)
    count = tabs.childCount if tabs is not None else 0
    # The tab widget hands its focus to its tab bar.
    h.tab_to(lambda n: n.name == "Profile sections" or n.getRole() == pyatspi.ROLE_PAGE_TAB_LIST,
             "the profile's tabs")
    # The tab bar's children: its tabs, then its scroll buttons.
    names = [tabs.getChildAtIndex(i).name for i in range(count)
             if tabs.getChildAtIndex(i).getRole() == pyatspi.ROLE_PAGE_TAB]
    count = len(names)
    for index in range(1, count):
        h.key("ctrl+Tab")
        time.sleep(0.5)
        w.collect("%s: profile tab %s" % (user, names[index]), profile)
    # Round to the Results tab.
    for _ in range((names.index("Results") - (count - 1)) % count):
        h.key("ctrl+Tab")
        time.sleep(0.2)
    details = w.open_first_row(profile, contains="Expires in")
    w.collect("%s: certificate details of a managee" % user, details)
    w.press(details, "Revoke")
    revoke = w.new_window(details, "the revoke dialog")
    w.collect("%s: revoke dialog" % user, revoke)
    w.close(revoke, "the revoke dialog")
    w.close(details, "the certificate details")
    w.close(profile, "the profile dialog")


def notifications_dialogs(w, user, main_window):
    h = w.h
    review = h.find(main_window, role=pyatspi.ROLE_PUSH_BUTTON, name="Review open validation tasks")
    if review is None or not review.getState().contains(pyatspi.STATE_ENABLED):
        return
    review.queryAction().doAction(0)
    h.wait(lambda: h.find(main_window, role=pyatspi.ROLE_PUSH_BUTTON, name="Validate"),
           "a validation task")
    w.collect("%s: validation task" % user, main_window)
    h.key("Escape")


def compliance_dialogs(w, user, main_window):
    h = w.h
    if h.find(main_window, role=pyatspi.ROLE_PUSH_BUTTON, name="Requirements") is None:
        return
    w.press(main_window, "Requirements")
    dialog = w.new_window(main_window, "the requirements editor")
    w.collect("%s: requirements editor" % user, dialog)
    w.close(dialog, "the requirements editor")


def settings_dialogs(w, user, main_window):
    h = w.h
    button = h.find(main_window, role=pyatspi.ROLE_PUSH_BUTTON,
                    name="Show the emails that could not be sent")
    if button is None:
        return
    button.queryAction().doAction(0)
    dialog = w.new_window(main_window, "the failed emails dialog")
    w.collect("%s: failed emails dialog" % user, dialog)
    w.close(dialog, "the failed emails dialog")


DIALOGS = {"Results": results_dialogs, "Users": users_dialogs,
           "Notifications": notifications_dialogs, "Compliance": compliance_dialogs,
           "Settings": settings_dialogs}


def steps(h):
    h.start_app()
    w = Walker(h)
    sign_in_window(w)
    for user in (ADMIN, MANAGER, LEARNER):
        main_window = h.sign_in(user)
        for page in list(pages(w, user, main_window)):
            if page in DIALOGS and (page != "Users" or user == MANAGER):
                h.key("ctrl+%d" % (h.navigation(main_window).index(
                    next(l for l in h.navigation(main_window) if l.startswith(page))) + 1))
                h.wait(lambda: h.active_window() == main_window, "the main window active")
                DIALOGS[page](w, user, main_window)
        h.sign_out()
    h.stop_app()
    log("%d places walked" % len(w.places))
    problems = []
    if w.unnamed:
        lines = ["%d× %s in %s, under: %s" % (count, role, where, parents)
                 for (where, role, parents), count in sorted(w.unnamed.items())]
        problems.append("%d focusable controls without an accessible name:\n  %s"
                        % (sum(w.unnamed.values()), "\n  ".join(lines)))
    if w.unreachable:
        lines = ["%s in %s" % (control, where) for (where, control) in sorted(w.unreachable)]
        problems.append("%d controls that Tab does not reach:\n  %s"
                        % (len(lines), "\n  ".join(lines)))
    if problems:
        raise Failure("\n".join(problems))


if __name__ == "__main__":
    sys.exit(main(Harness(sys.argv, "a11y_accessible_names"), steps))
