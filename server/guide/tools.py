"""The app's tools a chapter or a self-check band can point to (keys of content/README.md)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Tool:
    key: str
    path: str  # a screen of the PWA, served by the app shell
    label: Promise


TOOLS = {
    tool.key: tool
    for tool in (
        Tool("selfcheck", "/selfcheck", _("Self-check")),
        Tool("earnings", "/earnings", _("Earnings-gap calculator")),
        Tool("today", "/today", _("Today's checklist")),
        Tool("history", "/history", _("History")),
        Tool("report", "/report", _("Weekly report")),
        Tool("brief", "/brief", _("1:1 meeting brief")),
        Tool("goals", "/goals", _("Goals")),
        Tool("learning", "/learning", _("Learning log")),
        Tool("network", "/network", _("Network log")),
        Tool("employers", "/employers", _("Employer comparison")),
        Tool("mode", "/mode", _("Career mode")),
    )
}
