"""Hand-written gantt charts (gantt.jison); each expectation was checked against mermaid 12.3.0."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, line mermaid reports for an invalid diagram or None when it reports none)
CASES = [
    (
        'gantt\n    title A Gantt Diagram\n    dateFormat YYYY-MM-DD\n    todayMarker off\n    excludes weekends\n    section Section\n    A task :a1, 2014-01-01, 30d\n    click a1 href "https://example.com"\n    click a1 call cb("arg")\n    click a1 call cb() href "x"',
        True,
        None,
    ),
    ("gantt\n  section S\n  Task 50% done :a1, 2014-01-01, 3d", True, None),
    ("gantt\n  Task without section :2014-01-01, 3d", True, None),
    ("gantt\n  task1 :", False, 2),
    ("gantt\n  task1 : ;", False, 2),
    ("gantt\n  title\n  task : 1d", True, None),
    (
        "gantt\n  inclusiveEndDates\n  topAxis\n  axisFormat %Y\n  tickInterval 1week\n  weekday monday\n  weekend friday",
        False,
        None,
    ),
    ("gantt\n  accTitle: x\n  accDescr: y\n  a : 1d", True, None),
    ("gantt\n  2014-01-01 : 1d", False, 2),
    ("gantt\n  a : 1d # comment\n  b : 2d ; comment", False, 2),
    ("gantt\n  click", False, 3),
    ("gantt\n  section\n  a : 1d", True, None),
    ("gantt\n  dateFormat\n  a : 1d", True, None),
    ("gantt\n  a : 1d\n  %% comment\n  b:2d", True, None),
    ("gantt\n  accDescription something", False, 2),
    ("gantt dateFormat YYYY\na : 1d", True, None),
    ("gantt\na: 1d\nclick a call foo\nb: 2d", False, 5),
    # JavaScript's \s takes U+FEFF but not U+0085
    ("gantt\n  dateFormat\ufeffYYYY-MM-DD\n  section s\n  task :a1, 2020-01-01, 3d", True, None),
    ("gantt\n  dateFormat\x85YYYY-MM-DD\n  section s\n  task :a1, 2020-01-01, 3d", False, 2),
    ('gantt\n  section s\n  task :a1, 2020-01-01, 3d\n  click a1 href\x85"x"', False, 4),
]


test_matches_mermaid = validate_tests(CASES)
