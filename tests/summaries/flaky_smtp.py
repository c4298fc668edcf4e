"""An SMTP server on loopback that refuses the first messages, as a busy server does."""

from aiosmtpd.controller import Controller

from tests.smtp import SmtpServer, _Inbox


class _FlakyInbox(_Inbox):
    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures
        self.refused = 0

    async def handle_DATA(self, server, session, envelope):
        if self.refused < self.failures:
            self.refused += 1
            return "451 4.3.0 Try again later"
        return await super().handle_DATA(server, session, envelope)


class FlakySmtpServer(SmtpServer):
    """SmtpServer answering 451 to DATA `failures` times before it accepts messages."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.inbox = _FlakyInbox(failures)
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def recover(self) -> None:
        self.inbox.failures = 0

    @property
    def refused(self) -> int:
        return self.inbox.refused
