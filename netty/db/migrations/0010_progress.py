"""An index that makes the progress figures an index-only range scan.

interaction (occurred_at, kind, in_person, archived_at, initiated_by): `netty stats`
and the progress view (`v`) count six months of interactions per week or month by
kind, place and who started them; with every column they read in the index, SQLite
never visits the table rows (about 175,000 of them at 500,000 interactions).
"""

from peewee import *


def up(migrator, db):
    migrator.migrate(
        migrator.add_index(
            "interaction",
            ("occurred_at", "kind", "in_person", "archived_at", "initiated_by"),
            False,
        ),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index(
            "interaction", "interaction_occurred_at_kind_in_person_archived_at_initiated_by"
        ),
    )
