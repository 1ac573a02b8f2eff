"""Every form class of the portal's apps, found by import so a new form is covered at once."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from django import forms

APPS = ["accounts", "consultations", "forum", "prizes", "stocktaking", "ungis"]
# Packages inside an app whose forms the public fills in (the outcome report of a session
# owner); the proposal pipeline's forms have their own tests.
PACKAGES = [*APPS, "forum.outcomes"]


def portal_form_classes() -> list[type[forms.BaseForm]]:
    found: dict[str, type[forms.BaseForm]] = {}
    for app in PACKAGES:
        package = importlib.import_module(app)
        for info in pkgutil.iter_modules(package.__path__):
            if not info.name.startswith("forms"):
                continue
            module = importlib.import_module(f"{app}.{info.name}")
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                    found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[key] for key in sorted(found)]
