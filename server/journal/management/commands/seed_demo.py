from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from server.journal import demo


class Command(BaseCommand):
    help = (
        "Create a demo user with a few months of records of every type, ending today. "
        "Running it again replaces that user's records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", default=demo.DEMO_EMAIL)
        parser.add_argument("--months", type=int, default=2, help="length of the history")
        parser.add_argument("--password", help="a random one is made and printed if not given")

    def handle(self, *args, email, months, password, **options):
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not an email address.") from None
        if not 1 <= months <= demo.MAX_MONTHS:
            raise CommandError(f"--months must be from 1 to {demo.MAX_MONTHS}.")
        try:
            seed = demo.seed_demo(email=email, months=months, password=password)
        except demo.DemoRejected as error:
            lines = [
                f"  {r['type']} {r['id']} ({r['status']}): {r.get('errors')}"
                for r in error.rejected
            ]
            raise CommandError("The server refused demo ops:\n" + "\n".join(lines)) from None
        verb = "Created" if seed.created else "Refreshed"
        self.stdout.write(f"{verb} the demo user.")
        self.stdout.write(f"  email:    {seed.user.email}")
        self.stdout.write(f"  password: {seed.password}")
        for type_name, count in seed.counts.items():
            self.stdout.write(f"  {type_name}: {count}")
