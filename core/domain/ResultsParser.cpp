#include "ResultsParser.h"

#include "ResultsJson.h"
#include "fhir/EntryVisibility.h"

#include <QJsonArray>
#include <QTimeZone>

namespace hearth {

using namespace Qt::StringLiterals;
using namespace fhirjson;

FhirDateTime FhirDateTime::fromFhir(const QString &text)
{
    FhirDateTime out;
    out.source = text.trimmed();
    auto dateOnly = [&out] {
        out.date = PartialDate::fromFhir(out.source);
        if (out.date.isValid())
            out.msecs = QDateTime(out.date.date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        return out;
    };
    if (out.source.size() <= 10)               // "2024", "2024-05", "2024-05-03": no time, no shifting
        return dateOnly();
    const QDateTime dt = QDateTime::fromString(out.source, Qt::ISODateWithMs);
    if (!dt.isValid())
        return dateOnly();
    out.msecs = dt.toMSecsSinceEpoch();
    // Without an offset (not valid FHIR, but seen) the time is taken as local.
    out.local = dt.toLocalTime();
    out.date.date = out.local.date();
    out.date.precision = PartialDate::Precision::Day;
    return out;
}

namespace results {

namespace {

ResultValue quantityValue(const QJsonObject &q)
{
    ResultValue v;
    v.kind = ResultValue::Kind::Quantity;
    if (q.contains("value"_L1))
        v.number = q.value("value"_L1).toDouble();
    v.comparator = q.value("comparator"_L1).toString();
    v.unit = unitOf(q);
    const QString system = q.value("system"_L1).toString();
    if (system.isEmpty() || system == kUcum)
        v.unitCode = q.value("code"_L1).toString();
    if (v.unitCode.isEmpty() && system.isEmpty())
        v.unitCode = q.value("unit"_L1).toString();   // no code sent: the unit text is our best key
    if (!v.number)
        v.kind = ResultValue::Kind::None;
    return v;
}

// Every value[x] FHIR R4 allows on an Observation; the ones we cannot show become Unsupported.
ResultValue parseValue(const QJsonObject &o)
{
    ResultValue v;
    if (o.contains("valueQuantity"_L1))
        return quantityValue(o.value("valueQuantity"_L1).toObject());
    if (o.contains("valueCodeableConcept"_L1)) {
        v.kind = ResultValue::Kind::Concept;
        v.text = conceptText(o.value("valueCodeableConcept"_L1));
        return v;
    }
    if (o.contains("valueString"_L1)) {
        v.kind = ResultValue::Kind::Text;
        v.text = o.value("valueString"_L1).toString().trimmed();
        return v;
    }
    if (o.contains("valueInteger"_L1)) {
        v.kind = ResultValue::Kind::Quantity;
        v.number = double(o.value("valueInteger"_L1).toInteger());
        return v;
    }
    if (o.contains("valueBoolean"_L1)) {
        v.kind = ResultValue::Kind::Text;
        v.text = o.value("valueBoolean"_L1).toBool() ? u"true"_s : u"false"_s;
        return v;
    }
    for (const char *key : {"valueSampledData", "valueAttachment", "valueRange", "valueRatio", "valueTime",
                            "valueDateTime", "valuePeriod"}) {
        if (o.contains(QLatin1StringView(key))) {
            v.kind = ResultValue::Kind::Unsupported;
            v.unsupportedType = QString::fromLatin1(key);
            return v;
        }
    }
    return v;
}

ResultRange parseRange(const QJsonObject &o)
{
    ResultRange r;
    const QJsonObject range = o.value("referenceRange"_L1).toArray().first().toObject();
    r.text = range.value("text"_L1).toString().trimmed();
    const QJsonObject low = range.value("low"_L1).toObject();
    const QJsonObject high = range.value("high"_L1).toObject();
    if (low.contains("value"_L1))
        r.low = low.value("value"_L1).toDouble();
    if (high.contains("value"_L1))
        r.high = high.value("value"_L1).toDouble();
    const QJsonObject bound = low.isEmpty() ? high : low;
    r.unit = unitOf(bound);
    r.unitCode = bound.value("code"_L1).toString();
    if (r.unitCode.isEmpty())
        r.unitCode = bound.value("unit"_L1).toString();
    return r;
}

QString interpretationCode(const QJsonObject &o)
{
    const QJsonArray list = o.value("interpretation"_L1).toArray();
    for (const QJsonValue &iv : list) {
        for (const QJsonValue &c : iv.toObject().value("coding"_L1).toArray()) {
            const QString code = c.toObject().value("code"_L1).toString();
            if (!code.isEmpty())
                return code;
        }
    }
    return {};
}

// The server's flag wins; a plain number is compared with a numeric range only when none was sent.
ResultFlag flagFor(const QJsonObject &o, const ResultValue &value, const ResultRange &range)
{
    const ResultFlag sent = flagFromCodes(o.value("interpretation"_L1).toArray());
    if (sent != ResultFlag::None || !value.number || !value.comparator.isEmpty() || !(range.low || range.high))
        return sent;
    if (range.low && *value.number < *range.low)
        return ResultFlag::Low;
    if (range.high && *value.number > *range.high)
        return ResultFlag::High;
    return ResultFlag::Normal;
}

} // namespace

QList<ResultCoding> codings(const QJsonValue &codeableConcept)
{
    QList<ResultCoding> out;
    for (const QJsonValue &c : codeableConcept.toObject().value("coding"_L1).toArray()) {
        const QJsonObject coding = c.toObject();
        ResultCoding rc{coding.value("system"_L1).toString(), coding.value("code"_L1).toString()};
        if (!rc.code.isEmpty() && !out.contains(rc))
            out << rc;
    }
    return out;
}

bool isCommentNote(const QJsonObject &observation)
{
    return visibility::isCommentNote(observation);   // one rule for results, sections and search
}

bool isResultObservation(const QJsonObject &observation)
{
    return !isWithdrawn(observation) && !isCommentNote(observation);
}

QString observationIdFromReference(const QJsonValue &reference)
{
    const QString ref = reference.toObject().value("reference"_L1).toString();
    const qsizetype slash = ref.lastIndexOf(u'/');
    if (slash <= 0)
        return {};
    // "Observation/abc" or ".../Observation/abc" (optionally "/_history/n" is not used for results)
    const qsizetype typeStart = ref.lastIndexOf(u'/', slash - 1) + 1;
    if (QStringView(ref).mid(typeStart, slash - typeStart) != u"Observation")
        return {};
    return ref.mid(slash + 1);
}

ObservationResult parseObservation(const QString &id, const QJsonObject &o)
{
    ObservationResult r;
    r.id = id;
    r.name = conceptText(o.value("code"_L1));
    r.codes = codings(o.value("code"_L1));
    r.value = parseValue(o);
    r.range = parseRange(o);
    r.flag = flagFor(o, r.value, r.range);
    r.interpretationCode = interpretationCode(o);
    r.status = o.value("status"_L1).toString();
    for (const char *key : {"effectiveDateTime", "effectiveInstant", "issued"}) {
        r.effective = FhirDateTime::fromFhir(o.value(QLatin1StringView(key)).toString());
        if (r.effective.isValid())
            break;
        if (qstrcmp(key, "effectiveDateTime") == 0) {
            r.effective = FhirDateTime::fromFhir(o.value("effectivePeriod"_L1).toObject().value("start"_L1).toString());
            if (r.effective.isValid())
                break;
        }
    }
    r.note = o.value("note"_L1).toArray().first().toObject().value("text"_L1).toString().trimmed();
    for (const QJsonValue &c : o.value("component"_L1).toArray()) {
        const QJsonObject co = c.toObject();
        ResultComponent comp;
        comp.name = conceptText(co.value("code"_L1));
        comp.codes = codings(co.value("code"_L1));
        comp.value = parseValue(co);
        comp.range = parseRange(co);
        comp.flag = flagFor(co, comp.value, comp.range);
        r.components << comp;
    }
    for (const QJsonValue &m : o.value("hasMember"_L1).toArray()) {
        const QString member = observationIdFromReference(m);
        if (!member.isEmpty())
            r.memberIds << member;
    }
    // Blood pressure and similar carry flags on their parts only: the whole takes the parts' flag
    // when they agree ("High" when both numbers are high), else "outside the usual range".
    if (r.flag == ResultFlag::None && !r.components.isEmpty()) {
        QList<ResultFlag> alarming;
        bool anyNormal = false;
        for (const ResultComponent &comp : std::as_const(r.components)) {
            if (comp.flag == ResultFlag::High || comp.flag == ResultFlag::Low || comp.flag == ResultFlag::Abnormal) {
                if (!alarming.contains(comp.flag))
                    alarming << comp.flag;
            } else if (comp.flag == ResultFlag::Normal) {
                anyNormal = true;
            }
        }
        if (alarming.size() == 1)
            r.flag = alarming.first();
        else if (alarming.size() > 1)
            r.flag = ResultFlag::Abnormal;
        else if (anyNormal)
            r.flag = ResultFlag::Normal;
    }
    return r;
}

ResultReport parseReportHeader(const QString &id, const QJsonObject &o, QStringList *resultIds)
{
    ResultReport r;
    r.kind = ResultReport::Kind::Report;
    r.resourceType = u"DiagnosticReport"_s;
    r.id = id;
    r.name = conceptText(o.value("code"_L1));
    r.status = o.value("status"_L1).toString();
    r.effective = FhirDateTime::fromFhir(o.value("effectiveDateTime"_L1).toString());
    if (!r.effective.isValid())
        r.effective = FhirDateTime::fromFhir(o.value("effectivePeriod"_L1).toObject().value("start"_L1).toString());
    r.issued = FhirDateTime::fromFhir(o.value("issued"_L1).toString());
    if (!r.effective.isValid())
        r.effective = r.issued;
    r.conclusion = o.value("conclusion"_L1).toString().trimmed();
    r.performer = o.value("performer"_L1).toArray().first().toObject().value("display"_L1).toString().trimmed();
    if (resultIds) {
        for (const QJsonValue &ref : o.value("result"_L1).toArray()) {
            const QString obs = observationIdFromReference(ref);
            if (!obs.isEmpty())
                *resultIds << obs;
        }
    }
    return r;
}

} // namespace results
} // namespace hearth
