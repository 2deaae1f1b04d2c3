// Fidelity: every Observation and DiagnosticReport of the sandbox's synthetic family reaches the
// results view-model with the value, unit, date and status of its source JSON. The family is built
// in-process (hearth_sandbox), indexed the way sync indexes it, into a real encrypted store.
// The expected texts are computed here from the JSON with Qt directly, not with the app's code.
#include "support/CatchQt.h"

#include "ResultsRepository.h"
#include "ResultsViewModel.h"
#include "SyntheticFamily.h"
#include "TrendRepository.h"
#include "domain/ResultsTestStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

QString expectedDate(const QString &fhir)
{
    const QLocale locale;
    if (fhir.size() == 10)
        return locale.toString(QDate::fromString(fhir, Qt::ISODate), u"d MMMM yyyy"_s);
    return locale.toString(QDateTime::fromString(fhir, Qt::ISODateWithMs).toLocalTime().date(), u"d MMMM yyyy"_s);
}

QString effectiveOf(const QJsonObject &o)
{
    for (const char *key : {"effectiveDateTime", "effectiveInstant", "issued"}) {
        const QString v = o.value(QLatin1StringView(key)).toString();
        if (!v.isEmpty())
            return v;
    }
    return o.value("effectivePeriod"_L1).toObject().value("start"_L1).toString();
}

QString number(double v)
{
    return QLocale().toString(v, 'g', 12);
}

bool isNote(const QJsonObject &o)
{
    for (const QJsonValue &c : o.value("code"_L1).toObject().value("coding"_L1).toArray())
        if (c.toObject().value("code"_L1).toString() == "37331000000100"_L1)
            return true;
    return false;
}

} // namespace

TEST_CASE("every sandbox result round-trips from JSON to the results view-model")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    sandbox::ResourceStore family;
    const auto members = sandbox::buildSyntheticFamily(42, 1, family);
    REQUIRE(!members.isEmpty());
    const QString patient = members.first().id;

    test::ResultsStore s;
    REQUIRE(s.ok());
    QHash<QString, QJsonObject> observations;
    QHash<QString, QJsonObject> reports;
    QSqlDatabase db = s.db->database();
    REQUIRE(db.transaction());   // one transaction, as sync stores a page
    for (const QString &type : {u"Observation"_s, u"DiagnosticReport"_s}) {
        for (const sandbox::StoredResource *r : family.all(type)) {
            if (r->patientId != patient || r->deleted)
                continue;
            REQUIRE(s.putJson(r->json));
            (type == "Observation"_L1 ? observations : reports).insert(r->id, QJsonDocument::fromJson(r->json).object());
        }
    }
    REQUIRE(db.commit());
    REQUIRE(observations.size() > 100);
    REQUIRE(reports.size() > 10);

    ResultsRepository results(s.db->database());
    TrendRepository trends(s.db->database());
    ResultsViewModel model;
    model.setRepositories(&results, &trends);
    for (int guard = 0; model.canFetchMore({}) && guard < 10000; ++guard)
        model.fetchMore({});
    REQUIRE(model.status() == ResultsViewModel::Content);

    QHash<QString, QVariantMap> rows;
    QHash<QString, QVariantMap> entries;
    int duplicateRows = 0;
    for (int i = 0; i < model.rowCount(); ++i) {
        const QVariantMap e = model.entry(i);
        entries.insert(e.value(u"resourceType"_s).toString() + u'/' + e.value(u"entryId"_s).toString(), e);
        for (const QVariant &rv : e.value(u"rows"_s).toList()) {
            const QVariantMap r = rv.toMap();
            const QString id = r.value(u"observationId"_s).toString();
            if (rows.contains(id))
                ++duplicateRows;
            rows.insert(id, r);
        }
    }
    CHECK(duplicateRows == 0);

    int checkedValues = 0;
    int notes = 0;
    for (auto it = observations.cbegin(); it != observations.cend(); ++it) {
        const QJsonObject &o = it.value();
        const bool shown = rows.contains(it.key());
        INFO("Observation " << it.key().toStdString());
        if (isNote(o) || o.value("status"_L1).toString() == "entered-in-error"_L1) {
            CHECK(!shown);
            CHECK(!entries.contains(u"Observation/"_s + it.key()));
            ++notes;
            continue;
        }
        if (!o.value("hasMember"_L1).toArray().isEmpty()) {   // a panel is an entry, its members the rows
            CHECK(entries.contains(u"Observation/"_s + it.key()));
            continue;
        }
        REQUIRE(shown);
        const QVariantMap row = rows.value(it.key());
        CHECK(row.value(u"statusCode"_s).toString() == o.value("status"_L1).toString());
        CHECK(!row.value(u"statusText"_s).toString().isEmpty());
        CHECK(row.value(u"dateText"_s).toString() == expectedDate(effectiveOf(o)));
        CHECK(row.value(u"title"_s).toString() == o.value("code"_L1).toObject().value("text"_L1).toString());
        const QString valueText = row.value(u"valueText"_s).toString();
        if (o.contains("valueQuantity"_L1)) {
            const QJsonObject q = o.value("valueQuantity"_L1).toObject();
            CHECK(row.value(u"unit"_s).toString() == q.value("unit"_L1).toString());
            CHECK(valueText.startsWith(number(q.value("value"_L1).toDouble())));
            ++checkedValues;
        } else if (o.contains("valueString"_L1)) {
            CHECK(valueText == o.value("valueString"_L1).toString());
            ++checkedValues;
        } else if (o.contains("valueCodeableConcept"_L1)) {
            CHECK(valueText == o.value("valueCodeableConcept"_L1).toObject().value("text"_L1).toString());
            ++checkedValues;
        } else if (o.contains("component"_L1)) {
            QStringList parts;
            for (const QJsonValue &c : o.value("component"_L1).toArray())
                parts << number(c.toObject().value("valueQuantity"_L1).toObject().value("value"_L1).toDouble());
            CHECK(valueText.startsWith(parts.join(u'/')));
            ++checkedValues;
        } else {
            CHECK(row.value(u"unsupported"_s).toBool() == (o.keys().filter(u"value"_s).size() > 0));
        }
    }
    CHECK(checkedValues > 100);

    for (auto it = reports.cbegin(); it != reports.cend(); ++it) {
        const QJsonObject &r = it.value();
        INFO("DiagnosticReport " << it.key().toStdString());
        if (r.value("status"_L1).toString() == "entered-in-error"_L1) {
            CHECK(!entries.contains(u"DiagnosticReport/"_s + it.key()));
            continue;
        }
        REQUIRE(entries.contains(u"DiagnosticReport/"_s + it.key()));
        const QVariantMap e = entries.value(u"DiagnosticReport/"_s + it.key());
        CHECK(e.value(u"statusCode"_s).toString() == r.value("status"_L1).toString());
        CHECK(e.value(u"dateText"_s).toString() == expectedDate(r.value("effectiveDateTime"_L1).toString()));
        CHECK(e.value(u"title"_s).toString() == r.value("code"_L1).toObject().value("text"_L1).toString());
        CHECK(e.value(u"conclusion"_s).toString() == r.value("conclusion"_L1).toString());
        // Each referenced result is a row of this report.
        QStringList expected;
        for (const QJsonValue &ref : r.value("result"_L1).toArray()) {
            const QString id = ref.toObject().value("reference"_L1).toString().section(u'/', -1);
            if (observations.contains(id) && observations.value(id).value("status"_L1).toString() != "entered-in-error"_L1)
                expected << id;
        }
        QStringList got;
        for (const QVariant &rv : e.value(u"rows"_s).toList())
            got << rv.toMap().value(u"observationId"_s).toString();
        CHECK(got == expected);
    }
    INFO("notes skipped: " << notes);
}
