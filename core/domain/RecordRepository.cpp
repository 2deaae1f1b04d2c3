#include "RecordRepository.h"

#include "ResultsJson.h"
#include "ResultsParser.h"
#include "store/ResourceStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;
using namespace fhirjson;

QJsonObject parse(const StoredResource &r)
{
    // A resource that is not a JSON object still becomes an (unnamed) entry rather than vanishing.
    return QJsonDocument::fromJson(r.json).object();
}

AllergyEntry toAllergy(const StoredResource &r, const QJsonObject &o)
{
    AllergyEntry e;
    e.id = r.id;
    e.substance = conceptText(o.value("code"_L1));
    const QJsonObject reaction = o.value("reaction"_L1).toArray().first().toObject();
    if (e.substance.isEmpty())
        e.substance = conceptText(reaction.value("substance"_L1));
    e.reaction = conceptText(reaction.value("manifestation"_L1).toArray().first());
    e.severity = reaction.value("severity"_L1).toString();
    const QString clinical = conceptCode(o.value("clinicalStatus"_L1));
    e.active = clinical.isEmpty() || clinical == "active"_L1;
    e.recorded = firstDate(o, {"recordedDate"_L1, "onsetDateTime"_L1, "onsetPeriod"_L1});
    return e;
}

bool isCurrentStatus(const QString &status)
{
    return status.isEmpty() || status == "active"_L1 || status == "on-hold"_L1 || status == "intended"_L1
        || status == "unknown"_L1;
}

std::optional<MedicineEntry> toMedicine(const StoredResource &r, const QJsonObject &o)
{
    MedicineEntry e;
    e.id = r.id;
    e.status = o.value("status"_L1).toString();
    e.name = conceptText(o.value("medicationCodeableConcept"_L1));
    if (e.name.isEmpty())
        e.name = o.value("medicationReference"_L1).toObject().value("display"_L1).toString().trimmed();
    const bool current = isCurrentStatus(e.status);

    if (r.type == "MedicationStatement"_L1) {
        e.dosage = o.value("dosage"_L1).toArray().first().toObject().value("text"_L1).toString().trimmed();
        e.date = firstDate(o, {"effectiveDateTime"_L1, "effectivePeriod"_L1, "dateAsserted"_L1});
        e.kind = current ? MedicineKind::Current : MedicineKind::Past;
        return e;
    }

    // MedicationRequest: an issue ("order") of a repeat template is not a medicine of its own.
    const QString intent = o.value("intent"_L1).toString();
    if (intent != "plan"_L1 && !o.value("basedOn"_L1).toArray().isEmpty())
        return std::nullopt;
    e.dosage = o.value("dosageInstruction"_L1).toArray().first().toObject().value("text"_L1).toString().trimmed();
    e.date = firstDate(o, {"authoredOn"_L1});
    const QString course = conceptCode(o.value("courseOfTherapyType"_L1));
    const bool repeat = intent == "plan"_L1 || course.startsWith("continuous"_L1);
    if (!current)
        e.kind = MedicineKind::Past;
    else
        e.kind = repeat ? MedicineKind::Repeat : MedicineKind::Acute;
    return e;
}

ProblemEntry toProblem(const StoredResource &r, const QJsonObject &o)
{
    ProblemEntry e;
    e.id = r.id;
    e.name = conceptText(o.value("code"_L1));
    const QString clinical = conceptCode(o.value("clinicalStatus"_L1));
    if (clinical.isEmpty())
        e.active = !o.contains("abatementDateTime"_L1) && !o.contains("abatementPeriod"_L1);
    else
        e.active = clinical == "active"_L1 || clinical == "recurrence"_L1 || clinical == "relapse"_L1;
    e.onset = firstDate(o, {"onsetDateTime"_L1, "onsetPeriod"_L1, "recordedDate"_L1});
    return e;
}

ImmunisationEntry toImmunisation(const StoredResource &r, const QJsonObject &o)
{
    ImmunisationEntry e;
    e.id = r.id;
    e.vaccine = conceptText(o.value("vaccineCode"_L1));
    e.date = firstDate(o, {"occurrenceDateTime"_L1, "recorded"_L1});
    return e;
}

ResultEntry toResult(const StoredResource &r, const QJsonObject &o)
{
    ResultEntry e;
    e.id = r.id;
    e.name = conceptText(o.value("code"_L1));
    e.valueText = valueText(o);
    if (e.valueText.isEmpty())
        e.valueText = componentsText(o.value("component"_L1).toArray());
    e.date = firstDate(o, {"effectiveDateTime"_L1, "effectivePeriod"_L1, "effectiveInstant"_L1, "issued"_L1});

    const QJsonObject range = o.value("referenceRange"_L1).toArray().first().toObject();
    e.rangeText = range.value("text"_L1).toString().trimmed();
    const QJsonObject low = range.value("low"_L1).toObject();
    const QJsonObject high = range.value("high"_L1).toObject();
    if (low.contains("value"_L1))
        e.rangeLow = low.value("value"_L1).toDouble();
    if (high.contains("value"_L1))
        e.rangeHigh = high.value("value"_L1).toDouble();
    e.rangeUnit = unitOf(low.isEmpty() ? high : low);

    e.flag = flagFromCodes(o.value("interpretation"_L1).toArray());
    const QJsonObject quantity = o.value("valueQuantity"_L1).toObject();
    // Derive the flag from the range only for a plain number compared with a numeric range.
    if (e.flag == ResultFlag::None && quantity.contains("value"_L1) && !quantity.contains("comparator"_L1)
        && (e.rangeLow || e.rangeHigh)) {
        const double v = quantity.value("value"_L1).toDouble();
        if (e.rangeLow && v < *e.rangeLow)
            e.flag = ResultFlag::Low;
        else if (e.rangeHigh && v > *e.rangeHigh)
            e.flag = ResultFlag::High;
        else
            e.flag = ResultFlag::Normal;
    }
    return e;
}

bool isShownObservation(const QJsonObject &o)
{
    const QString status = o.value("status"_L1).toString();
    if (status == "cancelled"_L1 || status == "registered"_L1 || results::isCommentNote(o))
        return false;   // consultation notes are Observations but not results
    // A panel that only groups other observations has no value of its own.
    const bool hasValue = !valueText(o).isEmpty() || !o.value("component"_L1).toArray().isEmpty();
    return hasValue || o.value("hasMember"_L1).toArray().isEmpty();
}

} // namespace

PartialDate PartialDate::fromFhir(const QString &text)
{
    static const QRegularExpression re(u"^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    PartialDate d;
    const int year = m.captured(1).toInt();
    const int month = m.hasCaptured(2) ? m.captured(2).toInt() : 1;
    const int day = m.hasCaptured(3) ? m.captured(3).toInt() : 1;
    d.date = QDate(year, month, day);
    if (!d.date.isValid())
        return {};
    d.precision = m.hasCaptured(3) ? Precision::Day : m.hasCaptured(2) ? Precision::Month : Precision::Year;
    return d;
}

QString PatientSummary::fullName() const
{
    if (givenName.isEmpty())
        return familyName;
    if (familyName.isEmpty())
        return givenName;
    return givenName + u' ' + familyName;
}

RecordRepository::RecordRepository(const ResourceStore &store) : m_store(store) {}

Result<PatientSummary> RecordRepository::patient() const
{
    const auto stored = m_store.list(u"Patient"_s, 1);
    if (!stored)
        return stored.error();
    if (stored->isEmpty())
        return Error::make(Error::Kind::NotFound, u"no Patient resource in the store"_s);
    const QJsonObject o = parse(stored->first());

    PatientSummary p;
    // Prefer the "official" name; fall back to the first one listed.
    const QJsonArray names = o.value("name"_L1).toArray();
    QJsonObject name = names.first().toObject();
    for (const QJsonValue &n : names) {
        if (n.toObject().value("use"_L1).toString() == "official"_L1) {
            name = n.toObject();
            break;
        }
    }
    p.givenName = name.value("given"_L1).toArray().first().toString().trimmed();
    p.familyName = name.value("family"_L1).toString().trimmed();
    p.birthDate = PartialDate::fromFhir(o.value("birthDate"_L1).toString());

    const QJsonArray identifiers = o.value("identifier"_L1).toArray();
    for (const QJsonValue &iv : identifiers) {
        const QJsonObject id = iv.toObject();
        if (id.value("system"_L1).toString() != "https://fhir.nhs.uk/Id/nhs-number"_L1)
            continue;
        QString digits = id.value("value"_L1).toString();
        digits.remove(QRegularExpression(u"\\s"_s));
        p.nhsNumber = digits.size() == 10 ? digits.left(3) + u' ' + digits.mid(3, 3) + u' ' + digits.mid(6)
                                          : digits;
        break;
    }
    return p;
}

Result<RecordSummary> RecordRepository::summary(int latestResults) const
{
    RecordSummary s;

    const auto allergies = m_store.list(u"AllergyIntolerance"_s);
    if (!allergies)
        return allergies.error();
    for (const StoredResource &r : allergies.value()) {
        const QJsonObject o = parse(r);
        if (!isWithdrawn(o))
            s.allergies << toAllergy(r, o);
    }
    std::stable_sort(s.allergies.begin(), s.allergies.end(), [](const AllergyEntry &a, const AllergyEntry &b) {
        if (a.active != b.active)
            return a.active;
        return a.substance.compare(b.substance, Qt::CaseInsensitive) < 0;
    });

    for (const QString &type : {u"MedicationRequest"_s, u"MedicationStatement"_s}) {
        const auto meds = m_store.list(type);
        if (!meds)
            return meds.error();
        for (const StoredResource &r : meds.value()) {
            const QJsonObject o = parse(r);
            if (isWithdrawn(o))
                continue;
            if (auto e = toMedicine(r, o))
                s.medicines << *e;
        }
    }
    std::stable_sort(s.medicines.begin(), s.medicines.end(), [](const MedicineEntry &a, const MedicineEntry &b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return newerFirst(a.date, b.date);
    });

    const auto problems = m_store.list(u"Condition"_s);
    if (!problems)
        return problems.error();
    for (const StoredResource &r : problems.value()) {
        const QJsonObject o = parse(r);
        if (!isWithdrawn(o))
            s.problems << toProblem(r, o);
    }
    std::stable_sort(s.problems.begin(), s.problems.end(), [](const ProblemEntry &a, const ProblemEntry &b) {
        if (a.active != b.active)
            return a.active;
        return newerFirst(a.onset, b.onset);
    });

    const auto immunisations = m_store.list(u"Immunization"_s);
    if (!immunisations)
        return immunisations.error();
    for (const StoredResource &r : immunisations.value()) {
        const QJsonObject o = parse(r);
        const QString status = o.value("status"_L1).toString();
        if (!isWithdrawn(o) && status != "not-done"_L1)
            s.immunisations << toImmunisation(r, o);
    }
    std::stable_sort(s.immunisations.begin(), s.immunisations.end(),
                     [](const ImmunisationEntry &a, const ImmunisationEntry &b) { return newerFirst(a.date, b.date); });

    // The store returns observations newest first (indexed effective date), so only the newest rows
    // are read and parsed: a window that grows until it holds N shown results or the whole list.
    // Some rows are filtered out (panels, withdrawn), hence the margin.
    int window = latestResults > 0 ? latestResults * 4 : 0;
    for (;;) {
        const auto observations = m_store.list(u"Observation"_s, window);
        if (!observations)
            return observations.error();
        s.results.clear();
        for (const StoredResource &r : observations.value()) {
            const QJsonObject o = parse(r);
            if (!isWithdrawn(o) && isShownObservation(o))
                s.results << toResult(r, o);
        }
        const bool readAll = window <= 0 || observations->size() < window;
        if (readAll || s.results.size() >= latestResults)
            break;
        window *= 4;
    }
    std::stable_sort(s.results.begin(), s.results.end(),
                     [](const ResultEntry &a, const ResultEntry &b) { return newerFirst(a.date, b.date); });
    if (latestResults > 0 && s.results.size() > latestResults)
        s.results.resize(latestResults);

    return s;
}

} // namespace hearth
