"""``flask`` commands: the worker (``app.background.worker``), sweep, demo data, platform staff accounts."""

from __future__ import annotations

import click
from flask import Flask, current_app


def init_app(app: Flask) -> None:
    from app.background.worker import worker_cli

    app.cli.add_command(worker_cli)
    app.cli.add_command(sweep_cmd)
    app.cli.add_command(demo_group)
    app.cli.add_command(staff_group)
    app.cli.add_command(templates_group)
    app.cli.add_command(secrets_group)
    app.cli.add_command(inbound_smtp_cmd)


@click.command("inbound-smtp")
@click.option("--host", default=None, help="Address to listen on (INBOUND_SMTP_HOST, default 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (INBOUND_SMTP_PORT, default 2525).")
def inbound_smtp_cmd(host: str | None, port: int | None) -> None:
    """Receive candidates' replies (reply+<token>@REPLY_DOMAIN) over SMTP until stopped."""
    from app.conversations import listener

    listener.serve(current_app._get_current_object(), host or current_app.config["INBOUND_SMTP_HOST"],
                   port or current_app.config["INBOUND_SMTP_PORT"])


@click.command("sweep")
@click.option("--loop", is_flag=True, help="Sweep every SWEEP_INTERVAL_SECONDS until stopped.")
def sweep_cmd(loop: bool) -> None:
    """Run the periodic work (due reminders, automations, outbox relay, …) once or forever."""
    from app import sweeper

    if loop:
        click.echo(f"sweeper: every {current_app.config['SWEEP_INTERVAL_SECONDS']} s")
        sweeper.loop(current_app.config["SWEEP_INTERVAL_SECONDS"])
    else:
        click.echo(sweeper.sweep())


@click.group("demo")
def demo_group() -> None:
    """Demo data (development only)."""


@demo_group.command("load")
def demo_load() -> None:
    from app import demo

    if not current_app.config.get("DEMO_DATA_ALLOWED"):
        raise click.ClickException("Demo data is refused in this configuration (HAKU_CONFIG=production).")
    created = demo.load()
    click.echo("demo data: " + ("loaded" if created else "already there, kept as it is"))


@demo_group.command("code")
@click.argument("email", default="staff@haku.test")
def demo_code(email: str) -> None:
    """Print the current two-factor code of a demo user (development only; demo key only)."""
    from app import demo

    if not current_app.config.get("DEMO_DATA_ALLOWED"):
        raise click.ClickException("Demo codes are refused in this configuration (HAKU_CONFIG=production).")
    code = demo.demo_code(email)
    if code is None:
        raise click.ClickException(f"{email} does not use the demo authenticator key.")
    click.echo(code)


@click.group("staff")
def staff_group() -> None:
    """Platform staff accounts."""


@staff_group.command("create")
@click.argument("email")
@click.argument("name")
@click.option("--print-link", is_flag=True,
              help="Also print the set-password link here (for a first deployment whose mail is not set up yet).")
def staff_create(email: str, name: str, print_link: bool) -> None:
    """Invite a platform staff user: they get an email link to choose their password (no
    password is typed here)."""
    from app.accounts import lifecycle, services

    try:
        user = services.create_staff(email, name)
    except services.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"staff user {email} invited; the set-password link is in the outbox (it works once, for 7 days)")
    if print_link:
        from app.extensions import db

        _link, url = lifecycle.issue_link(user, "invite", actor="system")  # a fresh link, emailed as well
        db.session.commit()
        click.echo(url)


@staff_group.command("reset-two-factor")
@click.argument("email")
def staff_reset_two_factor(email: str) -> None:
    """Remove a user's authenticator and recovery codes (a lost phone with no recovery codes
    left). Staff, and users of companies that require it, set up a new one at next sign-in."""
    from sqlalchemy import func, select

    from app.accounts import twofactor
    from app.accounts.models import User
    from app.extensions import db

    user = db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"no user {email}")
    twofactor.reset(user)
    click.echo(f"two-factor sign-in of {user.email} reset; their sessions are ended")


@click.group("templates")
def templates_group() -> None:
    """Email templates."""


@templates_group.command("install")
def templates_install() -> None:
    """Create the shipped global email templates that are missing (safe to repeat)."""
    from app.messaging.services import ensure_default_templates

    click.echo(f"{ensure_default_templates()} templates created")


@click.group("secrets")
def secrets_group() -> None:
    """Secrets at rest."""


@secrets_group.command("reencrypt")
def secrets_reencrypt() -> None:
    """Re-encrypt stored secrets under the first key of HAKU_ENCRYPTION_KEYS (after a
    rotation, before an old key is removed). Safe to repeat."""
    from app.rotation import reencrypt_all
    from app.secrets import SecretError

    try:
        counts = reencrypt_all()
    except SecretError as exc:
        raise click.ClickException(f"{exc}; keep every old key listed until this succeeds") from exc
    for column, n in counts.items():
        click.echo(f"{column}: {n} re-encrypted")
