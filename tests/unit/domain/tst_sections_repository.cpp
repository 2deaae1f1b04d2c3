#include "support/CatchQt.h"
#include "SectionsFixture.h"

#include "SectionsRepository.h"

#include <ctime>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

const bool kLondon = test::useLondonTime();

struct Fixture : test::SectionsStore {
    SectionsRepository repo{*store};
    Fixture() { loadBundle(QStringLiteral(DOMAIN_FIXTURES_DIR "/sections-bundle.json")); }
};

template <typename T, typename F>
QStringList column(const QList<T> &list, F field)
{
    QStringList out;
    for (const T &e : list)
        out << field(e);
    return out;
}

} // namespace

TEST_CASE("RecordDate moves a dateTime with an offset to local time and keeps date precision")
{
    REQUIRE(kLondon);
    // 23:30 UTC on 3 May is 00:30 on 4 May in British Summer Time.
    const RecordDate late = RecordDate::fromFhir(u"2024-05-03T23:30:00Z"_s);
    CHECK(late.date.date == QDate(2024, 5, 4));
    CHECK(late.local.time() == QTime(0, 30));
    // In winter London is on UTC: the same clock time stays on its day.
    CHECK(RecordDate::fromFhir(u"2024-01-03T23:30:00Z"_s).date.date == QDate(2024, 1, 3));
    // 01:00+02:00 is 23:00 UTC the day before, 00:00 in London summer time.
    CHECK(RecordDate::fromFhir(u"2024-07-10T01:00:00+02:00"_s).date.date == QDate(2024, 7, 10));
    CHECK(RecordDate::fromFhir(u"2024-07-10T00:30:00+02:00"_s).date.date == QDate(2024, 7, 9));
    const RecordDate month = RecordDate::fromFhir(u"2012-03"_s);
    CHECK(month.date.precision == PartialDate::Precision::Month);
    CHECK_FALSE(month.local.isValid());
    CHECK_FALSE(RecordDate::fromFhir(u"soon"_s).isValid());
}

TEST_CASE("problems: active first, past with resolution date, withdrawn never shown, unnamed kept, visit diagnoses left to their consultation")
{
    Fixture f;
    const auto problems = f.repo.problems();
    REQUIRE(problems.ok());
    CHECK(column(*problems, [](const ProblemItem &p) { return p.id; })
          == QStringList{u"c-diabetes"_s, u"c-nocode"_s, u"c-asthma"_s, u"c-fracture"_s});
    const ProblemItem &fracture = problems->last();
    CHECK_FALSE(fracture.active);
    CHECK(fracture.resolved.date.date == QDate(2015, 3, 2));
    CHECK(problems->at(0).name == u"Type 2 diabetes mellitus"_s);
    // No code text but a date: kept, marked as one the app cannot show, with its date.
    CHECK_FALSE(problems->at(1).supported);
    CHECK(problems->at(1).onset.date.date == QDate(2020, 2, 2));
    CHECK(problems->at(2).onset.date.precision == PartialDate::Precision::Month);
}

TEST_CASE("medicines: repeats with quantity and last issue, acute, past; issues folded in")
{
    Fixture f;
    const auto meds = f.repo.medicines();
    REQUIRE(meds.ok());
    CHECK(column(*meds, [](const MedicineItem &m) { return m.id; })
          == QStringList{u"m-metformin"_s, u"m-amox-active"_s, u"m-amox"_s, u"m-statin"_s});
    const MedicineItem &metformin = meds->at(0);
    CHECK(metformin.kind == MedicineKind::Repeat);
    CHECK(metformin.quantity == u"56 tablet"_s);
    CHECK(metformin.dosage == u"One tablet twice a day with food"_s);
    CHECK(metformin.lastIssued.date.date == QDate(2026, 10, 13));
    CHECK(metformin.started.date.date == QDate(2021, 6, 14));
    CHECK(meds->at(1).kind == MedicineKind::Acute);
    CHECK(meds->at(1).quantity == u"21 capsule"_s);
    CHECK(meds->at(2).kind == MedicineKind::Past);
    CHECK(meds->at(3).kind == MedicineKind::Past);
}

TEST_CASE("allergies: substance, reaction, severity and status")
{
    Fixture f;
    const auto allergies = f.repo.allergies();
    REQUIRE(allergies.ok());
    CHECK(column(*allergies, [](const AllergyItem &a) { return a.substance; })
          == QStringList{u"Peanuts"_s, u"Penicillin"_s, u"Elastoplast"_s});
    CHECK(allergies->at(0).reaction == u"Anaphylaxis"_s);
    CHECK(allergies->at(0).severity == u"severe"_s);
    CHECK_FALSE(allergies->at(2).active);
}

TEST_CASE("immunisations: newest first, not-done left out, codes kept for the schedule")
{
    Fixture f;
    const auto imms = f.repo.immunisations();
    REQUIRE(imms.ok());
    CHECK(column(*imms, [](const ImmunisationItem &i) { return i.id; }) == QStringList{u"i-flu"_s, u"i-covid"_s});
    CHECK(imms->at(0).code == u"836377006"_s);
    CHECK(imms->at(1).date.date.date == QDate(2021, 4, 12));
}

TEST_CASE("consultations: newest first, paged, withdrawn left out")
{
    Fixture f;
    const auto page = f.repo.consultations(0, 50);
    REQUIRE(page.ok());
    CHECK(page->atEnd);
    const QList<ConsultationItem> *all = &page->items;
    CHECK(column(*all, [](const ConsultationItem &c) { return c.id; }) == QStringList{u"e2"_s, u"e1"_s});
    const ConsultationItem &e2 = all->at(0);
    CHECK(e2.type == u"GP consultation"_s);
    CHECK(e2.clinician == u"Dr Amir Khan"_s);
    CHECK(e2.place == u"Riverside Medical Practice"_s);
    CHECK(e2.start.date.date == QDate(2024, 5, 4));   // 23:30Z is after midnight in London
    CHECK(all->at(1).reason == u"Feeling thirsty"_s);

    // Pages of one: the withdrawn row between them is skipped, not returned as an empty page.
    const auto first = f.repo.consultations(0, 1);
    REQUIRE(first.ok());
    REQUIRE(first->items.size() == 1);
    CHECK(first->items.at(0).id == u"e2"_s);
    CHECK_FALSE(first->atEnd);
    const auto second = f.repo.consultations(first->nextOffset, 1);
    REQUIRE(second.ok());
    REQUIRE(second->items.size() == 1);
    CHECK(second->items.at(0).id == u"e1"_s);
    const auto third = f.repo.consultations(second->nextOffset, 1);
    REQUIRE(third.ok());
    CHECK(third->items.isEmpty());
    CHECK(third->atEnd);
}

TEST_CASE("a consultation shows its own entries and notes, not another one's on the same day")
{
    Fixture f;
    const auto detail = f.repo.consultation(u"e1"_s);
    REQUIRE(detail.ok());
    REQUIRE(detail->has_value());
    const ConsultationDetail &d = **detail;
    CHECK(d.notes == QStringList{u"c/o thirst 3/52, polyuria. O/E well. Plan: HbA1c, F/U 2/52."_s});
    CHECK(column(d.entries, [](const ConsultationEntry &e) { return e.id; })
          == QStringList{u"c-diabetes"_s, u"o-hba1c"_s});
    CHECK(d.entries.at(1).text == u"HbA1c level 58 mmol/mol"_s);

    // The note of e2 is dated the next UTC day: still found.
    const auto late = f.repo.consultation(u"e2"_s);
    REQUIRE(late.ok());
    REQUIRE(late->has_value());
    CHECK((*late)->notes == QStringList{u"Late call. NAD."_s});

    const auto withdrawn = f.repo.consultation(u"e-withdrawn"_s);
    REQUIRE(withdrawn.ok());
    CHECK_FALSE(withdrawn->has_value());
    const auto unknown = f.repo.consultation(u"nope"_s);
    REQUIRE(unknown.ok());
    CHECK_FALSE(unknown->has_value());
}

TEST_CASE("documents: newest first with type, author and whether the attachment is on the device")
{
    Fixture f;
    const auto page = f.repo.documents(0, 50);
    REQUIRE(page.ok());
    const QList<DocumentItem> *docs = &page->items;
    CHECK(column(*docs, [](const DocumentItem &d) { return d.id; })
          == QStringList{u"d-letter"_s, u"d-discharge"_s, u"d-missing"_s});
    const DocumentItem &letter = docs->at(0);
    CHECK(letter.title == u"Clinic letter"_s);
    CHECK(letter.typeText == u"Report of clinical encounter"_s);
    CHECK(letter.author == u"Dr Sarah Jones"_s);
    CHECK(letter.contentType == u"text/plain"_s);
    CHECK(letter.binaryId == u"b-letter"_s);
    CHECK(letter.downloaded);
    CHECK_FALSE(docs->at(1).downloaded);
    CHECK(docs->at(1).title == u"Discharge summary"_s);
}

TEST_CASE("document content is read from the stored Binary, offline")
{
    Fixture f;
    const auto text = f.repo.documentContent(u"d-letter"_s);
    REQUIRE(text.ok());
    REQUIRE(text->has_value());
    CHECK((*text)->contentType == u"text/plain"_s);
    CHECK((*text)->bytes == QByteArray("Dear patient,\nYour blood test was normal.\n"));

    const auto missing = f.repo.documentContent(u"d-missing"_s);
    REQUIRE(missing.ok());
    CHECK_FALSE(missing->has_value());

    QFile pdf(QStringLiteral(DOMAIN_FIXTURES_DIR "/discharge.pdf"));
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    f.putBinary(u"b-pdf"_s, u"application/pdf"_s, bytes);
    const auto stored = f.repo.documentContent(u"d-discharge"_s);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->bytes == bytes);
}

TEST_CASE("an empty store gives empty sections, not errors")
{
    test::SectionsStore s;
    SectionsRepository repo(*s.store);
    CHECK(repo.problems()->isEmpty());
    CHECK(repo.medicines()->isEmpty());
    CHECK(repo.allergies()->isEmpty());
    CHECK(repo.immunisations()->isEmpty());
    CHECK(repo.consultations(0, 20)->items.isEmpty());
    CHECK(repo.consultations(0, 20)->atEnd);
    CHECK(repo.documents(0, 20)->items.isEmpty());
    CHECK(repo.count(u"Encounter"_s).value() == 0);
}
