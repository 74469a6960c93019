"""The date grammar and year inference."""

from __future__ import annotations

import pytest

from isecg_kg.extract.dates import find_dates, infer_year, month_year_before, relative_day


def one(text: str):
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("14 May 2016", "2016-05-14", None),
        ("2016-05-14", "2016-05-14", None),
        ("on Sept. 22, 2014 the", "2014-09-22", None),
        ("March 18 - 19, 2019", "2019-03-18", "2019-03-19"),
        ("18-19 March 2019", "2019-03-18", "2019-03-19"),
        ("from 14 to 16 May 2016", "2016-05-14", "2016-05-16"),
        ("On 30th November and 2nd December 2021", "2021-11-30", "2021-12-02"),
        ("November 30 - December 2, 2021", "2021-11-30", "2021-12-02"),
        ("December 30 - January 2, 2022", "2021-12-30", "2022-01-02"),
        ("the 7th of October 2015", "2015-10-07", None),
        ("published in August 2013", "2013-08", None),
        ("issued in Sept. 2011", "2011-09", None),
        ("joined during 2017", "2017", None),
        ("Date | 2014.06.18 | Hit", "2014-06-18", None),
        ("posted 2014/6/18.", "2014-06-18", None),
    ],
)
def test_dates_with_a_year(text, value, end):
    d = one(text)
    assert (d.value, d.end_value) == (value, end)


def test_month_day_without_year_keeps_weekday():
    d = one("met on Wednesday, Oct. 7 at ESOC")
    assert (d.year, d.month, d.day, d.weekday) == (None, 10, 7, "Wednesday")


def test_day_range_without_year():
    d = one("on June 4th and 5th")
    assert (d.month, d.day, d.end_day) == (6, 4, 5)


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("expected in the middle of 2013", "2013-06", "2013-06"),
        ("due mid-2013", "2013-06", "2013-06"),
        ("in early 2019", "2019-01", "2019-04"),
        ("by late 2020", "2020-09", "2020-12"),
    ],
)
def test_vague_parts_of_a_year(text, lower, upper):
    d = one(text)
    assert (d.lower, d.upper, d.value) == (lower, upper, lower[:4])


def test_month_alone_relative_words_and_weekdays():
    assert one("since the last meeting in March").month == 3
    assert one("since the last meeting in March").prep == "in"
    assert one("Today, the agencies").qualifier == "today"
    assert one("During Thursday's session").weekday == "Thursday"


@pytest.mark.parametrize("text", ["the Mars 2020 rover", "May we go", "a 2018 report", "March on"])
def test_not_dates(text):
    assert find_dates(text) == []


def test_year_from_publication_date():
    d = one("on Oct. 7")
    assert infer_year(d, "2015-10-12")[0] == 2015
    assert infer_year(d, "2016-01-05")[0] == 2015  # October is past in January: last year


def test_year_from_weekday_and_cited_dates():
    d = one("Wednesday, Oct. 7")
    year, note = infer_year(d, None, after="2013-08")
    assert year == 2015 and "Wednesday" in note
    assert infer_year(d, None, after="2013-08", before="2014-12")[0] is None
    assert infer_year(d, None)[0] is None  # nothing to anchor it


def test_month_year_before_an_anchor():
    assert month_year_before(3, "2020-09-09") == 2020
    assert month_year_before(11, "2020-09-09") == 2019


def test_relative_days():
    today, yesterday = find_dates("today and yesterday")
    assert relative_day(today, "2020-09-18") == "2020-09-18"
    assert relative_day(yesterday, "2020-09-18") == "2020-09-17"
    assert relative_day(today, None) is None


@pytest.mark.parametrize(
    "text", ["came out at the start of the year", "at the end of this year", "the turn of the year"]
)
def test_part_of_the_current_year_is_that_year(text):
    d = one(text)
    assert (d.relative, relative_day(d, "2018-10-22")) == (True, "2018")


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("Monday 3 - Tuesday 4 March 2025", "2025-03-03", "2025-03-04"),
        ("le 14.02.2019 a", "2019-02-14", None),
        ("dated 28/11/2017", "2017-11-28", None),
    ],
)
def test_weekday_ranges_and_day_first_numbers(text, value, end):
    dm = one(text)
    assert (dm.value, dm.end_value) == (value, end)


def test_ambiguous_slash_date_is_not_read():
    assert find_dates("on 03/04/2019") == []


def test_week_of_a_month():
    from isecg_kg.extract.dates import week_bounds

    dm = one("during the second week of last May")
    assert (dm.week, dm.prep, dm.month) == ("second", "last", 5)
    assert week_bounds(dm, 2020) == ("2020-05-08", "2020-05-14")
    assert week_bounds(one("the last week of February"), 2021) == ("2021-02-22", "2021-02-28")


def test_month_of_a_relative_year():
    dm = one("it came out in March of last year")
    assert (dm.month, dm.year, dm.year_offset) == (3, None, -1)
    assert one("June this year").year_offset == 0


def test_coordinated_bare_years_are_each_a_date():
    values = [(d.value, d.prep) for d in find_dates("updates in 2014 and 2019, and 2021 too")]
    assert values == [("2014", "in"), ("2019", "in"), ("2021", "in")]


def test_a_list_of_years_after_a_colon():
    assert [d.value for d in find_dates("Reports: 2009, 2012 and 2016.")] == [
        "2009",
        "2012",
        "2016",
    ]


def test_a_lone_number_after_a_colon_is_not_a_date():
    assert find_dates("Budget: 2012 euros") == []


def test_a_version_number_is_not_a_year_first_date():
    assert find_dates("firmware 2014.06.18.1 and build 1.2014.06") == []


def test_month_names_in_capitals():
    assert [(d.text, d.value) for d in find_dates("AS AT 13 MAY 2016; MAYBE 2017")] == [
        ("13 MAY 2016", "2016-05-13")
    ]


def test_two_weekdays_are_one_span():
    (dm,) = find_dates("Last Thursday and Friday, Berlin")
    assert (dm.text, dm.weekday, dm.end_weekday) == ("Thursday and Friday", "Thursday", "Friday")


def test_a_day_written_with_a_period_before_its_month():
    dm = one("07. November 2007")
    assert (dm.year, dm.month, dm.day) == (2007, 11, 7)


def test_a_month_of_the_following_year_counts_from_the_year_written_before():
    from isecg_kg.extract.dates import anchor_years

    _, second = anchor_years(
        find_dates("In June 2010 they met; in September of the following year")
    )
    assert (second.year, second.month, second.day) == (2011, 9, None)
