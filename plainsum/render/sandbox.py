"""The sandbox the document templates render in: Jinja's, with its answers kept (issue 28).

Every `x.y` in a sandboxed template asks the sandbox whether the attribute may be read: a name that
starts with an underscore may not, nor the internals of functions, types, frames, code and generators
(jinja2.sandbox.is_internal_attribute: up to seven isinstance tests and two hasattr for each lookup,
about 80 lookups a page, 4% of a build's CPU). That answer depends only on the attribute's name and
the object's type, when the object's `__class__` is its type (isinstance then asks nothing else): so
it is kept per type and name, and worked out by Jinja's own code the first time. An object whose
`__class__` says otherwise, a value that is a method (str.format is wrapped by the sandbox), and a
missing attribute go through Jinja's code every time.

English pages read their template text through gettext with no catalog (NullTranslations): Jinja's
`_` and `gettext` then call the catalog's gettext through two sandboxed calls to give back the string
itself. `english_gettext` gives the same result directly: the string, as Markup where the template
autoescapes, formatted with its variables. A page calls `_` about seven times, each a sandboxed call
(`environment.call`: whether it may be called, then `Context.call`, which looks at how the function wants
its context): DocumentSandbox.call hands these two functions, plainsum's own, their context directly,
unless the call is in a loop or block that set variables (the context is then derived with them, as Jinja does).
"""

from __future__ import annotations

import types
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context, Undefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

_METHODS = (types.MethodType, types.BuiltinMethodType)


class DocumentSandbox(SandboxedEnvironment):
    """SandboxedEnvironment whose attribute checks are kept per (type, name)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}
        self._own_calls: tuple[Any, ...] = ()  # install_english_gettext's `_` and `gettext`

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if __obj in __self._own_calls and not kwargs.get("_loop_vars") and not kwargs.get("_block_vars"):
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            return __obj(__context, *args, **kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any | Undefined:
        kind = type(obj)
        if obj.__class__ is not kind:
            return super().getattr(obj, attribute)
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                pass
            return self.undefined(obj=obj, name=attribute)
        if isinstance(value, _METHODS):
            fmt = self.wrap_str_format(value)
            if fmt is not None:
                return fmt
        key = (kind, attribute)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = self.is_safe_attribute(obj, attribute, value)
        if safe:
            return value
        return self.unsafe_undefined(obj, attribute)


def install_english_gettext(env: SandboxedEnvironment) -> None:
    """After `install_gettext_translations(NullTranslations(), newstyle=True)`: `gettext` and `_` give
    what Jinja's give with that catalog, without the two sandboxed calls."""

    @pass_context
    def gettext(__context: Context, __string: str, **variables: Any) -> str:
        rv = Markup(__string) if __context.eval_ctx.autoescape else __string
        return rv % variables  # type: ignore[no-any-return]

    @pass_context
    def alias(__context: Context, *args: Any, **kwargs: Any) -> Any:
        found = __context.resolve("gettext")  # as Jinja's `_` (a template may name another `gettext`)
        if found is gettext:
            return gettext(__context, *args, **kwargs)
        return __context.call(found, *args, **kwargs)

    env.globals["gettext"] = gettext
    env.globals["_"] = alias
    if isinstance(env, DocumentSandbox):
        env._own_calls = (alias, gettext)
