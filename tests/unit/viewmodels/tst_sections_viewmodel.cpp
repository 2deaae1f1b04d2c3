// Section view-models over a real store filled from fixture JSON: rows, wording, groups, paging,
// the child's schedule, consultation and document details, and the empty and error states.
#include "support/CatchQt.h"
#include "../domain/SectionsFixture.h"

#include "RecordRepository.h"
#include "SectionsRepository.h"
#include "SectionsViewModel.h"
#include "UnitWords.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

const bool kLondon = test::useLondonTime();

struct Env : test::SectionsStore {
    SectionsRepository sections{*store};
    RecordRepository record{*store};
    SectionsViewModel vm;

    explicit Env(bool withFixture = true)
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        if (withFixture)
            loadBundle(QStringLiteral(DOMAIN_FIXTURES_DIR "/sections-bundle.json"));
        vm.setToday(QDate(2026, 11, 22));
        for (SectionListModel *m : {vm.problems(), vm.medicines(), vm.allergies(), vm.immunisations(), vm.schedule(),
                                    vm.consultations(), vm.documents()})
            new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::Fatal, &vm);
    }
    void start() { vm.setRepositories(&sections, &record); }
};

QStringList titles(const SectionListModel *m)
{
    QStringList out;
    for (const auto &r : m->rows())
        out << r.title;
    return out;
}

const SectionListModel::Row *rowById(const SectionListModel *m, const QString &id)
{
    for (const auto &r : m->rows()) {
        if (r.resourceId == id)
            return &r;
    }
    return nullptr;
}

void putChild(test::SectionsStore &s, const QString &birthDate)
{
    s.putJson(QStringLiteral(R"({"resourceType":"Patient","id":"p1","birthDate":"%1","name":[{"given":["Alfie"],"family":"Jones"}]})")
                  .arg(birthDate).toUtf8());
}

} // namespace

TEST_CASE("problems: groups, dates in words, resolved date, unnamed entry kept and said so")
{
    REQUIRE(kLondon);
    Env env;
    env.start();
    const SectionListModel *m = env.vm.problems();
    CHECK(m->status() == SectionListModel::Content);
    REQUIRE(m->rowCount() == 4);
    const auto *diabetes = rowById(m, u"c-diabetes"_s);
    REQUIRE(diabetes);
    CHECK(diabetes->title == u"Type 2 diabetes mellitus"_s);
    CHECK(diabetes->group == u"Current problems"_s);
    CHECK(diabetes->dateText == u"Started 14 June 2021"_s);
    CHECK(rowById(m, u"c-asthma"_s)->dateText == u"Started March 2012"_s);
    const auto *fracture = rowById(m, u"c-fracture"_s);
    CHECK(fracture->group == u"Past problems"_s);
    CHECK(fracture->secondary == u"Resolved 2 March 2015"_s);
    const auto *unnamed = rowById(m, u"c-nocode"_s);
    REQUIRE(unnamed);
    CHECK_FALSE(unnamed->supported);
    CHECK(unnamed->title == u"This entry can't be shown here"_s);
    CHECK(unnamed->dateText == u"2 February 2020"_s);
    CHECK(unnamed->detail == u"Type: Health problem"_s);
    CHECK(rowById(m, u"c-withdrawn"_s) == nullptr);
    CHECK(env.vm.counts().value(u"problems"_s).toInt() == 4);
}

TEST_CASE("medicines: repeat with dose, quantity and last issued; one-off; past")
{
    Env env;
    env.start();
    const SectionListModel *m = env.vm.medicines();
    const auto *metformin = rowById(m, u"m-metformin"_s);
    REQUIRE(metformin);
    CHECK(metformin->group == u"Repeat prescriptions"_s);
    CHECK(metformin->detail == u"One tablet twice a day with food"_s);
    CHECK(metformin->secondary == u"Quantity: 56 tablets"_s);
    CHECK(metformin->dateText == u"Last issued 13 October 2026"_s);
    CHECK(rowById(m, u"m-amox-active"_s)->group == u"One-off prescriptions"_s);
    CHECK(rowById(m, u"m-statin"_s)->group == u"Past medicines"_s);
    CHECK(rowById(m, u"m-metformin-i1"_s) == nullptr);   // an issue is not a medicine of its own
}

TEST_CASE("allergies: reaction and severity in words, status")
{
    Env env;
    env.start();
    const SectionListModel *m = env.vm.allergies();
    CHECK(titles(m) == QStringList{u"Peanuts"_s, u"Penicillin"_s, u"Elastoplast"_s});
    const auto *nuts = rowById(m, u"a-nuts"_s);
    CHECK(nuts->detail == u"Reaction: Anaphylaxis"_s);
    CHECK(nuts->secondary == u"Severe reaction"_s);
    CHECK(nuts->flagText == u"Severe"_s);
    CHECK(rowById(m, u"a-pen"_s)->secondary == u"Moderate reaction"_s);
    CHECK(rowById(m, u"a-old"_s)->group == u"No longer active"_s);
}

TEST_CASE("immunisations and, for a child, the schedule in calm words")
{
    Env env;
    putChild(env, u"2026-06-01"_s);   // 24 weeks old on 22 November 2026
    env.putJson(R"({"resourceType":"Immunization","id":"i-6in1","status":"completed","patient":{"reference":"Patient/p1"},
        "vaccineCode":{"coding":[{"system":"http://snomed.info/sct","code":"1162640003","display":"DTaP/IPV/Hib/HepB (6-in-1) vaccine"}]},
        "occurrenceDateTime":"2026-07-28"})");
    env.start();
    CHECK(rowById(env.vm.immunisations(), u"i-6in1"_s)->dateText == u"Given 28 July 2026"_s);
    CHECK(env.vm.showSchedule());
    const SectionListModel *s = env.vm.schedule();
    REQUIRE(s->rowCount() >= 15);
    const auto &first = s->row(0);
    CHECK(first.title == u"6-in-1 vaccine, 1st dose"_s);
    CHECK(first.group == u"At 8 weeks"_s);
    CHECK(first.flag == u"given"_s);
    CHECK(first.dateText == u"Given on 28 July 2026"_s);
    // Rotavirus at 8 weeks: due, nothing recorded.
    CHECK(s->row(1).flag == u"notRecorded"_s);
    CHECK(s->row(1).detail.contains(u"ask your GP practice"_s));
    // MMR at 1 year: not due yet, with the date it usually starts.
    bool sawNotDue = false;
    for (const auto &r : s->rows()) {
        if (r.title == u"MMR vaccine, 1st dose"_s) {
            sawNotDue = true;
            CHECK(r.flag == u"notDue"_s);
            CHECK(r.dateText == u"Not due yet: usually from 1 June 2027"_s);
        }
    }
    CHECK(sawNotDue);
}

TEST_CASE("an adult sees no schedule")
{
    Env env;
    putChild(env, u"1985-04-12"_s);
    env.start();
    CHECK_FALSE(env.vm.showSchedule());
    CHECK(env.vm.schedule()->rowCount() == 0);
}

TEST_CASE("consultations: list newest first in local time, detail with entries and notes")
{
    Env env;
    env.start();
    const SectionListModel *m = env.vm.consultations();
    REQUIRE(m->rowCount() == 2);
    CHECK(m->row(0).resourceId == u"e2"_s);
    CHECK(m->row(0).dateText == u"4 May 2024, 00:30"_s);   // 23:30Z in British Summer Time
    CHECK(m->row(0).detail == u"Dr Amir Khan, Riverside Medical Practice"_s);
    CHECK(m->row(1).secondary == u"Reason: Feeling thirsty"_s);
    CHECK(env.vm.counts().value(u"consultations"_s).toInt() == 3);   // rows in the store

    const QVariantMap d = env.vm.consultation(u"e1"_s);
    CHECK(d.value(u"found"_s).toBool());
    CHECK(d.value(u"title"_s).toString() == u"Telephone encounter"_s);
    CHECK(d.value(u"dateText"_s).toString() == u"14 June 2021, 09:10"_s);
    CHECK(d.value(u"notes"_s).toStringList()
          == QStringList{u"c/o thirst 3/52, polyuria. O/E well. Plan: HbA1c, F/U 2/52."_s});
    const QVariantList entries = d.value(u"entries"_s).toList();
    REQUIRE(entries.size() == 2);
    CHECK(entries.at(1).toMap().value(u"title"_s).toString() == u"HbA1c level 58 mmol/mol"_s);
    CHECK(entries.at(1).toMap().value(u"kind"_s).toString() == u"Test or measurement"_s);
    CHECK_FALSE(env.vm.consultation(u"e-withdrawn"_s).value(u"found"_s).toBool());
}

TEST_CASE("paged consultations load more on request")
{
    Env env(false);
    for (int i = 0; i < SectionsViewModel::kPageSize + 5; ++i) {
        env.putJson(QStringLiteral(R"({"resourceType":"Encounter","id":"e%1","status":"finished","type":[{"text":"GP consultation"}],
            "subject":{"reference":"Patient/p1"},"period":{"start":"2020-01-01T10:00:00Z"}})").arg(i, 3, 10, QChar(u'0')).toUtf8());
    }
    env.start();
    SectionListModel *m = env.vm.consultations();
    CHECK(m->rowCount() == SectionsViewModel::kPageSize);
    CHECK(m->canLoadMore());
    QSignalSpy inserted(m, &QAbstractItemModel::rowsInserted);
    env.vm.loadMore(u"consultations"_s);
    CHECK(m->rowCount() == SectionsViewModel::kPageSize + 5);
    CHECK_FALSE(m->canLoadMore());
    CHECK(inserted.size() == 1);
}

TEST_CASE("documents: kinds, not-yet-downloaded, unsupported, and their detail")
{
    Env env;
    QFile pdf(QStringLiteral(DOMAIN_FIXTURES_DIR "/discharge.pdf"));
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    env.putBinary(u"b-pdf"_s, u"application/pdf"_s, pdf.readAll());
    env.putJson(R"({"resourceType":"DocumentReference","id":"d-dicom","status":"current","subject":{"reference":"Patient/p1"},
        "type":{"text":"X-ray image"},"date":"2021-01-05",
        "content":[{"attachment":{"contentType":"application/dicom","url":"Binary/b-dicom"}}]})");
    int counted = 0;
    env.vm.setPdfPageCounter([&](const QByteArray &bytes) { ++counted; return bytes.startsWith("%PDF") ? 1 : 0; });
    env.start();
    const SectionListModel *m = env.vm.documents();
    CHECK(rowById(m, u"d-letter"_s)->flag == u"text"_s);
    CHECK(rowById(m, u"d-discharge"_s)->flag == u"pdf"_s);
    CHECK(rowById(m, u"d-missing"_s)->flag == u"missing"_s);
    CHECK(rowById(m, u"d-dicom"_s)->flagText == u"Can't be shown here"_s);
    CHECK(rowById(m, u"d-withdrawn"_s) == nullptr);
    CHECK(rowById(m, u"d-letter"_s)->dateText == u"6 May 2024, 10:00"_s);

    const QVariantMap letter = env.vm.document(u"d-letter"_s);
    CHECK(letter.value(u"kind"_s).toString() == u"text"_s);
    CHECK(letter.value(u"text"_s).toString() == u"Dear patient,\nYour blood test was normal.\n"_s);
    const QVariantMap discharge = env.vm.document(u"d-discharge"_s);
    CHECK(discharge.value(u"kind"_s).toString() == u"pdf"_s);
    CHECK(discharge.value(u"pageCount"_s).toInt() == 1);
    CHECK(counted == 1);
    const QVariantMap missing = env.vm.document(u"d-missing"_s);
    CHECK(missing.value(u"kind"_s).toString() == u"missing"_s);
    CHECK(missing.value(u"message"_s).toString().contains(u"can't be shown here"_s));
    const QVariantMap dicom = env.vm.document(u"d-dicom"_s);
    CHECK(dicom.value(u"kind"_s).toString() == u"unsupported"_s);
    CHECK(dicom.value(u"message"_s).toString().contains(u"5 January 2021"_s));
    CHECK(dicom.value(u"message"_s).toString().contains(u"X-ray image"_s));
}

TEST_CASE("a document beyond the loaded pages opens from the store; a hidden or unknown one is gone")
{
    Env env(false);
    for (int i = 0; i < SectionsViewModel::kPageSize + 2; ++i) {
        env.putJson(QStringLiteral(R"({"resourceType":"DocumentReference","id":"d%1","status":"current",
            "subject":{"reference":"Patient/p1"},"type":{"text":"Clinic letter"},"date":"2024-01-%2",
            "content":[{"attachment":{"contentType":"text/plain","url":"Binary/b%1"}}]})")
                        .arg(i, 3, 10, QChar(u'0')).arg(i % 28 + 1, 2, 10, QChar(u'0')).toUtf8());
    }
    env.putJson(R"({"resourceType":"DocumentReference","id":"old-letter","status":"current",
        "subject":{"reference":"Patient/p1"},"type":{"text":"Discharge summary"},"date":"2010-03-04",
        "content":[{"attachment":{"contentType":"text/plain","url":"Binary/b-old"}}]})");
    env.putJson(R"({"resourceType":"DocumentReference","id":"replaced","status":"superseded",
        "subject":{"reference":"Patient/p1"},"type":{"text":"Discharge summary"},"date":"2010-03-03",
        "content":[{"attachment":{"contentType":"text/plain","url":"Binary/b-replaced"}}]})");
    env.putBinary(u"b-old"_s, u"text/plain"_s, "Discharged home well.");
    env.start();
    REQUIRE(rowById(env.vm.documents(), u"old-letter"_s) == nullptr);   // not on the first page

    const QVariantMap old = env.vm.document(u"old-letter"_s);
    CHECK(old.value(u"found"_s).toBool());
    CHECK(old.value(u"typeText"_s).toString() == u"Discharge summary"_s);
    CHECK(old.value(u"kind"_s).toString() == u"text"_s);
    CHECK(old.value(u"text"_s).toString() == u"Discharged home well."_s);

    CHECK_FALSE(env.vm.document(u"replaced"_s).value(u"found"_s).toBool());
    const QVariantMap unknown = env.vm.document(u"never-there"_s);
    CHECK_FALSE(unknown.value(u"found"_s).toBool());
    CHECK(unknown.value(u"message"_s).toString() == u"This document is no longer in your record."_s);
}

TEST_CASE("an empty record: every section is Empty with its own words")
{
    Env env(false);
    env.start();
    CHECK(env.vm.problems()->status() == SectionListModel::Empty);
    CHECK(env.vm.problems()->emptyText() == u"No health problems recorded"_s);
    CHECK(env.vm.documents()->status() == SectionListModel::Empty);
    CHECK(env.vm.consultations()->status() == SectionListModel::Empty);
    CHECK_FALSE(env.vm.consultations()->canLoadMore());
}

TEST_CASE("a store that cannot be read: every section is Error with words for the patient")
{
    ResourceStore broken{QSqlDatabase()};
    SectionsRepository sections(broken);
    RecordRepository record(broken);
    SectionsViewModel vm;
    vm.setRepositories(&sections, &record);
    for (SectionListModel *m : {vm.problems(), vm.medicines(), vm.allergies(), vm.immunisations(), vm.consultations(),
                                vm.documents()}) {
        CHECK(m->status() == SectionListModel::Error);
        CHECK(m->errorText().contains(u"Try again"_s));
    }
    // Signing out clears everything.
    vm.setRepositories(nullptr, nullptr);
    CHECK(vm.problems()->status() == SectionListModel::Empty);
}

TEST_CASE("setLoading keeps rows so a refresh does not blank the page")
{
    Env env;
    env.start();
    env.vm.setLoading();
    CHECK(env.vm.problems()->status() == SectionListModel::Loading);
    CHECK(env.vm.problems()->rowCount() == 4);
    env.vm.reload();
    CHECK(env.vm.problems()->status() == SectionListModel::Content);
}

TEST_CASE("count units read as a patient says them", "[viewmodels][sections]")
{
    CHECK(quantityWords(u"56 tablet"_s) == u"56 tablets"_s);
    CHECK(quantityWords(u"1 tablet"_s) == u"1 tablet"_s);
    CHECK(quantityWords(u"12 suppository"_s) == u"12 suppositories"_s);
    CHECK(quantityWords(u"300 ml"_s) == u"300 ml"_s);          // a measure stays as sent
    CHECK(quantityWords(u"2 Inhaler"_s) == u"2 inhalers"_s);
    CHECK(quantityWords(u"tablet"_s) == u"tablet"_s);           // no number: untouched
    CHECK(quantityWords(u"<5 tablet"_s) == u"<5 tablet"_s);     // a comparator: untouched
    CHECK(countUnit(u"capsule"_s, 0.5) == u"capsules"_s);
}
