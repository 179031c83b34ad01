"""feedback.set_apart: answers sent during a flood are kept out of the statistics

Revision ID: b7e2c4d91a05
Revises: b41c7e2d9f05
Create Date: 2026-12-07

"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "b7e2c4d91a05"
down_revision: str | None = "b41c7e2d9f05"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.add_column(sa.Column("set_apart", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("set_apart")
