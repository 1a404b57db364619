"""User mistakes in the configuration, the rule packs and the environment: each is one clear error naming the file
and the key (exit code 2) or one warning line, never a traceback, a hang or a silent misreading."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint import yamlio
from lint.cli import main
from lint.config import ConfigError, find_config, load_settings
from lint.documents import DocumentError, decode
from lint.engine import select_rules
from lint.kinds import kinds
from lint.languagetool import LanguageToolClient, LanguageToolError
from lint.registry import RuleError, builtin_rules_dir, load_rules

THYROID_PAGE = "# Thyroid surgery\n\nA thyroidectomy removes all or part of the thyroid gland in the neck.\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def config_error(folder: Path, text: str, name: str = "medlint.toml") -> str:
    with pytest.raises(ConfigError) as caught:
        load_settings(write(folder, name, text))
    return str(caught.value)


@pytest.fixture(scope="module")
def builtin_rules():
    return {rule.code: rule for rule in load_rules([builtin_rules_dir()])}


# -- pyproject.toml ----------------------------------------------------------------------

@pytest.mark.parametrize("tool", ["1", '"x"', "[1, 2]"])
def test_a_pyproject_whose_tool_is_not_a_table_is_an_error_found_or_given(tmp_path, tool):
    pyproject = write(tmp_path, "pyproject.toml", f"tool = {tool}\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: 'tool' must be a table"):
        find_config(write(tmp_path, "thyroid.md", THYROID_PAGE))
    with pytest.raises(ConfigError, match=r"pyproject\.toml: 'tool' must be a table"):
        load_settings(pyproject)


def test_the_cli_reports_a_bad_pyproject_in_one_line_with_exit_2(tmp_path):
    write(tmp_path, "pyproject.toml", "tool = 1\n")
    page = write(tmp_path, "thyroid.md", THYROID_PAGE)
    result = CliRunner().invoke(main, ["check", "--no-cache", str(page)])
    assert result.exit_code == 2
    assert result.output.strip() == f"medlint: error: {tmp_path / 'pyproject.toml'}: 'tool' must be a table"


# -- [languagetool] -------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "key"), [
    ('batch-size = "big"', "batch-size"),
    ("batch-size = 0", "batch-size"),
    ("batch-size = -1", "batch-size"),
    ("batch-size = true", "batch-size"),
    ("disabled-rules = [1, 2]", "disabled-rules"),
    ("timeout = inf", "timeout"),
    ("timeout = nan", "timeout"),
    ("timeout = 1e12", "timeout"),
    ("language = 5", "language"),
    ('language = ""', "language"),
])
def test_languagetool_values_are_checked_when_the_config_loads(tmp_path, line, key):
    message = config_error(tmp_path, f"[languagetool]\n{line}\n")
    assert message.startswith(f"{tmp_path / 'medlint.toml'}: 'languagetool.{key}' must be")


def test_one_disabled_languagetool_rule_may_be_a_string(tmp_path):
    settings = load_settings(write(tmp_path, "medlint.toml", '[languagetool]\ndisabled-rules = "EN_QUOTES"\n'))
    assert settings.languagetool["disabled-rules"] == ["EN_QUOTES"]


# -- selection and keys -----------------------------------------------------------------------

def test_an_empty_select_is_an_error_not_an_empty_run(tmp_path):
    assert "'select' names no rule" in config_error(tmp_path, "select = []\n")


def test_one_key_in_both_spellings_is_an_error(tmp_path):
    message = config_error(tmp_path, 'fail-on = "error"\nfail_on = "warning"\n')
    assert "'fail-on' and 'fail_on'" in message


def test_an_unknown_selector_in_the_config_names_its_key(tmp_path, builtin_rules):
    settings = load_settings(write(tmp_path, "medlint.toml", 'ignore = ["RDB001", "XYZ999"]\n'))
    with pytest.raises(ConfigError, match=r"^ignore: unknown rule selector 'XYZ999'"):
        select_rules(list(builtin_rules.values()), settings)


@pytest.mark.parametrize("pattern", ["varicose/", "./varicose", "./varicose/"])
def test_an_exclude_with_a_trailing_slash_or_a_leading_dot_names_the_folder(tmp_path, pattern):
    settings = load_settings(write(tmp_path, "medlint.toml", f'exclude = ["{pattern}"]\n'))
    assert settings.exclude == ["varicose"]


# -- rule options ------------------------------------------------------------------------------

def validate(rule, options: dict, configured=frozenset()):
    return kinds()[rule.kind]._validate(rule, options, set(configured), Path("medlint.toml"))


def test_a_list_option_with_items_that_are_not_strings_names_the_option(builtin_rules):
    rule = builtin_rules["SEO003"]  # an existence rule: its tokens are words
    with pytest.raises(RuleError, match=r"SEO003.*: option 'tokens' must be a list of strings"):
        validate(rule, {"tokens": [1, None]})
    with pytest.raises(RuleError, match=r"^medlint\.toml: rules\.SEO003: option 'tokens' must be a list of strings"):
        validate(rule, {"tokens": ["varicose veins", 3]}, {"tokens"})


@pytest.mark.parametrize(("code", "option", "value", "problem"), [
    ("RDB001", "max_words", -5, "must be above 0"),
    ("RDB001", "max_words", 0, "must be above 0"),
    ("SEO003", "hedge_window", -3, "must be 0 or more"),
])
def test_numeric_options_are_range_checked(builtin_rules, code, option, value, problem):
    with pytest.raises(RuleError, match=f"option '{option}' {problem}"):
        validate(builtin_rules[code], {option: value}, {option})


# -- decoding ------------------------------------------------------------------------------------

PROSTATE_TEXT = "An enlarged prostate can make it hard to pass urine. Treatment starts with medicine.\n"


@pytest.mark.parametrize(("encoding", "reason"), [
    ("utf-32", "file is UTF-32; save it as UTF-8"),
    ("utf-16-le", "file looks like UTF-16 without a byte order mark; save it as UTF-8"),
    ("utf-16-be", "file looks like UTF-16 without a byte order mark; save it as UTF-8"),
])
def test_wide_encodings_are_named(encoding, reason):
    with pytest.raises(DocumentError) as caught:
        decode(PROSTATE_TEXT.encode(encoding))
    assert str(caught.value) == reason


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(7, 250, 3)) * 20,
], ids=["every-byte", "png-like"])
def test_binary_files_are_still_binary(data):
    """Guards the look for UTF-16 without a mark: NUL bytes anywhere else still mean a binary file."""
    with pytest.raises(DocumentError, match=r"^binary file \(contains NUL bytes\)$"):
        decode(data)


# -- the data cache ---------------------------------------------------------------------------------

def test_an_unwritable_data_cache_is_one_warning(tmp_path, monkeypatch, capsys):
    not_a_folder = write(tmp_path, "cache", "")
    monkeypatch.setenv("MEDLINT_DATA_CACHE", str(not_a_folder))
    monkeypatch.setattr(yamlio, "_unwritable", None)
    yamlio.cached(b"knee-test-1", lambda: {"knee": 1})
    yamlio.cached(b"knee-test-2", lambda: {"knee": 2})
    lines = capsys.readouterr().err.splitlines()
    assert lines == [f"medlint: warning: cannot write the data cache in {not_a_folder}: it is not a folder; running "
                     "without the data cache (set MEDLINT_DATA_CACHE to a writable folder, or to off)"]


# -- a LanguageTool server that drips its answer -------------------------------------------------------

class DrippingServer(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b'{"matches": []}' + b" " * 200
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:  # the client gave up, as it should
            pass


def test_a_slow_drip_answer_times_out_after_the_timeout_not_per_read():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), DrippingServer)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        client = LanguageToolClient(f"http://127.0.0.1:{httpd.server_address[1]}", timeout=0.5)
        started = time.monotonic()
        with pytest.raises(LanguageToolError, match="no answer within 0.5 s"):
            client.post("Varicose veins are swollen veins near the skin.")
        assert time.monotonic() - started < 2  # the whole answer would take 10 s
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_config_saved_with_a_byte_order_mark_is_read(tmp_path):
    # Windows editors save one; it read as "Invalid statement (at line 1, column 1)"
    config = tmp_path / "medlint.toml"
    config.write_bytes(b"\xef\xbb\xbfselect = [\"PRM\"]\n")
    assert load_settings(config).select == ["PRM"]
