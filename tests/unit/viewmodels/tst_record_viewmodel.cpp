#include "support/CatchQt.h"

#include "RecordViewModel.h"
#include "SummaryListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>


using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

PartialDate day(int y, int m, int d)
{
    return PartialDate{QDate(y, m, d), PartialDate::Precision::Day};
}

RecordSummary sampleSummary()
{
    RecordSummary s;
    s.allergies << AllergyEntry{u"a1"_s, u"Penicillin"_s, u"Skin rash"_s, u"moderate"_s, true, day(2012, 7, 19)}
                << AllergyEntry{u"a2"_s, QString(), QString(), QString(), false, {}};
    s.medicines << MedicineEntry{u"m1"_s, u"Metformin 500mg tablets"_s, u"One tablet twice a day"_s,
                                 MedicineKind::Repeat, u"active"_s, day(2024, 2, 1)}
                << MedicineEntry{u"m2"_s, u"Ramipril"_s, {}, MedicineKind::Past, u"stopped"_s,
                                 PartialDate{QDate(2020, 3, 1), PartialDate::Precision::Month}};
    s.problems << ProblemEntry{u"c1"_s, u"Asthma"_s, true, PartialDate{QDate(2001, 1, 1), PartialDate::Precision::Year}}
               << ProblemEntry{u"c2"_s, u"Fractured wrist"_s, false, day(2015, 3, 2)};
    s.immunisations << ImmunisationEntry{u"i1"_s, u"Influenza vaccine"_s, day(2023, 10, 5)};
    ResultEntry potassium{u"o1"_s, u"Potassium"_s, u"5.9 mmol/L"_s, {}, 3.5, 5.3, u"mmol/L"_s,
                          ResultFlag::High, day(2024, 5, 3)};
    ResultEntry hb{u"o2"_s, u"Haemoglobin"_s, u"110 g/L"_s, u"115 to 165 g/L"_s, {}, {}, {}, ResultFlag::Low,
                   day(2024, 4, 2)};
    ResultEntry bp{u"o3"_s, u"Blood pressure"_s, u"128/82 mmHg"_s, {}, {}, {}, {}, ResultFlag::None, day(2024, 3, 15)};
    ResultEntry odd{u"o4"_s, {}, {}, {}, 60.0, {}, {}, ResultFlag::Abnormal, {}};
    s.results << potassium << hb << bp << odd;
    return s;
}

QString roleText(const QAbstractItemModel *m, int row, const char *roleName)
{
    const QHash<int, QByteArray> roles = m->roleNames();
    const int role = roles.key(QByteArray(roleName), -1);
    REQUIRE(role != -1);
    return m->data(m->index(row, 0), role).toString();
}

} // namespace

TEST_CASE("SummaryListModel exposes the QML role names and never 'display'")
{
    SummaryListModel model;
    const QList<QByteArray> names = model.roleNames().values();
    for (const char *n : {"title", "detail", "dateText", "flag", "flagText", "accessibleText"})
        CHECK(names.contains(QByteArray(n)));
    CHECK_FALSE(names.contains(QByteArray("display")));
}

TEST_CASE("SummaryListModel moves through its four states with minimal signals")
{
    SummaryListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy status(&model, &SummaryListModel::statusChanged);
    QSignalSpy count(&model, &SummaryListModel::countChanged);

    CHECK(model.status() == SummaryListModel::Loading);

    model.setRows({});
    CHECK(model.status() == SummaryListModel::Empty);
    CHECK(inserted.isEmpty());

    model.setRows({{u"A"_s, {}, {}, {}, {}, {}}, {u"B"_s, {}, {}, {}, {}, {}}});
    CHECK(model.status() == SummaryListModel::Content);
    CHECK(model.rowCount() == 2);
    CHECK(inserted.size() == 1);
    CHECK(count.size() == 1);
    CHECK(reset.isEmpty());

    // Same length, one row changed: one dataChanged for that row only.
    model.setRows({{u"A"_s, {}, {}, {}, {}, {}}, {u"B2"_s, {}, {}, {}, {}, {}}});
    REQUIRE(changed.size() == 1);
    CHECK(changed.at(0).at(0).toModelIndex().row() == 1);
    CHECK(changed.at(0).at(1).toModelIndex().row() == 1);
    CHECK(count.size() == 1);

    model.setLoading();
    CHECK(model.status() == SummaryListModel::Loading);
    CHECK(model.rowCount() == 2); // a refresh keeps what is on screen

    model.setError(u"Something went wrong"_s);
    CHECK(model.status() == SummaryListModel::Error);
    CHECK(model.errorText() == u"Something went wrong"_s);
    CHECK(model.rowCount() == 0);
    CHECK(removed.size() == 1);

    model.setRows({{u"C"_s, {}, {}, {}, {}, {}}});
    CHECK(model.status() == SummaryListModel::Content);
    CHECK(model.errorText().isEmpty());

    model.setRows({{u"C"_s, {}, {}, {}, {}, {}}, {u"D"_s, {}, {}, {}, {}, {}}, {u"E"_s, {}, {}, {}, {}, {}}});
    CHECK(reset.size() == 1);
    CHECK(model.rowCount() == 3);
    CHECK(status.size() >= 5);
}

TEST_CASE("accessibleText is one sentence made from the visible parts")
{
    SummaryListModel model;
    model.setRows({{u"Potassium"_s, u"5.9 mmol/L\nNormal range: 3.5 to 5.3"_s, u"3 May 2024"_s, u"high"_s,
                    u"Higher than normal"_s, {}}});
    CHECK(roleText(&model, 0, "accessibleText")
          == u"Potassium, 5.9 mmol/L, Normal range: 3.5 to 5.3, Higher than normal, 3 May 2024."_s);
}

TEST_CASE("dates follow their precision, the UK way")
{
    CHECK(RecordViewModel::formatDate(day(2024, 5, 3)) == u"3 May 2024"_s);
    CHECK(RecordViewModel::formatDate(PartialDate{QDate(2019, 6, 1), PartialDate::Precision::Month})
          == u"June 2019"_s);
    CHECK(RecordViewModel::formatDate(PartialDate{QDate(2001, 1, 1), PartialDate::Precision::Year}) == u"2001"_s);
    CHECK(RecordViewModel::formatDate({}).isEmpty());
}

TEST_CASE("RecordViewModel turns a summary into rows for each section")
{
    RecordViewModel vm;
    QAbstractItemModelTester t1(vm.results(), QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester t2(vm.allergies(), QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy patientSpy(&vm, &RecordViewModel::patientChanged);
    QSignalSpy hasRecordSpy(&vm, &RecordViewModel::hasRecordChanged);
    CHECK_FALSE(vm.hasRecord());
    CHECK(vm.allergies()->emptyText() == u"No allergies recorded"_s);

    PatientSummary p;
    p.givenName = u"Sarah"_s;
    p.familyName = u"Jones"_s;
    p.nhsNumber = u"943 476 5919"_s;
    vm.setRecord(p, sampleSummary());

    CHECK(vm.firstName() == u"Sarah"_s);
    CHECK(vm.fullName() == u"Sarah Jones"_s);
    CHECK(vm.nhsNumber() == u"943 476 5919"_s);
    CHECK(vm.hasRecord());
    CHECK(patientSpy.size() == 1);
    CHECK(hasRecordSpy.size() == 1);

    SummaryListModel *a = vm.allergies();
    REQUIRE(a->rowCount() == 2);
    CHECK(a->status() == SummaryListModel::Content);
    CHECK(roleText(a, 0, "title") == u"Penicillin"_s);
    CHECK(roleText(a, 0, "detail") == u"Reaction: Skin rash (moderate)"_s);
    CHECK(roleText(a, 0, "dateText") == u"Recorded 19 July 2012"_s);
    CHECK(roleText(a, 1, "title") == u"Unnamed entry"_s);
    CHECK(roleText(a, 1, "flag") == u"past"_s);
    CHECK(roleText(a, 1, "dateText").isEmpty());

    SummaryListModel *m = vm.medicines();
    CHECK(roleText(m, 0, "flag") == u"repeat"_s);
    CHECK(roleText(m, 0, "flagText") == u"Repeat prescription"_s);
    CHECK(roleText(m, 0, "dateText") == u"Started 1 February 2024"_s);
    CHECK(roleText(m, 1, "flag") == u"past"_s);
    CHECK(roleText(m, 1, "dateText") == u"Prescribed March 2020"_s);

    SummaryListModel *c = vm.problems();
    CHECK(roleText(c, 0, "flagText") == u"Active"_s);
    CHECK(roleText(c, 0, "dateText") == u"Started 2001"_s);
    CHECK(roleText(c, 1, "flag") == u"past"_s);

    CHECK(roleText(vm.immunisations(), 0, "dateText") == u"Given 5 October 2023"_s);

    SummaryListModel *r = vm.results();
    REQUIRE(r->rowCount() == 4);
    CHECK(roleText(r, 0, "flag") == u"high"_s);
    CHECK(roleText(r, 0, "flagText") == u"Higher than normal"_s);
    CHECK(roleText(r, 0, "detail") == u"5.9 mmol/L\nNormal range: 3.5 to 5.3 mmol/L"_s);
    CHECK(roleText(r, 0, "dateText") == u"3 May 2024"_s);
    CHECK(roleText(r, 0, "accessibleText").contains(u"Higher than normal"_s));
    CHECK(roleText(r, 1, "flag") == u"low"_s);
    CHECK(roleText(r, 1, "detail") == u"110 g/L\nNormal range: 115 to 165 g/L"_s);
    CHECK(roleText(r, 2, "flag").isEmpty());
    CHECK(roleText(r, 2, "flagText").isEmpty());
    CHECK(roleText(r, 2, "detail") == u"128/82 mmHg"_s);
    CHECK(roleText(r, 3, "title") == u"Unnamed entry"_s);
    CHECK(roleText(r, 3, "detail") == u"No value recorded\nNormal range: 60 or more"_s);
    CHECK(roleText(r, 3, "flagText") == u"Outside the normal range"_s);
}

TEST_CASE("RecordViewModel shows empty, loading and error states, and clears on sign-out")
{
    RecordViewModel vm;
    vm.setRecord({}, {});
    for (SummaryListModel *m : {vm.allergies(), vm.medicines(), vm.problems(), vm.immunisations(), vm.results()})
        CHECK(m->status() == SummaryListModel::Empty);
    CHECK_FALSE(vm.hasRecord());

    vm.setRecord({}, sampleSummary());
    vm.setLoading();
    CHECK(vm.results()->status() == SummaryListModel::Loading);
    CHECK(vm.results()->rowCount() == 4);

    vm.setError(u"We could not load your record"_s);
    for (SummaryListModel *m : {vm.allergies(), vm.medicines(), vm.problems(), vm.immunisations(), vm.results()}) {
        CHECK(m->status() == SummaryListModel::Error);
        CHECK(m->errorText() == u"We could not load your record"_s);
        CHECK(m->rowCount() == 0);
    }

    vm.setRecord({}, sampleSummary());
    CHECK(vm.hasRecord());
    vm.setRepository(nullptr); // signed out
    CHECK_FALSE(vm.hasRecord());
    CHECK(vm.results()->rowCount() == 0);
    CHECK(vm.firstName().isEmpty());
}
