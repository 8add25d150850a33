"""Indexes that keep the reminder engine an index range scan at 50,000 contacts.

- (archived_at, next_ping_at): count and list overdue pings of active contacts;
- (archived_at, ring, cadence_days, next_ping_at): the most overdue pings relative to
  their cadence, read per cadence group in next_ping_at order, without a sort;
- interaction (kind, initiated_by, occurred_at): recent intros they made (thank-yous).
- need (status, horizon): open needs past their date (check-ins).
"""

from peewee import *


def up(migrator, db):
    migrator.migrate(
        migrator.add_index("contact", ("archived_at", "next_ping_at"), False),
        migrator.add_index(
            "contact", ("archived_at", "ring", "cadence_days", "next_ping_at"), False
        ),
        migrator.add_index("interaction", ("kind", "initiated_by", "occurred_at"), False),
        migrator.add_index("need", ("status", "horizon"), False),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("need", "need_status_horizon"),
        migrator.drop_index("interaction", "interaction_kind_initiated_by_occurred_at"),
        migrator.drop_index("contact", "contact_archived_at_ring_cadence_days_next_ping_at"),
        migrator.drop_index("contact", "contact_archived_at_next_ping_at"),
    )
