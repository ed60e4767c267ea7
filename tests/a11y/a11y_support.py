"""Helpers of the AT-SPI tests (tests/a11y): the real certdesk on an X display,
read through the accessibility bus and driven with the keyboard.

Both tests run as

  dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/python3 SCRIPT \
      CERTDESK CERTDESK_CLI ARTIFACTS_DIR

so that they have a session bus (the accessibility bus is started on demand
by at-spi-bus-launcher) and a display of their own. Everything else is made
here: a home, a demo database (certdesk-cli demo), a PDF. Waits poll a
condition with a time limit; a failure prints what the screen's accessible
tree held and saves a screenshot of the display into ARTIFACTS_DIR.
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402
import pyatspi  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "support"))
import make_odd_pdfs  # noqa: E402

# The app under ASan is several times slower: every wait allows for it.
TIMEOUT = float(os.environ.get("CERTDESK_A11Y_TIMEOUT", "40"))
PASSWORD = "demo"
ADMIN = "admin"
# Views whose children are their rows: the view itself is checked, not each
# cell (they are named by the model's text), and walking thousands of cells
# over D-Bus would take minutes.
ITEM_VIEWS = {pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST,
              pyatspi.ROLE_TREE, pyatspi.ROLE_LIST_BOX}

ITEMS = {pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_CELL,
         pyatspi.ROLE_TREE_ITEM}


class Failure(Exception):
    """A step that did not happen in time, or a wrong state."""


def log(text):
    print(text, flush=True)


def demo(user):
    return user if "@" in user else user + "@demo.example"


class Harness:
    """A scratch home, the demo database, the running app and its accessible tree."""

    def __init__(self, argv, name):
        if len(argv) not in (4, 5):
            sys.exit("usage: %s CERTDESK CERTDESK_CLI ARTIFACTS_DIR [DEMO_DATABASE]" % argv[0])
        self.certdesk, self.cli = argv[1], argv[2]
        self.artifacts = Path(argv[3])
        self.demo_copy = Path(argv[4]) if len(argv) == 5 else None
        self.artifacts.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.root = Path(tempfile.mkdtemp(prefix="certdesk-a11y-"))
        self.db = self.root / "demo.sqlite"
        self.env = self._environment()
        self.process = None
        self.wm = None
        self.focus_events = None
        self.app = None
        self.app_log = self.root / "certdesk.log"

    # --- set-up ---------------------------------------------------------------

    def _environment(self):
        env = dict(os.environ)
        home = self.root / "home"
        runtime = self.root / "runtime"
        for folder in (home, runtime, home / ".config", home / ".local/share"):
            folder.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        env.update({
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_RUNTIME_DIR": str(runtime),
            # The real X display of xvfb-run, not ctest's offscreen platform.
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "LANG": "C.UTF-8",
            "LANGUAGE": "",
            "LC_ALL": "C.UTF-8",
        })
        # No desktop's platform theme: Qt's own file dialog, the same everywhere.
        for key in ("QT_QPA_PLATFORMTHEME", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION"):
            env.pop(key, None)
        return env

    def make_demo(self):
        """The demo database: a copy of DEMO_DATABASE (made once by the ctest
        fixture a11y_demo_database) with its email folder moved here, else
        made now."""
        started = time.monotonic()
        if self.demo_copy is None:
            make_demo_database(self.cli, self.db, self.env)
        else:
            shutil.copyfile(self.demo_copy, self.db)
            subprocess.run([self.cli, "--db", str(self.db), "--as", demo(ADMIN), "settings",
                            "mail.folder", str(self.root / "demo-mail")],
                           env=dict(self.env, CERTDESK_PASSWORD=PASSWORD), check=True,
                           stdout=subprocess.DEVNULL, timeout=120)
        log("demo database in %.1f s" % (time.monotonic() - started))

    def make_pdf(self, holder, filename):
        """A one-page certificate PDF written now (tests/support/make_odd_pdfs.py)."""
        path = self.root / filename
        content = make_odd_pdfs.certificate_content(holder=holder)
        path.write_bytes(make_odd_pdfs.build_pdf(make_odd_pdfs.single_page(content)))
        return path

    def cli_json(self, user, *args):
        env = dict(self.env, CERTDESK_PASSWORD=PASSWORD)
        out = subprocess.run([self.cli, "--db", str(self.db), "--as", demo(user), "--json", *args],
                             env=env, check=True, capture_output=True, text=True, timeout=120)
        import json
        return json.loads(out.stdout)

    def start_window_manager(self):
        """openbox: like a desktop, it gives the focus back to the window under a
        dialog that closes (without one, X gives it to nobody)."""
        self.wm_output = open(self.root / "openbox.log", "wb")
        self.wm = subprocess.Popen(["openbox", "--sm-disable"], env=self.env,
                                   stdout=self.wm_output, stderr=subprocess.STDOUT)

        def running():
            if self.wm.poll() is not None:
                raise Failure("openbox exited with status %d" % self.wm.returncode)
            out = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=self.env,
                                 capture_output=True, text=True)
            return "window id" in out.stdout
        self.wait(running, "the window manager")

    def start_app(self):
        if self.wm is None:
            self.start_window_manager()
        self.app_output = open(self.app_log, "wb")
        self.process = subprocess.Popen([self.certdesk, "--db", str(self.db)], env=self.env,
                                        stdout=self.app_output, stderr=subprocess.STDOUT)
        self.app = self.wait(self._find_app, "the app on the accessibility bus")
        # Read every property afresh: Qt's cache updates arrive as events that
        # this script does not pump.
        self.app.set_cache_mask(Atspi.Cache.NONE)
        log("certdesk (pid %d) on the accessibility bus" % self.process.pid)

    def _find_app(self):
        self.check_alive()
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == self.process.pid:
                    return app
            except Exception:  # an app that went away meanwhile
                continue
        return None

    def check_alive(self):
        if self.process is not None and self.process.poll() is not None:
            raise Failure("certdesk exited with status %d" % self.process.returncode)

    def stop_app(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.app_output.close()
        self.process = None

    def cleanup(self):
        self.stop_app()
        if self.wm is not None:
            self.wm.terminate()
            self.wm.wait(10)
            self.wm_output.close()
            self.wm = None
        shutil.rmtree(self.root, ignore_errors=True)

    # --- waiting --------------------------------------------------------------

    def wait(self, condition, what, timeout=TIMEOUT):
        """condition() until it returns something true; Failure after timeout."""
        deadline = time.monotonic() + timeout
        last_error = None
        while True:
            self.check_alive()
            try:
                value = condition()
                if value:
                    return value
            except Failure:
                raise
            except Exception as error:  # a node gone while it was read
                last_error = error
            if time.monotonic() > deadline:
                detail = " (last error: %s)" % last_error if last_error else ""
                raise Failure("timed out after %.0f s waiting for %s%s" % (timeout, what, detail))
            time.sleep(0.1)

    # --- the accessible tree --------------------------------------------------

    def windows(self):
        """The app's showing top-level windows."""
        out = []
        for i in range(self.app.childCount):
            window = self.app.getChildAtIndex(i)
            if window is not None and showing(window):
                out.append(window)
        return out

    def window(self, name_part, role=None):
        for window in self.windows():
            if name_part in (window.name or "") and (role is None or window.getRole() == role):
                return window
        return None

    def active_window(self):
        for window in self.windows():
            if window.getState().contains(pyatspi.STATE_ACTIVE):
                return window
        return None

    def wait_window(self, name_part, active=True, timeout=TIMEOUT):
        def found():
            window = self.window(name_part)
            if window is None:
                return None
            if active and not window.getState().contains(pyatspi.STATE_ACTIVE):
                return None
            return window
        return self.wait(found, "the window “%s”%s" % (name_part, " to be active" if active else ""),
                         timeout)

    def focused(self):
        """The focused control of the active window (None when there is none)."""
        window = self.active_window()
        if window is None:
            return None
        for node, _path in walk(window):
            # The current tab or row says "focused" whether its view has the
            # focus or not: the view's own state tells.
            if node.getRole() in ITEMS:
                continue
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        return None

    def wait_focus(self, predicate, what, timeout=TIMEOUT):
        return self.wait(lambda: (lambda node: node if node is not None and predicate(node)
                                  else None)(self.focused()), what, timeout)

    def find(self, root, name=None, role=None, contains=None):
        for node, _path in walk(root):
            if role is not None and node.getRole() != role:
                continue
            text = node.name or ""
            if name is not None and text != name:
                continue
            if contains is not None and contains not in text:
                continue
            return node
        return None

    def dump(self):
        lines = []
        try:
            for window in self.windows():
                active = " (active)" if window.getState().contains(pyatspi.STATE_ACTIVE) else ""
                lines.append("window %s “%s”%s" % (window.getRoleName(), window.name, active))
                for node, path in walk(window, into_items=True, limit=400):
                    states = node.getState()
                    flags = "".join(flag for flag, state in (("F", pyatspi.STATE_FOCUSABLE),
                                                              ("*", pyatspi.STATE_FOCUSED))
                                    if states.contains(state))
                    text = ""
                    try:
                        text_iface = node.queryText()
                        text = " text=%r" % text_iface.getText(0, min(text_iface.characterCount, 80))
                    except NotImplementedError:
                        pass
                    lines.append("  " * len(path) + "%s “%s” [%s]%s"
                                 % (node.getRoleName(), node.name, flags, text))
        except Exception as error:
            lines.append("(the tree could not be read: %s)" % error)
        return "\n".join(lines)

    def report_failure(self, error):
        log("FAILED: %s" % error)
        if self.app is not None and self.process is not None and self.process.poll() is None:
            log("--- what the accessible tree held (F focusable, * focused) ---")
            log(self.dump())
        shot = self.artifacts / ("%s-failure.png" % self.name)
        subprocess.run(["import", "-window", "root", str(shot)], env=self.env, check=False,
                       timeout=30)
        log("screenshot: %s" % shot)
        if self.process is not None:
            self.app_output.flush()
        wm_log = self.root / "openbox.log"
        if wm_log.exists() and wm_log.stat().st_size:
            log("--- openbox's output ---\n" + wm_log.read_text(errors="replace")[-2000:])
        log("display %s" % self.env.get("DISPLAY"))
        if self.app_log.exists():
            text = self.app_log.read_text(errors="replace")
            log("--- certdesk's output (last 4000 characters) ---\n" + text[-4000:])

    # --- the keyboard ---------------------------------------------------------

    def key(self, *keys):
        for combo in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", combo], env=self.env, check=True)
            time.sleep(0.05)

    def key_sequence(self, keys, delay_ms=40):
        """Several keys in one xdotool call (a round of Tabs)."""
        subprocess.run(["xdotool", "key", "--clearmodifiers", "--delay", str(delay_ms), *keys],
                       env=self.env, check=True)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--delay", "15", "--clearmodifiers", text],
                       env=self.env, check=True)

    def tab_to(self, predicate, what, limit=40, backwards=False):
        """Tab (or Shift+Tab) until the focused control satisfies predicate.
        The focus is followed through AT-SPI's focus events (reading the whole
        window after each key would take seconds); the tree is read only when
        no event came."""
        if self.focus_events is None:
            self.focus_events = FocusEvents()
        self.focus_events.take()
        node = self.focused()
        for _ in range(limit):
            if node is not None and predicate(node):
                return node
            self.key("shift+Tab" if backwards else "Tab")
            node = self.focus_events.wait_next(2.0)
            if node is None:
                node = self.focused()
        raise Failure("%s not reached with %s in %d presses" % (what, "Shift+Tab" if backwards
                                                                 else "Tab", limit))

    # --- common steps ---------------------------------------------------------

    def sign_in(self, user):
        """The sign-in window with the keyboard: Alt+E to the email, type, Enter, password."""
        self.wait_window("Sign in")
        self.key("alt+e")
        self.wait_focus(lambda n: n.getRole() == pyatspi.ROLE_TEXT and n.name in ("Email", "Login"),
                        "the email field focused (Alt+E)")
        self.key("ctrl+a")
        self.type(demo(user))
        self.key("Return")
        self.wait_focus(lambda n: n.name == "Password", "the password field focused")
        self.type(PASSWORD)
        self.key("Return")
        window = self.wait_window("CertDesk — ", timeout=TIMEOUT * 2)
        log("signed in as %s: %s" % (demo(user), window.name))
        return window

    def navigation(self, main):
        nav = self.wait(lambda: self.find(main, name="Navigation", role=pyatspi.ROLE_LIST),
                        "the navigation list")
        return [child_text(nav.getChildAtIndex(i)) for i in range(nav.childCount)]

    def go_to_page(self, main, label):
        """Ctrl+<n>: the navigation's row n (MainWindow's page shortcuts)."""
        pages = self.navigation(main)
        index = next((i for i, text in enumerate(pages) if text.startswith(label)), None)
        if index is None:
            raise Failure("no page “%s” in the navigation: %s" % (label, pages))
        self.key("ctrl+%d" % (index + 1))
        self.wait(lambda: self.find(main, role=pyatspi.ROLE_LABEL, name=label.split(",")[0]),
                  "the page title “%s”" % label)
        return index

    def sign_out(self):
        self.key("ctrl+shift+q")
        self.wait_window("Sign in")


class FocusEvents:
    """The controls that took the focus, as AT-SPI announces them to a screen
    reader (object:state-changed:focused), read while the GLib loop is pumped."""

    def __init__(self):
        self.sources = []
        pyatspi.Registry.registerEventListener(self._on_event, "object:state-changed:focused")

    def _on_event(self, event):
        if event.detail1:
            self.sources.append(event.source)

    def pump(self, seconds):
        context = GLib.MainContext.default()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            while context.iteration(False):
                pass
            time.sleep(0.02)

    def wait_next(self, seconds):
        """The control that takes the focus next, or None after seconds."""
        end = time.monotonic() + seconds
        context = GLib.MainContext.default()
        while time.monotonic() < end:
            while context.iteration(False):
                pass
            if self.sources:
                # Several at once (a view, then its current row): the last one
                # that is not a row or a tab.
                sources, self.sources = self.sources, []
                for source in reversed(sources):
                    if source is not None and source.getRole() not in ITEMS:
                        return source
            time.sleep(0.02)
        return None

    def take(self):
        self.pump(0.3)
        sources, self.sources = self.sources, []
        return sources


def make_demo_database(cli, path, env=None):
    path = Path(path)
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    shutil.rmtree(path.parent / "demo-mail", ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([cli, "--db", str(path), "demo"], env=env, check=True,
                   stdout=subprocess.DEVNULL, timeout=600)


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def child_text(node):
    return node.name or ""


def walk(root, into_items=False, limit=None, path=()):
    """(node, path of (role, name) above it) for every showing descendant of root."""
    count = 0
    stack = [(root, path)]
    while stack:
        node, above = stack.pop()
        try:
            children = node.childCount
        except Exception:
            continue
        if node is not root:
            yield node, above
            count += 1
            if limit is not None and count >= limit:
                return
            if not into_items and node.getRole() in ITEM_VIEWS:
                continue
        here = above + ((node.getRoleName(), node.name or ""),) if node is not root else above
        for i in reversed(range(children)):
            try:
                child = node.getChildAtIndex(i)
            except Exception:
                continue
            if child is not None and showing(child):
                stack.append((child, here))


def main(harness, steps):
    """Runs steps(harness); prints the tree and a screenshot on failure."""
    started = time.monotonic()
    try:
        harness.make_demo()
        steps(harness)
    except (Failure, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        harness.report_failure(error)
        harness.cleanup()
        return 1
    except BaseException as error:
        harness.report_failure(repr(error))
        harness.cleanup()
        raise
    harness.cleanup()
    log("passed in %.1f s" % (time.monotonic() - started))
    return 0


if __name__ == "__main__":
    # The ctest fixture a11y_demo_database: a11y_support.py CERTDESK_CLI PATH
    if len(sys.argv) != 3:
        sys.exit("usage: a11y_support.py CERTDESK_CLI DEMO_DATABASE")
    make_demo_database(sys.argv[1], sys.argv[2])
