"""``makemessages`` that also collects ``N_("...")`` (``gettext_noop`` imported as ``N_``).

forum/base/taxonomy.py marks the Action Line and SDG titles that way; they are stored in the
database in English and translated when shown.
"""

from django.core.management.commands.makemessages import Command as MakeMessagesCommand


class Command(MakeMessagesCommand):
    xgettext_options = [*MakeMessagesCommand.xgettext_options, "--keyword=N_"]
