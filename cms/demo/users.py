"""Demo users, one per role, for development only.

Other parts of the portal add their own demo users (customer company members,
account managers) with `register_demo_user`; `seed_demo` creates every registered
user and prints the credentials. The passwords are public: never seed production.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


@dataclass(frozen=True)
class DemoUser:
    """A demo account: who it is, how to sign in, and what it may do."""

    role: str
    email: str
    password: str
    first_name: str
    last_name: str
    groups: tuple[str, ...] = ()
    is_staff: bool = False
    is_superuser: bool = False
    # Called with the saved user on every seed run (so it must be idempotent),
    # e.g. to make them a member of a demo company.
    after_create: Callable | None = field(default=None, compare=False)


DEMO_USERS: list[DemoUser] = []


def register_demo_user(user: DemoUser) -> None:
    """Add a demo user to the seed; registering the same e-mail again replaces it."""
    DEMO_USERS[:] = [u for u in DEMO_USERS if u.email != user.email] + [user]


register_demo_user(
    DemoUser(
        role="Content editor",
        email="editor@example-telecom.test",
        password="editor-demo-2026",  # noqa: S106 (public demo password, development only)
        first_name="Lin",
        last_name="Chen",
        groups=("Editors",),
    )
)
register_demo_user(
    DemoUser(
        role="Reviewer",
        email="reviewer@example-telecom.test",
        password="reviewer-demo-2026",  # noqa: S106 (public demo password, development only)
        first_name="Mei",
        last_name="Zhang",
        groups=("Moderators",),
    )
)
register_demo_user(
    DemoUser(
        role="Operator admin",
        email="admin@example-telecom.test",
        password="admin-demo-2026",  # noqa: S106 (public demo password, development only)
        first_name="Wei",
        last_name="Liu",
        is_staff=True,
        is_superuser=True,
    )
)


def ensure_demo_users() -> list[DemoUser]:
    """Create or update every registered demo user; returns them for printing."""
    from allauth.account.models import EmailAddress

    User = get_user_model()
    for demo in DEMO_USERS:
        user = User.objects.filter(email=demo.email).first()
        if user is None:
            user = User(email=demo.email)
        user.first_name = demo.first_name
        user.last_name = demo.last_name
        user.is_staff = demo.is_staff
        user.is_superuser = demo.is_superuser
        user.is_active = True
        if not user.has_usable_password() or not user.check_password(demo.password):
            user.set_password(demo.password)
        user.save()
        user.groups.set(Group.objects.filter(name__in=demo.groups))
        # Verified, so the demo accounts can sign in on the site (allauth) too.
        EmailAddress.objects.update_or_create(
            user=user, email=demo.email, defaults={"verified": True, "primary": True}
        )
        if demo.after_create is not None:
            demo.after_create(user)
    return list(DEMO_USERS)
