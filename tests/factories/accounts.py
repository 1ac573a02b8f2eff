import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.enums import StakeholderType
from accounts.models import StakeholderProfile, User

DEFAULT_PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a verified primary email (pass ``verified=False`` for an unconfirmed one)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get_or_create(name=name)[0])


class StakeholderProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderProfile

    user = factory.SubFactory(UserFactory)
    full_name = factory.Faker("name")
    organisation_name = factory.Faker("company")
    organisation_country = "CH"
    stakeholder_type = StakeholderType.CIVIL_SOCIETY
    job_title = "Programme officer"


def StakeholderFactory(**kwargs) -> User:
    """A user with a verified email and a complete stakeholder profile."""
    profile_kwargs = {
        k[len("profile__") :]: v for k, v in kwargs.items() if k.startswith("profile__")
    }
    user_kwargs = {k: v for k, v in kwargs.items() if not k.startswith("profile__")}
    user = UserFactory(**user_kwargs)
    StakeholderProfileFactory(user=user, **profile_kwargs)
    return user
