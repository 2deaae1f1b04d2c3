#include "support/CatchQt.h"

#include "ImmunisationSchedule.h"

#include <QFile>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

ImmunisationSchedule ukSchedule()
{
    QFile f(QStringLiteral(IMMUNISATIONS_DIR "/uk-routine-childhood.json"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    auto s = ImmunisationSchedule::fromJson(f.readAll());
    REQUIRE(s.ok());
    return s.value();
}

ImmunisationItem given(const QString &id, const QString &code, const QString &name, const QDate &day)
{
    ImmunisationItem i;
    i.id = id;
    i.resourceType = u"Immunization"_s;
    i.code = code;
    i.vaccine = name;
    i.date.date = PartialDate{day, PartialDate::Precision::Day};
    return i;
}

const ImmunisationSchedule::Status &find(const QList<ImmunisationSchedule::Status> &all, const QString &group,
                                         const QString &dose)
{
    for (const auto &s : all) {
        if (s.dose.group == group && s.dose.dose == dose)
            return s;
    }
    FAIL("dose not in schedule: " << group.toStdString() << " " << dose.toStdString());
    return all.first();
}

} // namespace

TEST_CASE("the bundled UK schedule parses with every dose named and dated")
{
    const ImmunisationSchedule s = ukSchedule();
    REQUIRE(s.doses().size() >= 15);
    for (const auto &d : s.doses()) {
        CHECK_FALSE(d.vaccine.isEmpty());
        CHECK_FALSE(d.ageLabel.isEmpty());
        CHECK(d.ageYears + d.ageMonths + d.ageWeeks > 0);
    }
    CHECK_FALSE(ImmunisationSchedule::fromJson("{}").ok());
    CHECK_FALSE(ImmunisationSchedule::fromJson("not json").ok());
}

TEST_CASE("due dates: weeks, whole years, years and months, and a 29 February birthday")
{
    const QDate birth(2024, 2, 29);
    ImmunisationSchedule::Dose eightWeeks;
    eightWeeks.ageWeeks = 8;
    CHECK(eightWeeks.dueDate(birth) == QDate(2024, 4, 25));
    ImmunisationSchedule::Dose oneYear;
    oneYear.ageYears = 1;
    CHECK(oneYear.dueDate(birth) == QDate(2025, 2, 28));
    ImmunisationSchedule::Dose preschool;
    preschool.ageYears = 3;
    preschool.ageMonths = 4;
    CHECK(preschool.dueDate(QDate(2020, 10, 31)) == QDate(2024, 2, 29));
    CHECK(preschool.dueDate(QDate(2021, 10, 31)) == QDate(2025, 2, 28));
}

TEST_CASE("a dose is 'not due yet' the day before its due date and 'not recorded' on it")
{
    const ImmunisationSchedule s = ukSchedule();
    const QDate birth(2026, 1, 10);
    const QDate due = birth.addDays(56);
    const auto before = s.evaluate(birth, due.addDays(-1), {});
    CHECK(find(before, u"6in1"_s, u"1st dose"_s).state == ImmunisationSchedule::State::NotDueYet);
    const auto on = s.evaluate(birth, due, {});
    CHECK(find(on, u"6in1"_s, u"1st dose"_s).state == ImmunisationSchedule::State::NotRecorded);
    CHECK(find(on, u"6in1"_s, u"2nd dose"_s).state == ImmunisationSchedule::State::NotDueYet);
    CHECK(find(on, u"6in1"_s, u"1st dose"_s).dueDate == due);
}

TEST_CASE("recorded vaccinations fill the doses of their group in date order")
{
    const ImmunisationSchedule s = ukSchedule();
    const QDate birth(2025, 3, 1);
    const QList<ImmunisationItem> record{
        given(u"i2"_s, u"1162640003"_s, u"DTaP/IPV/Hib/HepB (6-in-1) vaccine"_s, birth.addDays(7 * 12 + 2)),
        given(u"i1"_s, u"1162640003"_s, u"DTaP/IPV/Hib/HepB (6-in-1) vaccine"_s, birth.addDays(7 * 8 + 3)),
        given(u"i3"_s, QString(), u"Rotavirus vaccine"_s, birth.addDays(7 * 8)),   // by name, no code
        given(u"i4"_s, u"836377006"_s, u"Influenza vaccine"_s, birth.addDays(300)),  // not in the schedule
        given(u"i0"_s, u"871878004"_s, u"dTaP/IPV"_s, birth.addDays(-60)),           // before birth: not the child's
    };
    const auto statuses = s.evaluate(birth, birth.addDays(7 * 17), record);
    const auto &first = find(statuses, u"6in1"_s, u"1st dose"_s);
    CHECK(first.state == ImmunisationSchedule::State::Given);
    CHECK(first.immunisationId == u"i1"_s);
    CHECK(first.givenOn.date.date == birth.addDays(59));
    CHECK(find(statuses, u"6in1"_s, u"2nd dose"_s).immunisationId == u"i2"_s);
    CHECK(find(statuses, u"6in1"_s, u"3rd dose"_s).state == ImmunisationSchedule::State::NotRecorded);
    CHECK(find(statuses, u"rota"_s, u"1st dose"_s).state == ImmunisationSchedule::State::Given);
    CHECK(find(statuses, u"rota"_s, u"2nd dose"_s).state == ImmunisationSchedule::State::NotRecorded);
    CHECK(find(statuses, u"menb"_s, u"1st dose"_s).state == ImmunisationSchedule::State::NotRecorded);
    CHECK(find(statuses, u"preschool"_s, u"booster"_s).state == ImmunisationSchedule::State::NotDueYet);
    CHECK(find(statuses, u"mmr"_s, u"1st dose"_s).state == ImmunisationSchedule::State::NotDueYet);
}

TEST_CASE("the schedule view is for children")
{
    const ImmunisationSchedule s = ukSchedule();
    CHECK(s.appliesTo(QDate(2020, 5, 1), QDate(2026, 11, 22)));
    CHECK(s.appliesTo(QDate(2010, 11, 23), QDate(2026, 11, 22)));
    CHECK_FALSE(s.appliesTo(QDate(2010, 11, 22), QDate(2026, 11, 22)));   // 16 today
    CHECK_FALSE(s.appliesTo(QDate(1985, 4, 12), QDate(2026, 11, 22)));
    CHECK_FALSE(s.appliesTo(QDate(), QDate(2026, 11, 22)));
}
