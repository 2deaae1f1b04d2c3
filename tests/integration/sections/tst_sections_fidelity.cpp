// Fidelity: every Condition, MedicationRequest, AllergyIntolerance, Immunization, Encounter and DocumentReference of
// the sandbox's synthetic family reaches the section view-models with the same text, date and
// status. Expectations are read straight from each resource's JSON here, not from the app's code.
#include "support/CatchQt.h"
#include "../../unit/domain/SectionsFixture.h"

#include "SyntheticFamily.h"

#include "RecordRepository.h"
#include "SectionsRepository.h"
#include "SectionsViewModel.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

const bool kLondon = test::useLondonTime();

// "2021-06-14T10:00:00Z" → the local calendar day (and time); "2019-03" keeps month precision.
QString expectedDate(const QString &fhir, bool withTime = false)
{
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    if (fhir.size() > 10) {
        const QDateTime local = QDateTime::fromString(fhir, Qt::ISODateWithMs).toLocalTime();
        return withTime ? uk.toString(local.date(), u"d MMMM yyyy"_s) + u", "_s + local.time().toString(u"HH:mm"_s)
                        : uk.toString(local.date(), u"d MMMM yyyy"_s);
    }
    if (fhir.size() == 10)
        return uk.toString(QDate::fromString(fhir, Qt::ISODate), u"d MMMM yyyy"_s);
    if (fhir.size() == 7)
        return uk.toString(QDate::fromString(fhir + u"-01"_s, Qt::ISODate), u"MMMM yyyy"_s);
    return fhir;
}

QString display(const QJsonValue &cc0)
{
    const QJsonObject cc = cc0.isArray() ? cc0.toArray().first().toObject() : cc0.toObject();
    if (!cc.value(u"text"_s).toString().isEmpty())
        return cc.value(u"text"_s).toString();
    return cc.value(u"coding"_s).toArray().first().toObject().value(u"display"_s).toString();
}

QString code(const QJsonValue &cc0)
{
    return cc0.toObject().value(u"coding"_s).toArray().first().toObject().value(u"code"_s).toString();
}

QHash<QString, SectionListModel::Row> byId(const SectionListModel *m)
{
    QHash<QString, SectionListModel::Row> out;
    for (const auto &r : m->rows())
        out.insert(r.resourceId, r);
    return out;
}

struct Member {
    QList<QJsonObject> resources[5];   // Condition, MedicationRequest, AllergyIntolerance, Immunization, Encounter
};

const QStringList kTypes{u"Condition"_s, u"MedicationRequest"_s, u"AllergyIntolerance"_s, u"Immunization"_s,
                         u"Encounter"_s};

} // namespace

TEST_CASE("every synthetic-family entry of the section types round-trips to the view-models")
{
    REQUIRE(kLondon);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    sandbox::ResourceStore family;
    const QList<sandbox::FamilyMember> members = sandbox::buildSyntheticFamily(1, 1, family);
    REQUIRE(members.size() == 3);

    int checked = 0;
    for (const sandbox::FamilyMember &member : members) {
        INFO("member " << member.given.toStdString());
        test::SectionsStore store;
        Member expected;
        QList<QJsonObject> notes;   // free-text notes (Comment note observations)
        QList<QJsonObject> documents;
        // One transaction, as sync stores a page (thousands of single-row commits are slow).
        REQUIRE(store.cache.db->transaction([&]() -> Status {
            for (const QString &type : kTypes + QStringList{u"Patient"_s, u"DocumentReference"_s, u"Observation"_s}) {
                for (const sandbox::StoredResource *r : family.search(type, member.id, [](qint64) { return true; })) {
                    store.putJson(r->json);
                    if (type == u"DocumentReference"_s)
                        documents << QJsonDocument::fromJson(r->json).object();
                    if (type == u"Observation"_s) {
                        const QJsonObject o = QJsonDocument::fromJson(r->json).object();
                        if (code(o.value(u"code"_s)) == QLatin1String(SectionsRepository::kCommentNoteCode))
                            notes << o;
                    }
                    expected.resources[kTypes.indexOf(type) >= 0 ? kTypes.indexOf(type) : 0]
                        << (kTypes.contains(type) ? QJsonDocument::fromJson(r->json).object() : QJsonObject());
                }
            }
            return {};
        }).ok());
        for (QList<QJsonObject> &list : expected.resources)
            list.removeIf([](const QJsonObject &o) { return o.isEmpty(); });
        SectionsRepository sections(*store.store);
        RecordRepository record(*store.store);
        SectionsViewModel vm;
        vm.setToday(QDate(2026, 11, 1));
        vm.setRepositories(&sections, &record);
        while (vm.consultations()->canLoadMore())
            vm.loadMore(u"consultations"_s);

        // Problems: name, onset date, status (and resolution date).
        const auto problems = byId(vm.problems());
        for (const QJsonObject &o : expected.resources[0]) {
            const QString id = o.value(u"id"_s).toString();
            INFO("Condition " << id.toStdString());
            REQUIRE(problems.contains(id));
            const auto &row = problems[id];
            const QString name = display(o.value(u"code"_s));
            const QString onset = o.value(u"onsetDateTime"_s).toString();
            const bool active = code(o.value(u"clinicalStatus"_s)) == u"active"_s;
            CHECK(row.group == (active ? u"Current problems"_s : u"Past problems"_s));
            if (name.isEmpty()) {
                // Shown, not dropped: "can't be shown here" with its date and kind.
                CHECK_FALSE(row.supported);
                const QString when = onset.isEmpty() ? o.value(u"recordedDate"_s).toString() : onset;
                CHECK(row.dateText == expectedDate(when, when.size() > 10));
                CHECK(row.detail == u"Type: Health problem"_s);
            } else {
                CHECK(row.title == name);
                CHECK(row.dateText == u"Started "_s + expectedDate(onset));
                CHECK(row.flag == (active ? u"active"_s : u"past"_s));
                if (!active && o.contains(u"abatementDateTime"_s))
                    CHECK(row.secondary == u"Resolved "_s + expectedDate(o.value(u"abatementDateTime"_s).toString()));
            }
            ++checked;
        }

        // Medicines: issues fold into their repeat's "Last issued"; every other request is a row.
        const auto medicines = byId(vm.medicines());
        QHash<QString, QString> lastIssue;
        for (const QJsonObject &o : expected.resources[1]) {
            const QJsonArray basedOn = o.value(u"basedOn"_s).toArray();
            if (basedOn.isEmpty())
                continue;
            const QString plan = basedOn.first().toObject().value(u"reference"_s).toString().section(u'/', 1);
            const QString authored = o.value(u"authoredOn"_s).toString();
            if (authored > lastIssue.value(plan))
                lastIssue[plan] = authored;
        }
        for (const QJsonObject &o : expected.resources[1]) {
            const QString id = o.value(u"id"_s).toString();
            INFO("MedicationRequest " << id.toStdString());
            if (!o.value(u"basedOn"_s).toArray().isEmpty()) {
                CHECK_FALSE(medicines.contains(id));
                ++checked;
                continue;
            }
            REQUIRE(medicines.contains(id));
            const auto &row = medicines[id];
            CHECK(row.title == display(o.value(u"medicationCodeableConcept"_s)));
            CHECK(row.detail == o.value(u"dosageInstruction"_s).toArray().first().toObject().value(u"text"_s).toString());
            const QString status = o.value(u"status"_s).toString();
            const bool current = status == u"active"_s || status == u"on-hold"_s;
            const bool repeat = o.value(u"intent"_s).toString() == u"plan"_s
                || code(o.value(u"courseOfTherapyType"_s)).startsWith(u"continuous"_s);
            CHECK(row.flag == (!current ? u"past"_s : repeat ? u"repeat"_s : u"acute"_s));
            if (lastIssue.contains(id))
                CHECK(row.dateText == u"Last issued "_s + expectedDate(lastIssue[id]));
            else
                CHECK(row.dateText.endsWith(expectedDate(o.value(u"authoredOn"_s).toString())));
            ++checked;
        }

        // Allergies: substance, reaction, severity in words, status.
        const auto allergies = byId(vm.allergies());
        for (const QJsonObject &o : expected.resources[2]) {
            const QString id = o.value(u"id"_s).toString();
            INFO("AllergyIntolerance " << id.toStdString());
            REQUIRE(allergies.contains(id));
            const auto &row = allergies[id];
            CHECK(row.title == display(o.value(u"code"_s)));
            const QJsonObject reaction = o.value(u"reaction"_s).toArray().first().toObject();
            CHECK(row.detail == u"Reaction: "_s + display(reaction.value(u"manifestation"_s).toArray().first()));
            const QString severity = reaction.value(u"severity"_s).toString();
            CHECK(row.secondary.toLower() == severity + u" reaction"_s);
            CHECK(row.dateText == u"Recorded "_s + expectedDate(o.value(u"recordedDate"_s).toString()));
            const bool active = code(o.value(u"clinicalStatus"_s)) == u"active"_s;
            CHECK((row.flag == u"past"_s) == !active);
            ++checked;
        }

        // Vaccinations: vaccine and the day given.
        const auto imms = byId(vm.immunisations());
        for (const QJsonObject &o : expected.resources[3]) {
            const QString id = o.value(u"id"_s).toString();
            INFO("Immunization " << id.toStdString());
            if (o.value(u"status"_s).toString() == u"not-done"_s) {
                CHECK_FALSE(imms.contains(id));
                continue;
            }
            REQUIRE(imms.contains(id));
            CHECK(imms[id].title == display(o.value(u"vaccineCode"_s)));
            CHECK(imms[id].dateText == u"Given "_s + expectedDate(o.value(u"occurrenceDateTime"_s).toString()));
            ++checked;
        }

        // Consultations: type, local date and time, clinician and place.
        const auto consultations = byId(vm.consultations());
        CHECK(consultations.size() == expected.resources[4].size());
        for (const QJsonObject &o : expected.resources[4]) {
            const QString id = o.value(u"id"_s).toString();
            INFO("Encounter " << id.toStdString());
            REQUIRE(consultations.contains(id));
            const auto &row = consultations[id];
            CHECK(row.title == display(o.value(u"type"_s)));
            CHECK(row.dateText == expectedDate(o.value(u"period"_s).toObject().value(u"start"_s).toString(), true));
            CHECK(row.detail.contains(o.value(u"serviceProvider"_s).toObject().value(u"display"_s).toString()));
            const QString clinician = o.value(u"participant"_s).toArray().first().toObject()
                                          .value(u"individual"_s).toObject().value(u"display"_s).toString();
            if (!clinician.isEmpty())
                CHECK(row.detail.startsWith(clinician));
            ++checked;
        }

        // Every consultation note is shown, word for word, in the consultation it names.
        QHash<QString, QStringList> notesShown;
        for (const QJsonObject &o : notes) {
            const QString encounter = o.value(u"encounter"_s).toObject().value(u"reference"_s).toString().section(u'/', -1);
            INFO("note " << o.value(u"id"_s).toString().toStdString() << " of " << encounter.toStdString());
            if (!notesShown.contains(encounter))
                notesShown.insert(encounter, vm.consultation(encounter).value(u"notes"_s).toStringList());
            CHECK(notesShown[encounter].contains(o.value(u"valueString"_s).toString().trimmed()));
            ++checked;
        }

        // Documents: every current letter is listed with its title and local date and time; one the
        // app cannot draw (DICOM) is still listed, tagged "can't be shown here".
        while (vm.documents()->canLoadMore())
            vm.loadMore(u"documents"_s);
        const auto shownDocuments = byId(vm.documents());
        REQUIRE_FALSE(documents.isEmpty());
        for (const QJsonObject &o : documents) {
            const QString id = o.value(u"id"_s).toString();
            INFO("DocumentReference " << id.toStdString());
            if (o.value(u"status"_s).toString() != u"current"_s) {
                CHECK_FALSE(shownDocuments.contains(id));
                continue;
            }
            REQUIRE(shownDocuments.contains(id));
            const auto &row = shownDocuments[id];
            const QJsonObject attachment = o.value(u"content"_s).toArray().first().toObject()
                                               .value(u"attachment"_s).toObject();
            const bool drawable = QStringList{u"application/pdf"_s, u"image/png"_s, u"image/jpeg"_s, u"text/plain"_s}
                                      .contains(attachment.value(u"contentType"_s).toString().section(u';', 0, 0));
            // Listed with its title and date either way; a type the app cannot draw is tagged so.
            CHECK((row.flag == u"unsupported"_s) == !drawable);
            CHECK(row.title == attachment.value(u"title"_s).toString());
            CHECK(row.dateText == expectedDate(o.value(u"date"_s).toString(), true));
            ++checked;
        }
    }
    CHECK(checked > 100);
}
