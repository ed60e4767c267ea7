#!/usr/bin/env python3
"""A real SMTP server for CertDesk's email tests (tests/tst_mail.cpp).

aiosmtpd on loopback. Every message it accepts is written to FOLDER as
NNN.eml (the bytes received) and NNN.json (what a mail reader sees, parsed by
Python's email package: decoded subject and body, headers, envelope), each
written under a temporary name and renamed, so a reader never sees half a
file. Prints "READY <port>" once it accepts connections (--port 0 picks a free
port) and stops cleanly on SIGTERM or SIGINT.

  sink.py --folder DIR [--port N] [--auth USER:PASSWORD] [--reject-rcpt TEXT]
          [--starttls | --smtps] [--cert-dir DIR]

--auth requires a login (PLAIN or LOGIN, allowed without TLS: loopback only);
--reject-rcpt refuses with 550 every recipient whose address contains TEXT;
--starttls offers STARTTLS, --smtps speaks TLS from the first byte, both with
a certificate for 127.0.0.1 signed by a test CA that is created in --cert-dir
(ca.pem, for the client to trust) when it is not there yet.
"""
import argparse
import asyncio
import email
import email.policy
import itertools
import json
import logging
import os
import signal
import ssl
import subprocess
import sys
import time
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, folder, reject):
        self.folder = folder
        self.reject = reject
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject and self.reject in address:
            return "550 5.1.1 <%s>: no such user here" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        plain = email.message_from_bytes(raw)  # compat32: headers as sent
        body_part = parsed.get_body(preferencelist=("plain",))
        lines = raw.split(b"\r\n")
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "login": getattr(session, "certdesk_login", None),
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "from": str(parsed["From"]),
            "to": str(parsed["To"]),
            "subject": str(parsed["Subject"]),
            "raw_subject": plain["Subject"],
            "date": parsed["Date"],
            "date_parsed": bool(parsed["Date"] and parsed["Date"].datetime),
            "message_id": parsed["Message-ID"],
            "mime_version": parsed["MIME-Version"],
            "content_type": parsed.get_content_type(),
            "charset": parsed.get_content_charset(),
            "transfer_encoding": parsed["Content-Transfer-Encoding"],
            "content_language": parsed["Content-Language"],
            "auto_submitted": parsed["Auto-Submitted"],
            "body": body_part.get_content() if body_part is not None else None,
            "bare_lf": raw.replace(b"\r\n", b"").count(b"\n"),
            "longest_line": max((len(line) for line in lines), default=0),
            "defects": [type(d).__name__ for d in parsed.defects],
        }
        name = "%019d-%04d" % (time.time_ns(), next(self.counter))
        self._write(name + ".eml", raw)
        self._write(name + ".json",
                    json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
        return "250 2.0.0 Message accepted for delivery"

    def _write(self, name, data):
        tmp = os.path.join(self.folder, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(self.folder, name))


def authenticator_for(credentials):
    user, _, password = credentials.partition(":")

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        if ok:
            session.certdesk_login = user
        # A refusal must not be "handled", or the client waits forever.
        return AuthResult(success=ok, handled=False)

    return authenticate


def tls_context(cert_dir):
    """A server context for 127.0.0.1, signed by a test CA made with openssl."""
    os.makedirs(cert_dir, exist_ok=True)
    path = lambda name: os.path.join(cert_dir, name)
    if not os.path.exists(path("server.pem")):
        ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        run = lambda *cmd: subprocess.run(["openssl", *cmd], check=True,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        run("req", "-x509", *ec, "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "2",
            "-subj", "/CN=CertDesk Test CA")
        run("req", *ec, "-keyout", path("server.key"), "-out", path("server.csr"),
            "-subj", "/CN=127.0.0.1")
        with open(path("server.ext"), "w") as f:
            f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
                    "extendedKeyUsage=serverAuth\n")
        run("x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"),
            "-CAkey", path("ca.key"), "-CAcreateserial", "-out", path("server.pem"),
            "-days", "2", "-extfile", path("server.ext"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(path("server.pem"), path("server.key"))
    return context


async def serve(args):
    handler = Sink(args.folder, args.reject_rcpt)
    options = {"hostname": "sink.test", "ident": "CertDesk test sink"}
    if args.auth:
        options.update(authenticator=authenticator_for(args.auth), auth_required=True,
                       auth_require_tls=False)
    context = tls_context(args.cert_dir) if (args.starttls or args.smtps) else None
    if args.starttls:
        options.update(tls_context=context, require_starttls=True)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, **options),
                                      host="127.0.0.1", port=args.port,
                                      ssl=context if args.smtps else None)
    print("READY %d" % server.sockets[0].getsockname()[1], flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()


def main():
    # Loopback AUTH without TLS is the point here: no warnings on stderr.
    warnings.simplefilter("ignore")
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--auth")
    parser.add_argument("--reject-rcpt")
    tls = parser.add_mutually_exclusive_group()
    tls.add_argument("--starttls", action="store_true")
    tls.add_argument("--smtps", action="store_true")
    parser.add_argument("--cert-dir")
    args = parser.parse_args()
    if (args.starttls or args.smtps) and not args.cert_dir:
        parser.error("--starttls and --smtps need --cert-dir")
    os.makedirs(args.folder, exist_ok=True)
    asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
