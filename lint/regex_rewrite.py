"""Patterns compiled to code that runs faster and matches the same: alternations of words
as tries, their first letters as classes, and a class for the engine's search.

Most of medlint's patterns are long lists of words ("(?:experts|doctors|dentists|
surgeons|...)", "(?:one|two|three|...|nineteen)"), and they ignore case. CPython's
engine tries an alternation's branches one by one at each place, and a branch that
starts with a letter it must match without regard to case costs a state saved and
restored even when its first letter is wrong: at each word of a page, forty branches.
The same list as a trie ("d(?:octors|entists)|e(?:xperts)|s(?:urgeons)|...") tries
at most one branch per letter.

The change is made on the standard library's parse of the pattern, and only where it
cannot change a match, a group or the order in which matches are preferred:

- Branches are merged only on a shared first item that matches exactly one character
  in exactly one way (a letter, a class): the engine can then try the merged branches in
  their original order at each place, as it did, with nothing to backtrack into between
  them.
- A branch is moved ahead of another (to join its group) only when the two cannot start
  at the same place: no character can start both (each letter with every character it
  matches when case is ignored). Where that is not certain (a branch that may match
  nothing, starts with a look-around or a word-character class, a letter outside ASCII
  with case ignored), the alternation is left as written.

A second change helps every alternation, factored or not: a branch that starts with a
letter matched regardless of case starts instead with the same letter as a case-sensitive
class of all the characters it matches ("[kK\u212a]" for "k"). The engine tests a branch's
first class before entering the branch, so a branch with the wrong first letter costs one
lookup, not a state saved and restored.

A third helps every search: the class of characters a match can start with goes in the
code's info block (``with_search_class``), so that the engine's search skips other places
in a tight loop instead of running the pattern at each.

The pattern's ``.pattern`` stays its source: only the compiled code differs. The test
suite compares every rule pattern's matches with the standard library's.
"""

from __future__ import annotations

from re import _constants as c
from re import _parser

#: the versions of this module's output: a change here must change this, as compiled code is kept between runs
VERSION = 3

_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))
_ASCII_SPACES = frozenset(" \t\n\r\f\v")
_DIGITS = frozenset("0123456789")
# what a category may match beyond ASCII: a token that overlaps only itself
_OTHER_SPACE, _OTHER_DIGIT = "<non-ASCII space>", "<non-ASCII digit>"


def factor_alternations(parsed, ignore_case: bool, case_variants: dict[str, str]) -> None:
    """Rewrite, in place, the alternations of a parsed pattern (``re._parser.parse``) as tries, and their branches'
    first letters as classes, where that matches exactly as before. ``case_variants``: ``ignore_case_variants()``."""
    _rewrite(parsed, ignore_case, lambda items, state, ic: _factored(items, state, ic, case_variants))
    _rewrite(parsed, ignore_case, lambda items, state, ic: _guarded(items, state, case_variants) if ic else None)


def ignore_case_variants() -> dict[str, str]:
    """For each ASCII letter, every character that it matches when case is ignored ("k": "kK\u212a"), as this
    Python's engine decides: found by matching all of Unicode once (kept with the compiled code)."""
    import re

    everything = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    out = {letter: letter + letter.upper() for letter in "abcdefghijklmnopqrstuvwxyz"}
    for m in re.finditer(r"(?i)[a-z]", everything):
        ch = m.group()
        if not ch.isascii():
            for letter in out:
                if re.fullmatch("(?i)" + letter, ch):
                    out[letter] += ch
    return out


def _rewrite(seq, ignore_case: bool, change) -> None:
    """Every alternation in ``seq``, innermost first, replaced by ``change(branches, state, ignore_case)`` (the items
    to put in its place, or None to keep it)."""
    data = seq.data if isinstance(seq, _parser.SubPattern) else seq
    out = []
    for op, av in data:
        if op is c.BRANCH:
            for branch in av[1]:
                _rewrite(branch, ignore_case, change)
            replaced = change(av[1], seq.state, ignore_case)
            if replaced is not None:
                out.extend(replaced)
                continue
        elif op is c.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            _rewrite(body, _inside(ignore_case, add_flags, del_flags), change)
        elif op in _REPEATS:
            _rewrite(av[2], ignore_case, change)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            _rewrite(av[1], ignore_case, change)
        elif op is getattr(c, "ATOMIC_GROUP", None):
            _rewrite(av, ignore_case, change)
        elif op is c.GROUPREF_EXISTS:
            _rewrite(av[1], ignore_case, change)
            if av[2] is not None:
                _rewrite(av[2], ignore_case, change)
        out.append((op, av))
    data[:] = out


def _inside(ignore_case: bool, add_flags: int, del_flags: int) -> bool:
    """Is case ignored inside a group with these flags ("(?i:...)", "(?-i:...)")?"""
    return (ignore_case or bool(add_flags & c.SRE_FLAG_IGNORECASE)) and not del_flags & c.SRE_FLAG_IGNORECASE


def _factored(branches, state, ignore_case: bool, variants: dict[str, str]) -> list | None:
    """The items that match as ``(BRANCH, branches)`` does, with branches that share a first character merged; None
    where nothing is merged."""
    order = _grouped(branches, ignore_case, variants)
    if order is None:
        return None
    alternatives = []
    for group in order:
        if len(group) == 1:
            alternatives.append(branches[group[0]])
            continue
        rests = [_parser.SubPattern(state, list(branches[i])[1:]) for i in group]
        if all(not len(r) for r in rests):
            inner = []  # the branches were the same one character ("a|a"): the engine would only try it again
        else:
            inner = _factored(rests, state, ignore_case, variants) or [(c.BRANCH, (None, rests))]
        alternatives.append(_parser.SubPattern(state, [branches[group[0]][0]] + inner))
    if len(alternatives) == 1:
        return list(alternatives[0])
    return [(c.BRANCH, (None, alternatives))]


def _grouped(branches, ignore_case: bool, variants: dict[str, str]) -> list[list[int]] | None:
    """The branches' indices in groups that share a first character, the groups in the order of their first branch;
    None when no two branches share one, or when grouping would try two branches that may start at the same place in
    another order than the pattern's."""
    order: list[list[int]] = []
    groups: dict = {}
    for index, branch in enumerate(branches):
        key = _key(branch)
        group = groups.get(key) if key is not None else None
        if group is None:
            group = [index]
            order.append(group)
            if key is not None:
                groups[key] = group
        else:
            group.append(index)
    if len(order) == len(branches):
        return None
    firsts = [_first_chars(list(b), ignore_case, variants) for b in branches]
    position = {index: at for at, index in enumerate(i for group in order for i in group)}
    for a in range(len(branches)):
        for b in range(a + 1, len(branches)):
            if position[b] < position[a]:
                fa, fb = firsts[a], firsts[b]
                if fa is None or fb is None or not fa.isdisjoint(fb):
                    return None
    return order


def _guarded(branches, state, variants: dict[str, str]) -> list | None:
    """The alternation with each branch that starts with a letter (case ignored) starting instead with the class of
    the characters that letter matches, case-sensitive (the engine tests such a first class before it enters the
    branch); None when no branch starts with a letter."""
    out = []
    changed = False
    for branch in branches:
        first = branch[0] if len(branch) else None
        if first is not None and first[0] is c.LITERAL and chr(first[1]).lower() in variants:
            chars = variants[chr(first[1]).lower()]
            guard = (c.SUBPATTERN, (None, 0, c.SRE_FLAG_IGNORECASE,
                                    _parser.SubPattern(state, [(c.IN, [(c.LITERAL, ord(ch)) for ch in chars])])))
            branch = _parser.SubPattern(state, [guard] + list(branch)[1:])
            changed = True
        out.append(branch)
    return [(c.BRANCH, (None, out))] if changed else None


def _key(branch):
    """What a branch's first item is, when it matches exactly one character in one way (so branches that share
    it can be tried together); None otherwise."""
    if not len(branch):
        return None
    op, av = branch[0]
    if op in (c.LITERAL, c.NOT_LITERAL):
        return (op, av)
    if op is c.IN:
        return (op, repr(av))
    if op is c.ANY:
        return (op, None)
    return None


def _first_chars(items: list, ignore_case: bool, variants: dict[str, str]) -> frozenset | None:
    """The characters a match of ``items`` may start with, as a set two branches' sets can be compared in (a
    category as the ASCII characters it holds and a token for the rest); None when not known, or it may be empty."""
    chars = _start_class(items, ignore_case, variants)
    if chars is None:
        return None
    out: set = set()
    for op, av in chars:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < 256:
            out.update(map(chr, range(av[0], av[1] + 1)))
        elif op is c.CATEGORY and av is c.CATEGORY_SPACE:
            out |= _ASCII_SPACES
            out.add(_OTHER_SPACE)
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            out |= _DIGITS
            out.add(_OTHER_DIGIT)
        else:
            return None  # word characters, a wide range: too much in common with anything
    return frozenset(out)


def with_search_class(code: list, parsed, flags: int, variants: dict[str, str]) -> list:
    """``code`` (``re._compiler._code(parsed, flags)``) with the class of characters a match can start with in its
    info block, where the standard compiler put none.

    The engine's search skips, in a tight loop, the places whose character is not in that class; without one it
    runs the whole pattern at every place. The standard compiler finds a class only when the pattern starts with a
    letter or a class, case-sensitive; ours start with ``\\b`` or a look-behind and ignore case, so it finds none.
    What the look-arounds and ``\\b`` test is still tested, at the places that are left.
    """
    if len(code) < 5 or code[0] != c.INFO or code[1] != 4 or code[2] != 0 or code[3] == 0:
        return code  # the compiler's own prefix or class, or a pattern that may match nothing
    if len(parsed) and parsed[0] in ((c.AT, c.AT_BEGINNING), (c.AT, c.AT_BEGINNING_STRING)):
        return code  # the engine tries a pattern that starts with "^" at the start only; a class would try more
    chars = _start_class(list(parsed), bool(flags & c.SRE_FLAG_IGNORECASE), variants)
    if not chars:
        return code
    from re import _compiler

    charset, hascased = _compiler._optimize_charset(chars)
    if hascased:
        return code
    block = [c.INFO, 0, c.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, flags, block)
    block[1] = len(block) - 1
    return block + code[5:]


def _start_class(items: list, ignore_case: bool, variants: dict[str, str]) -> list | None:
    """The characters every match of ``items`` starts with, as the items of a case-sensitive class; None when
    that is not known, or a match may be empty."""
    for op, av in items:
        if op is c.ASSERT and av[0] == 1:
            # a look-ahead: what it looks for starts where the match does (a class it gives is as good as the
            # next item's, and look-ahead prefilters are nothing else)
            ahead = _start_class(list(av[1]), ignore_case, variants)
            if ahead is not None:
                return ahead
            continue
        if op is c.AT or op in (c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the next item starts the match
        if op is c.LITERAL:
            return _literal_class(av, ignore_case, variants)
        if op is c.IN:
            out = []
            for item_op, item_av in av:
                if item_op is c.LITERAL:
                    chars = _literal_class(item_av, ignore_case, variants)
                elif item_op is c.RANGE:
                    low, high = item_av
                    if not ignore_case:
                        chars = [(c.RANGE, item_av)]
                    elif high <= 0x7F:
                        chars = [x for code in range(low, high + 1) for x in _literal_class(code, True, variants)]
                    else:
                        chars = None
                elif item_op is c.CATEGORY:
                    chars = [(c.CATEGORY, item_av)]  # spaces, digits, word characters: case plays no part
                else:
                    chars = None  # a negated class
                if chars is None:
                    return None
                out.extend(chars)
            return out
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            if (add_flags | del_flags) & ~c.SRE_FLAG_IGNORECASE:
                return None
            return _start_class(list(body), _inside(ignore_case, add_flags, del_flags), variants)
        if op is c.BRANCH:
            out = []
            for branch in av[1]:
                chars = _start_class(list(branch), ignore_case, variants)
                if chars is None:
                    return None
                out.extend(chars)
            return out
        if op in _REPEATS:
            low, _high, body = av
            return _start_class(list(body), ignore_case, variants) if low >= 1 else None
        return None
    return None  # nothing here consumes a character


def _literal_class(code: int, ignore_case: bool, variants: dict[str, str]) -> list | None:
    ch = chr(code)
    if not ignore_case:
        return [(c.LITERAL, code)]
    if ch.lower() in variants and ch.isascii():
        return [(c.LITERAL, ord(x)) for x in variants[ch.lower()]]
    if ch.isascii():
        return [(c.LITERAL, code)]  # a digit, a space or a sign: the same in any case
    return None  # a letter outside ASCII: which characters match it without regard to case is not worked out here
