#!/usr/bin/python3
"""A freedesktop notification server for tests (org.freedesktop.Notifications
on the session bus, as a desktop's would be) that keeps what it was sent.

The test asks it over D-Bus, on the interface org.certdesk.Test:
  Sent() -> s           every Notify call so far, as a JSON list
  Clear()               forgets them
  Invoke(u id, s key)   emits ActionInvoked(id, key), as a click would, then
                        NotificationClosed(id, 2)
  Press(u id, s key)    emits ActionInvoked(id, key) only (a resident
                        notification's button)
  Quit()                releases the name and exits

  notify_server.py [--markup] [--no-actions]

Prints "ready" on stdout once the name is owned.
"""
import json
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

IFACE = "org.freedesktop.Notifications"
TEST_IFACE = "org.certdesk.Test"


def plain(value):
    """D-Bus values as JSON ones."""
    if isinstance(value, (dbus.Boolean, bool)):
        return bool(value)
    if isinstance(value, (dbus.Byte, dbus.Int16, dbus.Int32, dbus.Int64, dbus.UInt16,
                          dbus.UInt32, dbus.UInt64, int)):
        return int(value)
    if isinstance(value, (dbus.Double, float)):
        return float(value)
    if isinstance(value, (dbus.Array, list)):
        return [plain(v) for v in value]
    if isinstance(value, (dbus.Dictionary, dict)):
        return {str(k): plain(v) for k, v in value.items()}
    return str(value)


class Server(dbus.service.Object):
    def __init__(self, bus, loop, capabilities):
        super().__init__(bus, "/org/freedesktop/Notifications")
        self.loop = loop
        self.capabilities = capabilities
        self.sent = []
        self.next_id = 1

    @dbus.service.method(IFACE, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, timeout):
        nid = int(replaces_id) or self.next_id
        if not replaces_id:
            self.next_id += 1
        self.sent.append({"id": nid, "app_name": str(app_name), "replaces_id": int(replaces_id),
                          "app_icon": str(app_icon), "summary": str(summary), "body": str(body),
                          "actions": plain(actions), "hints": plain(hints),
                          "expire_timeout": int(timeout), "closed": False})
        return dbus.UInt32(nid)

    @dbus.service.method(IFACE, in_signature="u", out_signature="")
    def CloseNotification(self, nid):
        for entry in self.sent:
            if entry["id"] == int(nid):
                entry["closed"] = True
        self.NotificationClosed(nid, dbus.UInt32(3))

    @dbus.service.method(IFACE, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return self.capabilities

    @dbus.service.method(IFACE, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("certdesk-test", "certdesk", "1.0", "1.2")

    @dbus.service.signal(IFACE, signature="us")
    def ActionInvoked(self, nid, key):
        pass

    @dbus.service.signal(IFACE, signature="uu")
    def NotificationClosed(self, nid, reason):
        pass

    @dbus.service.method(TEST_IFACE, in_signature="", out_signature="s")
    def Sent(self):
        return json.dumps(self.sent)

    @dbus.service.method(TEST_IFACE, in_signature="", out_signature="")
    def Clear(self):
        self.sent = []

    @dbus.service.method(TEST_IFACE, in_signature="us", out_signature="")
    def Invoke(self, nid, key):
        self.ActionInvoked(nid, key)
        # As a desktop does: the notification whose action was taken closes.
        self.NotificationClosed(nid, dbus.UInt32(2))

    @dbus.service.method(TEST_IFACE, in_signature="us", out_signature="")
    def Press(self, nid, key):
        self.ActionInvoked(nid, key)

    @dbus.service.method(TEST_IFACE, in_signature="", out_signature="")
    def Quit(self):
        GLib.idle_add(self.loop.quit)


def main():
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    capabilities = ["body", "persistence"]
    if "--no-actions" not in sys.argv:
        capabilities.append("actions")
    if "--markup" in sys.argv:
        capabilities.append("body-markup")
    bus = dbus.SessionBus()
    loop = GLib.MainLoop()
    server = Server(bus, loop, capabilities)
    name = dbus.service.BusName(IFACE, bus, do_not_queue=True)
    print("ready", flush=True)
    loop.run()
    del name, server


if __name__ == "__main__":
    main()
