"""Compiled page templates kept between runs (plainsum/render/bytecode.py): the same output as compiling,
a template compiled again when its source or the environment changes, and a cache file read only when
no one but this user could have written it."""

from __future__ import annotations

import os

import pytest

from plainsum.render.bytecode import TemplateBytecodeCache, settings
from plainsum.render.templates import TemplateSet


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    found = TemplateBytecodeCache.for_user()
    assert found is not None and found.folder == tmp_path / "cache" / "plainsum" / "templates"
    return found


def _render(source_dir, name="page.txt.j2", **values):
    return TemplateSet(source_dir, root=source_dir.parent).env.get_template(name).render(**values)


def test_a_cached_template_renders_as_a_compiled_one(tmp_path, cache):
    templates = tmp_path / "project" / "templates"
    templates.mkdir(parents=True)
    (templates / "page.txt.j2").write_text("{% for x in items %}{{ x | upper }};{% endfor %}\n")
    first = _render(templates, items=["a", "b"])
    files = sorted(cache.folder.glob("*.jinja"))
    assert first == "A;B;" and len(files) == 1  # trim_blocks takes the newline after a tag
    assert oct(files[0].stat().st_mode & 0o777) == "0o600"
    written = files[0].stat().st_mtime_ns
    assert _render(templates, items=["c"]) == "C;"
    assert files[0].stat().st_mtime_ns == written  # loaded, not written again


def test_a_changed_source_is_compiled_again(tmp_path, cache):
    templates = tmp_path / "project" / "templates"
    templates.mkdir(parents=True)
    (templates / "page.txt.j2").write_text("one {{ x }}\n")
    assert _render(templates, x=1) == "one 1\n"
    (templates / "page.txt.j2").write_text("two {{ x }}\n")
    assert _render(templates, x=2) == "two 2\n"


def test_the_key_follows_what_the_compiler_reads(tmp_path):
    english = TemplateSet().env
    other = TemplateSet()._make_env()  # no filters installed: compiled differently
    assert settings(english) != settings(other)
    assert settings(english) == settings(TemplateSet().env)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_file_others_could_write_or_a_link_is_not_loaded(tmp_path, cache):
    templates = tmp_path / "project" / "templates"
    templates.mkdir(parents=True)
    (templates / "page.txt.j2").write_text("{{ x }}\n")
    assert _render(templates, x="a") == "a\n"
    [cached] = cache.folder.glob("*.jinja")
    cached.chmod(0o666)
    loads: list[bool] = []
    real = TemplateBytecodeCache.load_bytecode

    def spy(self, bucket):
        real(self, bucket)
        loads.append(bucket.code is not None)

    TemplateBytecodeCache.load_bytecode = spy  # type: ignore[method-assign]
    try:
        assert _render(templates, x="b") == "b\n"
        assert loads == [False]  # group- and world-writable: compiled from the source instead
        elsewhere = tmp_path / "elsewhere.jinja"
        cached.rename(elsewhere)
        elsewhere.chmod(0o600)
        cached.symlink_to(elsewhere)
        assert _render(templates, x="c") == "c\n"
        assert loads[-1] is False  # a link is not followed
    finally:
        TemplateBytecodeCache.load_bytecode = real  # type: ignore[method-assign]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_folder_others_can_write_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "cache" / "plainsum" / "templates").mkdir(parents=True)
    (tmp_path / "cache" / "plainsum" / "templates").chmod(0o777)
    assert TemplateBytecodeCache.for_user() is None
    (tmp_path / "cache" / "plainsum" / "templates").chmod(0o700)
    (tmp_path / "cache" / "plainsum").chmod(0o777)
    assert TemplateBytecodeCache.for_user() is None
