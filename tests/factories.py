import factory

from server.accounts.models import User

PASSWORD = "kumo-no-ue-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"mother{n}@example.jp")
    display_name = factory.Sequence(lambda n: f"花子{n}")
    password = factory.django.Password(PASSWORD)
