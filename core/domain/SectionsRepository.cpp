#include "SectionsRepository.h"

#include "ResultsJson.h"

#include "fhir/EntryVisibility.h"
#include "store/ResourceStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

QJsonObject parse(const StoredResource &r)
{
    return QJsonDocument::fromJson(r.json).object();
}

// The same readers as the results section; isWithdrawn is EntryVisibility's one rule for what no
// section or search shows.
using fhirjson::conceptCode;
using fhirjson::conceptText;
using fhirjson::isWithdrawn;

RecordDate dateOf(const QJsonObject &o, std::initializer_list<QLatin1StringView> keys)
{
    for (QLatin1StringView key : keys) {
        const QJsonValue v = o.value(key);
        const RecordDate d = RecordDate::fromFhir(v.isObject() ? v.toObject().value("start"_L1).toString()
                                                               : v.toString());
        if (d.isValid())
            return d;
    }
    return {};
}

bool newerFirst(const RecordDate &a, const RecordDate &b)
{
    if (a.isValid() != b.isValid())
        return a.isValid();
    if (a.date.date != b.date.date)
        return a.date.date > b.date.date;
    return a.local > b.local;
}

QString referenceId(const QJsonValue &reference, QLatin1StringView type)
{
    const QString ref = reference.toObject().value("reference"_L1).toString();
    const QString prefix = type + u'/';
    const qsizetype at = ref.lastIndexOf(prefix);
    // "Encounter/1" or an absolute ".../Encounter/1"; the id is what follows.
    if (at < 0 || (at > 0 && ref.at(at - 1) != u'/'))
        return {};
    return ref.mid(at + prefix.size());
}

QString quantityText(const QJsonObject &q)
{
    if (!q.contains("value"_L1))
        return {};
    QString unit = q.value("unit"_L1).toString();
    if (unit.isEmpty())
        unit = q.value("code"_L1).toString();
    const QString number = q.value("comparator"_L1).toString() + QString::number(q.value("value"_L1).toDouble(), 'g', 12);
    return unit.isEmpty() ? number : number + u' ' + unit;
}

// An Observation's value as text; empty when it has none the app can show.
QString observationValue(const QJsonObject &o)
{
    if (o.contains("valueQuantity"_L1))
        return quantityText(o.value("valueQuantity"_L1).toObject());
    if (o.contains("valueCodeableConcept"_L1))
        return conceptText(o.value("valueCodeableConcept"_L1));
    if (o.contains("valueString"_L1))
        return o.value("valueString"_L1).toString().trimmed();
    QStringList parts;
    for (const QJsonValue &cv : o.value("component"_L1).toArray()) {
        const QJsonObject c = cv.toObject();
        const QString v = observationValue(c);
        if (!v.isEmpty())
            parts << (conceptText(c.value("code"_L1)) + u' ' + v).trimmed();
    }
    return parts.join(", "_L1);
}

bool isCurrentStatus(const QString &status)
{
    return status.isEmpty() || status == "active"_L1 || status == "on-hold"_L1 || status == "intended"_L1
        || status == "unknown"_L1;
}

ProblemItem toProblem(const StoredResource &r, const QJsonObject &o)
{
    ProblemItem e;
    e.id = r.id;
    e.resourceType = r.type;
    e.name = conceptText(o.value("code"_L1));
    const QString clinical = conceptCode(o.value("clinicalStatus"_L1)).toLower();
    const bool abated = o.contains("abatementDateTime"_L1) || o.contains("abatementPeriod"_L1)
        || o.contains("abatementString"_L1);
    e.active = clinical.isEmpty() ? !abated
                                  : (clinical == "active"_L1 || clinical == "recurrence"_L1 || clinical == "relapse"_L1);
    e.onset = dateOf(o, {"onsetDateTime"_L1, "onsetPeriod"_L1, "recordedDate"_L1});
    e.resolved = dateOf(o, {"abatementDateTime"_L1, "abatementPeriod"_L1});
    e.supported = !e.name.isEmpty();
    return e;
}

AllergyItem toAllergy(const StoredResource &r, const QJsonObject &o)
{
    AllergyItem e;
    e.id = r.id;
    e.resourceType = r.type;
    e.substance = conceptText(o.value("code"_L1));
    const QJsonObject reaction = o.value("reaction"_L1).toArray().first().toObject();
    if (e.substance.isEmpty())
        e.substance = conceptText(reaction.value("substance"_L1));
    e.reaction = conceptText(reaction.value("manifestation"_L1).toArray().first());
    e.severity = reaction.value("severity"_L1).toString();
    e.criticality = o.value("criticality"_L1).toString();
    const QString clinical = conceptCode(o.value("clinicalStatus"_L1)).toLower();
    e.active = clinical.isEmpty() || clinical == "active"_L1;
    e.recorded = dateOf(o, {"recordedDate"_L1, "onsetDateTime"_L1, "onsetPeriod"_L1});
    e.supported = !e.substance.isEmpty();
    return e;
}

ImmunisationItem toImmunisation(const StoredResource &r, const QJsonObject &o)
{
    ImmunisationItem e;
    e.id = r.id;
    e.resourceType = r.type;
    e.vaccine = conceptText(o.value("vaccineCode"_L1));
    e.code = conceptCode(o.value("vaccineCode"_L1));
    e.date = dateOf(o, {"occurrenceDateTime"_L1, "recorded"_L1});
    e.supported = !e.vaccine.isEmpty();
    return e;
}

ConsultationItem toConsultation(const StoredResource &r, const QJsonObject &o)
{
    ConsultationItem e;
    e.id = r.id;
    e.resourceType = r.type;
    e.type = conceptText(o.value("type"_L1));
    if (e.type.isEmpty())
        e.type = o.value("class"_L1).toObject().value("display"_L1).toString().trimmed();
    const QJsonObject period = o.value("period"_L1).toObject();
    e.start = RecordDate::fromFhir(period.value("start"_L1).toString());
    e.end = RecordDate::fromFhir(period.value("end"_L1).toString());
    for (const QJsonValue &p : o.value("participant"_L1).toArray()) {
        e.clinician = p.toObject().value("individual"_L1).toObject().value("display"_L1).toString().trimmed();
        if (!e.clinician.isEmpty())
            break;
    }
    e.place = o.value("serviceProvider"_L1).toObject().value("display"_L1).toString().trimmed();
    if (e.place.isEmpty()) {
        e.place = o.value("location"_L1).toArray().first().toObject().value("location"_L1).toObject()
                      .value("display"_L1).toString().trimmed();
    }
    e.reason = conceptText(o.value("reasonCode"_L1));
    e.supported = e.start.isValid() || !e.type.isEmpty();
    return e;
}

DocumentItem toDocument(const StoredResource &r, const QJsonObject &o)
{
    DocumentItem e;
    e.id = r.id;
    e.resourceType = r.type;
    e.typeText = conceptText(o.value("type"_L1));
    e.description = o.value("description"_L1).toString().trimmed();
    for (const QJsonValue &a : o.value("author"_L1).toArray()) {
        e.author = a.toObject().value("display"_L1).toString().trimmed();
        if (!e.author.isEmpty())
            break;
    }
    e.date = RecordDate::fromFhir(o.value("date"_L1).toString());
    if (!e.date.isValid())
        e.date = dateOf(o.value("context"_L1).toObject(), {"period"_L1});
    const QJsonObject attachment = o.value("content"_L1).toArray().first().toObject().value("attachment"_L1).toObject();
    e.contentType = attachment.value("contentType"_L1).toString().section(u';', 0, 0).trimmed().toLower();
    e.size = attachment.contains("size"_L1) ? attachment.value("size"_L1).toInteger(-1) : -1;
    e.binaryId = referenceId(QJsonObject{{u"reference"_s, attachment.value("url"_L1)}}, "Binary"_L1);
    e.title = attachment.value("title"_L1).toString().trimmed();
    if (e.title.isEmpty())
        e.title = e.description.isEmpty() ? e.typeText : e.description;
    e.supported = !attachment.isEmpty();
    return e;
}

// The text of a consultation entry, by type.
QString entryText(const QString &type, const QJsonObject &o)
{
    if (type == "Observation"_L1 || type == "DiagnosticReport"_L1) {
        const QString name = conceptText(o.value("code"_L1));
        const QString value = observationValue(o);
        return value.isEmpty() ? name : (name.isEmpty() ? value : name + u' ' + value);
    }
    if (type == "Condition"_L1)
        return conceptText(o.value("code"_L1));
    if (type == "MedicationRequest"_L1) {
        QString name = conceptText(o.value("medicationCodeableConcept"_L1));
        if (name.isEmpty())
            name = o.value("medicationReference"_L1).toObject().value("display"_L1).toString().trimmed();
        return name;
    }
    if (type == "Immunization"_L1)
        return conceptText(o.value("vaccineCode"_L1));
    return {};
}

bool isCommentNote(const QJsonObject &o)
{
    return visibility::isCommentNote(o);
}

} // namespace

RecordDate RecordDate::fromFhir(const QString &text)
{
    RecordDate d;
    const QString t = text.trimmed();
    // Only a value with a time carries a zone; "2024-05-03" is a calendar date wherever you are.
    if (t.size() > 10 && t.at(10) == u'T') {
        QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
        if (!dt.isValid())
            dt = QDateTime::fromString(t, Qt::ISODate);
        if (dt.isValid()) {
            // FHIR requires an offset with a time; a value without one is taken as it stands.
            d.local = dt.timeSpec() == Qt::LocalTime ? dt : dt.toLocalTime();
            d.date.date = d.local.date();
            d.date.precision = PartialDate::Precision::Day;
            return d;
        }
    }
    d.date = PartialDate::fromFhir(t);
    return d;
}

SectionsRepository::SectionsRepository(const ResourceStore &store) : m_store(store) {}

Result<qint64> SectionsRepository::count(const QString &resourceType) const
{
    return m_store.count(resourceType);
}

// A diagnosis made at one visit (category encounter-diagnosis) belongs to that consultation, not to
// the problem list; a Condition with no category, or also a problem-list-item, is a problem.
static bool isEncounterDiagnosisOnly(const QJsonObject &o)
{
    bool encounterDiagnosis = false;
    for (const QJsonValue &category : o.value("category"_L1).toArray()) {
        for (const QJsonValue &coding : category.toObject().value("coding"_L1).toArray()) {
            const QString code = coding.toObject().value("code"_L1).toString();
            if (code == "problem-list-item"_L1)
                return false;
            if (code == "encounter-diagnosis"_L1)
                encounterDiagnosis = true;
        }
    }
    return encounterDiagnosis;
}

Result<QList<ProblemItem>> SectionsRepository::problems() const
{
    const auto rows = m_store.list(u"Condition"_s);
    if (!rows)
        return rows.error();
    QList<ProblemItem> out;
    for (const StoredResource &r : rows.value()) {
        const QJsonObject o = parse(r);
        if (!isWithdrawn(o) && !isEncounterDiagnosisOnly(o))
            out << toProblem(r, o);
    }
    std::stable_sort(out.begin(), out.end(), [](const ProblemItem &a, const ProblemItem &b) {
        if (a.active != b.active)
            return a.active;
        return newerFirst(a.onset, b.onset);
    });
    return out;
}

Result<QList<MedicineItem>> SectionsRepository::medicines() const
{
    QList<MedicineItem> out;
    QHash<QString, RecordDate> lastIssue;   // plan id → newest issue based on it
    for (const QString &type : {u"MedicationRequest"_s, u"MedicationStatement"_s}) {
        const auto rows = m_store.list(type);
        if (!rows)
            return rows.error();
        for (const StoredResource &r : rows.value()) {
            const QJsonObject o = parse(r);
            if (isWithdrawn(o))
                continue;
            MedicineItem e;
            e.id = r.id;
            e.resourceType = r.type;
            e.status = o.value("status"_L1).toString();
            e.name = conceptText(o.value("medicationCodeableConcept"_L1));
            if (e.name.isEmpty())
                e.name = o.value("medicationReference"_L1).toObject().value("display"_L1).toString().trimmed();
            e.supported = !e.name.isEmpty();
            const bool current = isCurrentStatus(e.status);
            if (type == "MedicationStatement"_L1) {
                e.dosage = o.value("dosage"_L1).toArray().first().toObject().value("text"_L1).toString().trimmed();
                e.started = dateOf(o, {"effectiveDateTime"_L1, "effectivePeriod"_L1, "dateAsserted"_L1});
                e.kind = current ? MedicineKind::Current : MedicineKind::Past;
                out << e;
                continue;
            }
            const QString intent = o.value("intent"_L1).toString();
            e.started = dateOf(o, {"authoredOn"_L1});
            // An issue of a repeat is not a medicine of its own: it dates the repeat's last issue.
            // (The same rule keeps issues out of search: EntryVisibility.)
            if (visibility::isRepeatIssue(EntryFacts::fromJson(o))) {
                for (const QJsonValue &b : o.value("basedOn"_L1).toArray()) {
                    const QString plan = referenceId(b, "MedicationRequest"_L1);
                    if (plan.isEmpty())
                        continue;
                    RecordDate &last = lastIssue[plan];
                    if (newerFirst(e.started, last))
                        last = e.started;
                }
                continue;
            }
            e.dosage = o.value("dosageInstruction"_L1).toArray().first().toObject().value("text"_L1).toString().trimmed();
            const QJsonObject dispense = o.value("dispenseRequest"_L1).toObject();
            e.quantity = quantityText(dispense.value("quantity"_L1).toObject());
            const QString course = conceptCode(o.value("courseOfTherapyType"_L1)).toLower();
            const bool repeat = intent == "plan"_L1 || course.startsWith("continuous"_L1);
            e.kind = !current ? MedicineKind::Past : repeat ? MedicineKind::Repeat : MedicineKind::Acute;
            out << e;
        }
    }
    for (MedicineItem &m : out) {
        if (const auto it = lastIssue.constFind(m.id); it != lastIssue.constEnd())
            m.lastIssued = it.value();
    }
    std::stable_sort(out.begin(), out.end(), [](const MedicineItem &a, const MedicineItem &b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        const RecordDate &da = a.lastIssued.isValid() ? a.lastIssued : a.started;
        const RecordDate &db = b.lastIssued.isValid() ? b.lastIssued : b.started;
        return newerFirst(da, db);
    });
    return out;
}

Result<QList<AllergyItem>> SectionsRepository::allergies() const
{
    const auto rows = m_store.list(u"AllergyIntolerance"_s);
    if (!rows)
        return rows.error();
    QList<AllergyItem> out;
    for (const StoredResource &r : rows.value()) {
        const QJsonObject o = parse(r);
        if (!isWithdrawn(o))
            out << toAllergy(r, o);
    }
    std::stable_sort(out.begin(), out.end(), [](const AllergyItem &a, const AllergyItem &b) {
        if (a.active != b.active)
            return a.active;
        return a.substance.compare(b.substance, Qt::CaseInsensitive) < 0;
    });
    return out;
}

Result<QList<ImmunisationItem>> SectionsRepository::immunisations() const
{
    const auto rows = m_store.list(u"Immunization"_s);
    if (!rows)
        return rows.error();
    QList<ImmunisationItem> out;
    for (const StoredResource &r : rows.value()) {
        const QJsonObject o = parse(r);
        if (!isWithdrawn(o))
            out << toImmunisation(r, o);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ImmunisationItem &a, const ImmunisationItem &b) { return newerFirst(a.date, b.date); });
    return out;
}

template <typename T, typename F>
Result<SectionPage<T>> SectionsRepository::page(const QString &type, int offset, int limit, F make) const
{
    SectionPage<T> out;
    out.nextOffset = qMax(0, offset);
    limit = qMax(1, limit);
    for (;;) {
        const int wanted = limit - int(out.items.size());
        const auto rows = m_store.listPage(type, out.nextOffset, wanted);
        if (!rows)
            return rows.error();
        for (const StoredResource &r : rows.value()) {
            T item;
            if (make(r, item))
                out.items << item;
        }
        out.nextOffset += int(rows->size());
        out.atEnd = rows->size() < wanted;
        if (out.atEnd || out.items.size() >= limit)
            break;
    }
    return out;
}

Result<SectionPage<ConsultationItem>> SectionsRepository::consultations(int offset, int limit) const
{
    auto result = page<ConsultationItem>(u"Encounter"_s, offset, limit, [](const StoredResource &r, ConsultationItem &item) {
        const QJsonObject o = parse(r);
        if (isWithdrawn(o))
            return false;
        item = toConsultation(r, o);
        return true;
    });
    // The store orders by the text of period.start; the same instant with different offsets can
    // sort differently as text, so order the page by the real time.
    if (result)
        std::stable_sort(result->items.begin(), result->items.end(),
                         [](const ConsultationItem &a, const ConsultationItem &b) { return newerFirst(a.start, b.start); });
    return result;
}

Result<std::optional<ConsultationDetail>> SectionsRepository::consultation(const QString &id) const
{
    const auto stored = m_store.get(u"Encounter"_s, id);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return std::optional<ConsultationDetail>();
    const QJsonObject enc = parse(**stored);
    if (isWithdrawn(enc))
        return std::optional<ConsultationDetail>();
    ConsultationDetail detail;
    detail.consultation = toConsultation(**stored, enc);

    // Entries are dated within the consultation; search the date index a day either side (offsets
    // move text dates by up to a day), then keep only those that name this consultation.
    const QJsonObject period = enc.value("period"_L1).toObject();
    const QDate start = PartialDate::fromFhir(period.value("start"_L1).toString()).date;
    QDate end = PartialDate::fromFhir(period.value("end"_L1).toString()).date;
    if (!end.isValid())
        end = start;
    if (!start.isValid())
        return std::optional<ConsultationDetail>(detail);
    const QString from = start.addDays(-1).toString(Qt::ISODate);
    const QString to = end.addDays(2).toString(Qt::ISODate);

    for (const QString &type : {u"Observation"_s, u"Condition"_s, u"MedicationRequest"_s, u"Immunization"_s,
                                u"DiagnosticReport"_s}) {
        const auto rows = m_store.listBetween(type, from, to);
        if (!rows)
            return rows.error();
        for (const StoredResource &r : rows.value()) {
            const QJsonObject o = parse(r);
            if (referenceId(o.value("encounter"_L1), "Encounter"_L1) != id || isWithdrawn(o))
                continue;
            if (type == "Observation"_L1 && isCommentNote(o)) {
                const QString note = o.value("valueString"_L1).toString().trimmed();
                if (!note.isEmpty())
                    detail.notes << note;
                continue;
            }
            ConsultationEntry e;
            e.resourceType = type;
            e.id = r.id;
            e.text = entryText(type, o);
            e.date = dateOf(o, {"effectiveDateTime"_L1, "effectivePeriod"_L1, "onsetDateTime"_L1, "recordedDate"_L1,
                                "authoredOn"_L1, "occurrenceDateTime"_L1, "issued"_L1});
            detail.entries << e;
        }
    }
    std::stable_sort(detail.entries.begin(), detail.entries.end(),
                     [](const ConsultationEntry &a, const ConsultationEntry &b) { return newerFirst(b.date, a.date); });
    return std::optional<ConsultationDetail>(detail);
}

Result<SectionPage<DocumentItem>> SectionsRepository::documents(int offset, int limit) const
{
    std::optional<Error> failed;
    auto result = page<DocumentItem>(u"DocumentReference"_s, offset, limit, [&](const StoredResource &r, DocumentItem &item) {
        const QJsonObject o = parse(r);
        if (isWithdrawn(o))
            return false;
        item = toDocument(r, o);
        if (!item.binaryId.isEmpty()) {
            const auto binary = m_store.exists(u"Binary"_s, item.binaryId);
            if (!binary)
                failed = binary.error();
            else
                item.downloaded = binary.value();
        }
        return true;
    });
    if (failed)
        return *failed;
    if (result)
        std::stable_sort(result->items.begin(), result->items.end(),
                         [](const DocumentItem &a, const DocumentItem &b) { return newerFirst(a.date, b.date); });
    return result;
}

Result<std::optional<DocumentItem>> SectionsRepository::document(const QString &id) const
{
    const auto doc = m_store.get(u"DocumentReference"_s, id);
    if (!doc)
        return doc.error();
    if (!doc->has_value())
        return std::optional<DocumentItem>();
    const QJsonObject o = parse(**doc);
    if (isWithdrawn(o))
        return std::optional<DocumentItem>();
    DocumentItem item = toDocument(**doc, o);
    if (!item.binaryId.isEmpty()) {
        const auto binary = m_store.exists(u"Binary"_s, item.binaryId);
        if (!binary)
            return binary.error();
        item.downloaded = binary.value();
    }
    return std::optional<DocumentItem>(item);
}

Result<std::optional<DocumentContent>> SectionsRepository::documentContent(const QString &documentId) const
{
    const auto doc = m_store.get(u"DocumentReference"_s, documentId);
    if (!doc)
        return doc.error();
    if (!doc->has_value())
        return std::optional<DocumentContent>();
    const DocumentItem item = toDocument(**doc, parse(**doc));
    if (item.binaryId.isEmpty())
        return std::optional<DocumentContent>();
    const auto binary = m_store.get(u"Binary"_s, item.binaryId);
    if (!binary)
        return binary.error();
    if (!binary->has_value())
        return std::optional<DocumentContent>();
    const QJsonObject o = parse(**binary);
    DocumentContent content;
    content.contentType = o.value("contentType"_L1).toString().section(u';', 0, 0).trimmed().toLower();
    if (content.contentType.isEmpty())
        content.contentType = item.contentType;
    const auto decoded = QByteArray::fromBase64Encoding(o.value("data"_L1).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error::make(Error::Kind::Parse, u"stored attachment is not valid base64"_s);
    content.bytes = *decoded;
    return std::optional<DocumentContent>(content);
}

} // namespace hearth
