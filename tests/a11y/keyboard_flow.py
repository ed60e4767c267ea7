#!/usr/bin/python3
"""a11y_keyboard_flow: the real certdesk driven with the keyboard alone.

A learner (Emma Wilson) signs in, imports a PDF made here for herself (Ctrl+I
on Results, the import dialog's file dialog, its form), sends it for
validation and signs out (Ctrl+Shift+Q); her manager (Maria Schmidt, the
reviewer in the demo's managers mode, README "Demo users") signs in, opens
her inbox with its Ctrl+<n> page shortcut, opens the validation request and
validates it (Ctrl+Enter). Keys go to the X display with xdotool; AT-SPI only
reads: which window is active, what has the focus, what a page shows.
certdesk-cli says at the end that the certificate is validated.

  dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/python3 \
      keyboard_flow.py CERTDESK CERTDESK_CLI ARTIFACTS_DIR
"""
import sys
import time

import pyatspi

from a11y_support import Failure, Harness, log, main

LEARNER = "emma.wilson"
REVIEWER = "maria.schmidt"
CERTIFICATE = "Keyboard Only Workplace First Aid"


def is_role(role, name=None):
    return lambda node: node.getRole() == role and (name is None or node.name == name)


def import_for_oneself(h, pdf):
    main_window = h.sign_in(LEARNER)
    h.go_to_page(main_window, "Results")
    h.key("ctrl+i")
    dialog = h.wait_window("Import certificate")
    # The dialog opens on its "Select a file…" button.
    h.wait_focus(is_role(pyatspi.ROLE_PUSH_BUTTON, "Select a PDF file"),
                 "the focus on “Select a PDF file”")
    h.key("space")
    # Qt's own file dialog: its file name field has the focus; a full path and
    # Enter choose the file.
    h.wait(lambda: (lambda w: w if w is not None and w is not dialog
                    and w.getRole() == pyatspi.ROLE_DIALOG else None)(h.active_window()),
           "the file dialog")
    h.wait_focus(is_role(pyatspi.ROLE_TEXT), "the file dialog's file name field focused")
    h.type(str(pdf))
    h.key("Return")
    dialog = h.wait_window("Import certificate")
    # The PDF is checked in the reader process; the preview shows it then.
    h.wait(lambda: h.find(dialog, role=pyatspi.ROLE_LABEL, contains=pdf.name),
           "the chosen file's name in the import dialog", timeout=60)

    # The form fills its empty fields from the PDF's text (the PDF made here
    # has a title and a date): typed before that, a name would be added to.
    name = h.wait(lambda: h.find(dialog, role=pyatspi.ROLE_TEXT, name="Certificate name"),
                  "the name field")
    h.wait(lambda: field_text(name), "the name read from the PDF")
    # Alt+N: "Certificate &name"'s field (label buddy).
    h.key("alt+n")
    h.wait_focus(is_role(pyatspi.ROLE_TEXT, "Certificate name"), "the name field (Alt+N)")
    h.key("ctrl+a")
    h.type(CERTIFICATE)
    h.wait(lambda: field_text(name) == CERTIFICATE,
           "the name field to read “%s”" % CERTIFICATE)
    # Alt+D: the delivery date; Up sets today when the PDF did not fill it.
    h.key("alt+d")
    delivered = h.wait_focus(lambda n: n.name == "Delivery date", "the delivery date (Alt+D)")
    if "Choose a date" in field_text(delivered):
        h.key("Up")
        h.wait(lambda: "Choose a date" not in field_text(delivered), "a delivery date set")
    save = h.wait(lambda: h.find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name="Send for validation"),
                  "the “Send for validation” button (R2)")
    h.wait(lambda: save.getState().contains(pyatspi.STATE_ENABLED),
           "“Send for validation” enabled")
    # Enter in a field presses the dialog's default button.
    h.key("alt+n")
    h.wait_focus(is_role(pyatspi.ROLE_TEXT, "Certificate name"), "the name field again")
    h.key("Return")
    h.wait(lambda: h.window("Import certificate") is None, "the import dialog to close")
    h.wait(lambda: h.find(main_window, contains=CERTIFICATE) or find_cell(h, main_window),
           "“%s” on the Results page" % CERTIFICATE)
    log("imported “%s”" % CERTIFICATE)
    h.sign_out()


def find_cell(h, root):
    table = h.find(root, role=pyatspi.ROLE_TABLE)
    if table is None:
        return None
    for row in range(min(table.queryTable().nRows, 50)):
        for column in range(table.queryTable().nColumns):
            cell = table.queryTable().getAccessibleAt(row, column)
            if cell is not None and CERTIFICATE in (cell.name or ""):
                return cell
    return None


def field_text(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return node.name or ""


def validate_from_inbox(h):
    main_window = h.sign_in(REVIEWER)
    h.go_to_page(main_window, "Notifications")
    # Tab to the list of notifications; the newest (ours) first.
    h.tab_to(lambda n: n.getRole() in (pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TABLE)
             and n.name == "Notifications", "the notification list")
    h.key("Home")
    h.wait(lambda: h.find(main_window, role=pyatspi.ROLE_LABEL, name="Notification details"),
           "the notification details")
    details = h.find(main_window, role=pyatspi.ROLE_LABEL, name="Notification details")
    # The details label is named "Notification details"; it says the
    # notification in its description.
    h.wait(lambda: CERTIFICATE in (details.description or ""),
           "the newest notification to be about “%s”" % CERTIFICATE)
    h.key("Return")
    task = h.wait(lambda: h.find(main_window, role=pyatspi.ROLE_LABEL, name=CERTIFICATE),
                  "the validation task of “%s”" % CERTIFICATE)
    log("task open: %s" % task.name)
    validate = h.wait(lambda: h.find(main_window, role=pyatspi.ROLE_PUSH_BUTTON, name="Validate"),
                      "the Validate button")
    h.wait(lambda: validate.getState().contains(pyatspi.STATE_ENABLED), "Validate enabled")
    h.key("ctrl+Return")
    h.wait(lambda: h.find(main_window, contains="Validated “%s”" % CERTIFICATE),
           "“Validated …” said in the task view")
    log("validated from the inbox")
    h.sign_out()


def check_validated(h):
    rows = h.cli_json(LEARNER, "certificates")
    rows = rows if isinstance(rows, list) else rows.get("certificates", [])
    ours = [row for row in rows if row.get("name") == CERTIFICATE]
    if len(ours) != 1:
        raise Failure("certdesk-cli lists %d certificates named “%s”" % (len(ours), CERTIFICATE))
    status = ours[0].get("status")
    if status != "validated":
        raise Failure("certdesk-cli says “%s” is %s, not validated" % (CERTIFICATE, status))
    log("certdesk-cli: “%s” is %s" % (CERTIFICATE, status))


def steps(h):
    pdf = h.make_pdf("Emma Wilson", "first-aid-certificate.pdf")
    h.start_app()
    started = time.monotonic()
    import_for_oneself(h, pdf)
    validate_from_inbox(h)
    log("keyboard flow in %.1f s" % (time.monotonic() - started))
    h.stop_app()
    check_validated(h)


if __name__ == "__main__":
    sys.exit(main(Harness(sys.argv, "a11y_keyboard_flow"), steps))
