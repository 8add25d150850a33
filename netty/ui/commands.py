"""Command palette providers: jump to any contact by name, and namespaced commands.

The palette parses what it shows as markup, so every title and help text here is
escaped first: a contact called ``[bold]Eve[/]`` or a tag ``[/]`` shows literally.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from netty.services.contact_index import SORTS, Filter
from netty.ui.safe import plain


class ContactsProvider(Provider):
    """`ctrl+p`, type a name: jump to that contact."""

    def _rows(self):
        from netty.ui.screens.main import MainScreen

        screen = self.app.get_screen("main") if self.app.is_screen_installed("main") else None
        if isinstance(screen, MainScreen) and getattr(screen, "_index", None) is not None:
            return screen, screen._index.rows
        return None, ()

    async def search(self, query: str) -> Hits:
        screen, rows = self._rows()
        if screen is None or len(query) < 2:
            return
        matcher = self.matcher(query)
        hits = 0
        for row in rows:
            label = plain(row.name)
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(escape(label)),
                    partial(screen.jump_to, row.id),
                    text=f"contact: {label}",
                    help=escape(plain(row.org_title)) or None,
                )
                hits += 1
                if hits >= 50:
                    break


class ActionsProvider(Provider):
    """Namespaced commands: `contact: new`, `filter: ring 1`, `sort: by name` ..."""

    def _commands(self):
        from netty.ui.screens.main import MainScreen

        screen = self.app.get_screen("main") if self.app.is_screen_installed("main") else None
        if not isinstance(screen, MainScreen):
            return []
        contacts = screen.contacts
        cmds = [
            ("contact: new", "Add a contact", screen.action_add),
            ("contact: edit", "Edit the selected contact", screen.action_edit),
            ("contact: card", "Everything about the selected contact", screen.action_card),
            ("contact: log interaction", "Log a coffee, call, email ...", screen.action_log),
            ("contact: archive", "Archive the selected contact", screen.action_archive),
            ("change: undo", "Undo the last change of any kind (u)", self.app.action_undo),
            ("change: redo", "Redo the change undone last (ctrl+r)", self.app.action_redo),
            (
                "prep: open full screen",
                "The prep sheet for the selected contact",
                screen.action_prep,
            ),
            ("contact: wrap up a meeting", "Log it, capture, tick off", screen.action_wrap_up),
            ("event: new (event mode)", "Everyone you met, one line each", screen.action_event),
            (
                "paths: warm paths to…",
                "Who can get you to an organization or a person",
                screen.action_paths_to,
            ),
            (
                "paths: warm paths for the selected contact",
                "Who can get you to their organization (W)",
                screen.action_paths,
            ),
            ("due: what is due now", "Pings, promises, nudges, thank-yous", screen.action_due),
            ("goals: this week and month (o)", "Bars, streaks and targets", screen.action_goals),
            (
                "strategy: gap analysis and SWOT (S)",
                "Where I am, where I want to be; channels and venues",
                screen.action_strategy,
            ),
            (
                "progress: charts over six months",
                "Conversations, gives and asks, people reached (v)",
                screen.action_progress,
            ),
            (
                "update: letter to friends and neighbours",
                "Preview, export and mark sent the update letter (L)",
                screen.action_letter,
            ),
            ("contacts: import a file", "LinkedIn, vCard, CSV or JSON", screen.action_import),
            ("contacts: review duplicates", "Find and merge duplicates", screen.action_duplicates),
            (
                "sync: now",
                "Sync with the vdir set by `netty config sync.vdir` (vdirsyncer, CardDAV)",
                self.app.sync_now,
            ),
            ("filter: clear", "Show everyone", partial(screen.set_filter, Filter())),
            (
                "filter: due only",
                "Only contacts that need attention",
                partial(screen.set_filter, Filter(due_only=True)),
            ),
            (
                "filter: only people I have asked of",
                "Asked of and never given to: offer something first",
                partial(screen.set_filter, Filter(asked_only=True)),
            ),
        ]
        for ring in (1, 2, 3):
            cmds.append(
                (
                    f"filter: ring {ring}",
                    f"Only ring {ring}",
                    partial(screen.set_filter, Filter(ring=ring)),
                )
            )
        tags = (
            sorted({t for row in screen._index.rows for t in row.tags.split()})
            if getattr(screen, "_index", None)
            else []
        )
        for tag in tags[:200]:
            cmds.append(
                (
                    f"filter: tag #{plain(tag)}",
                    f"Only contacts tagged #{plain(tag)}",
                    partial(screen.set_filter, Filter(tag=tag)),
                )
            )
        for sort in SORTS:
            cmds.append(
                (
                    f"sort: by {sort}",
                    f"Sort the list by {sort}",
                    partial(setattr, contacts, "sort", sort),
                )
            )
        return cmds

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            if not title.startswith("filter: tag"):
                yield DiscoveryHit(escape(title), callback, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(escape(title)), callback, help=escape(help_text))
